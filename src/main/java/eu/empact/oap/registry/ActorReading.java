package eu.empact.oap.registry;

/**
 * One part of an actor cell as the registry read it: the words ({@code written}), the actor (by
 * code) or the collective form they name, if any, how they were read, and a note for a person
 * where the reading is not plain.
 */
public record ActorReading(String written, String actor, String collective, ReadAs readAs, Reading status,
                           String note) {

  /** How the words name what they name. */
  public enum ReadAs {
    /** The actor's code: "FR", "FRONTEX". */
    CODE,
    /** The actor's name: "France", "Europol". */
    NAME,
    /** Another known spelling: "Cefpol", "GR", "France (Police Forces)". */
    ALIAS,
    /** A collective form: "All MS", "Relevant MS", "MS concerned". */
    COLLECTIVE,
    /** A role of the OAP: "Driver", the OAP's Driver. */
    ROLE,
    /** Found among other words, or written together with other actors without a separator. */
    IN_PHRASE,
    /** No known actor or collective form. */
    UNREADABLE
  }

  ActorReading with(Reading status, String note) {
    return new ActorReading(written, actor, collective, readAs, status, note);
  }
}
