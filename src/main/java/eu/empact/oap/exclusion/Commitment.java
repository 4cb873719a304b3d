package eu.empact.oap.exclusion;

import java.time.Instant;

/** A commitment an actor did not meet in an OAP, and whether it was fulfilled since. */
public record Commitment(long id, long oapId, String actor, Kind kind, String reference, Integer round, String oaRef,
                         Instant missedAt, Long escalationId, Instant fulfilledAt, String fulfilledBy,
                         String fulfilment) {

  public enum Kind {
    /** The report on an OA the actor leads, in a reporting round. */
    LEADER_REPORT,
    /** The confirmation of the actor's tasking after adoption. */
    PARTICIPATION_CONFIRMATION,
    /** What the Driver states when starting the escalation by hand (e.g. absence from the meetings). */
    DRIVER_STATED
  }

  public boolean fulfilled() {
    return fulfilledAt != null;
  }

  /** "report on OA 2.4, round 1 (missed)". */
  public String line() {
    return reference + (fulfilled() ? " (fulfilled " + fulfilledAt.toString().substring(0, 10) + ")" : " (missed)");
  }
}
