package eu.empact.oap.registry;

import java.time.Instant;

/**
 * An actor's part in an OA: leader, co-leader or participant; active, or excluded with a reason;
 * and where it comes from: the OAP's text, the NEC's answer (with the NEC's user and the date of
 * its answer), or the text kept for a Member State that gave no answer (flagged: not stated).
 */
public record Participation(String actor, Role role, String viaCollective, Status status, String statusReason,
                            Instant statusSince, Source source, String statedBy, Instant statedAt) {

  public enum Role { LEADER, CO_LEADER, PARTICIPANT }

  public enum Status { ACTIVE, EXCLUDED }

  public enum Source {
    /** The OAP names the actor (or "All MS"), and no endorsed NEC answer said otherwise. */
    OAP_TEXT,
    /** The Member State's NEC ticked the OA, and the NEC meeting endorsed the version. */
    NEC_ANSWER,
    /** The Member State gave no answer: what the OAP's text says is kept, flagged. */
    NOT_STATED
  }
}
