package eu.empact.oap.registry;

import java.time.Instant;

/** An actor's part in an OA: leader, co-leader or participant; active, or excluded with a reason. */
public record Participation(String actor, Role role, String viaCollective, Status status, String statusReason,
                            Instant statusSince) {

  public enum Role { LEADER, CO_LEADER, PARTICIPANT }

  public enum Status { ACTIVE, EXCLUDED }
}
