package eu.empact.oap.registry;

/**
 * How well the registry read something a document writes as text (an actor cell, so far): the
 * text is always kept as written; what is not {@link #READ} is flagged for a person to confirm or
 * correct.
 */
public enum Reading {
  /** Read as written: a code, a name, or a known spelling. */
  READ,
  /** Read with an assumption that the note states (words set aside, actors written together). */
  INTERPRETED,
  /** Nothing could be read from it; kept as written for a person to resolve. */
  UNREADABLE
}
