package eu.empact.oap.exclusion;

import java.time.Instant;

/** One escalation of the exclusion clause for an actor in an OAP, and how it ended. */
public record Escalation(long id, long oapId, String actor, boolean running, String startedBy, Instant startedAt,
                         String reason, String processInstanceId, int exhortations, Boolean proposal,
                         String proposalReason, Boolean assessment, String assessmentReason, String assessedBy,
                         Outcome outcome, Instant closedAt) {

  public enum Outcome {
    /** What was missing arrived. */
    CURED,
    /** The Driver accepted the Member State's explanation. */
    EXPLANATION_ACCEPTED,
    /** Assessed: the conduct does not jeopardise the delivery of the OAP. */
    NOT_JEOPARDISING,
    /** "Considered no longer participant in the OAP". */
    EXCLUDED,
    /** An agency or partner: outside the clause; reported in the Driver's report. */
    REPORTED,
    /** Its process was cancelled (in Cockpit). */
    CANCELLED
  }
}
