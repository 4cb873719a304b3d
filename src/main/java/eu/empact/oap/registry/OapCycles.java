package eu.empact.oap.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which OAP has a cycle of which kind running: at most one per OAP and kind. */
@Component
@Transactional
public class OapCycles {

  private final JdbcClient jdbc;

  OapCycles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the OAP for a cycle, or refuses naming the cycle that runs already. */
  public void open(long oapId, String kind, String processInstanceId, String user, Instant at) {
    running(oapId, kind).ifPresent(running -> {
      throw new RegistryConflictException(refusal(oapId, kind, running));
    });
    try {
      jdbc.sql("INSERT INTO oap_cycle (oap_id, kind, process_instance_id, started_by, started_at) VALUES (?, ?, ?, ?, ?)")
          .params(oapId, kind, processInstanceId, user, Timestamp.from(at)).update();
    } catch (DuplicateKeyException e) {
      throw new RegistryConflictException(refusal(oapId, kind, running(oapId, kind).orElse(null)));
    }
  }

  public void close(long oapId, String kind, String processInstanceId) {
    jdbc.sql("DELETE FROM oap_cycle WHERE oap_id = ? AND kind = ? AND process_instance_id = ?")
        .params(oapId, kind, processInstanceId).update();
  }

  public record Running(String processInstanceId, String startedBy, Instant startedAt) {}

  public Optional<Running> running(long oapId, String kind) {
    return jdbc.sql("SELECT process_instance_id, started_by, started_at FROM oap_cycle WHERE oap_id = ? AND kind = ?")
        .params(oapId, kind)
        .query((rs, n) -> new Running(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .optional();
  }

  private static String refusal(long oapId, String kind, Running running) {
    return "an " + kind.toLowerCase() + " cycle for OAP " + oapId + " is already running"
        + (running == null ? "" : " (process instance " + running.processInstanceId() + ", started by "
            + running.startedBy() + " on " + running.startedAt() + ")");
  }
}
