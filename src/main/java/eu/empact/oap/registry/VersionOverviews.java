package eu.empact.oap.registry;

import eu.empact.oap.registry.RegistryViews.ActionLeaders;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.registry.RegistryViews.VersionOverview;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The overview of each OAP's current version, read once per state of the version and kept in
 * memory. Every change to a version, its content and its management is recorded as an event on
 * it ({@link OapRegistry}), and events are never deleted: the number of the version's events and
 * the id of its last one say whether what was read is still what the tables hold. Counting keeps
 * two writers committing out of order apart; the last id keeps a rolled-back change apart (an id
 * is never handed out twice). The stamp is read before the content, so a kept overview is never
 * older than its stamp, and every node of a cluster checks it against the database.
 */
@Component
class VersionOverviews {

  /** Versions kept at most; more are forgotten all at once (they are read again when asked for). */
  private static final int KEPT = 1_000;

  private record Stamp(long versionId, long events, long lastEvent) {}

  private record Kept(Stamp stamp, VersionOverview overview) {}

  private final JdbcClient jdbc;
  private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

  VersionOverviews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The overview of the OAP's current version: kept, or read (with the summary) if the version changed. */
  VersionOverview current(long oapId, LongFunction<OapSummary> summary) {
    Stamp stamp = stamp(oapId);
    Kept known = kept.get(stamp.versionId());
    if (known != null && known.stamp().equals(stamp)) {
      return known.overview();
    }
    VersionOverview overview = new VersionOverview(summary.apply(oapId), leaders(stamp.versionId()));
    if (kept.size() >= KEPT) {
      kept.clear();
    }
    kept.put(stamp.versionId(), new Kept(stamp, overview));
    return overview;
  }

  private Stamp stamp(long oapId) {
    return jdbc.sql("""
            SELECT v.id, COUNT(e.id) AS events, COALESCE(MAX(e.id), 0) AS last_event FROM oap_version v
            LEFT JOIN oap_version_event e ON e.version_id = v.id
            WHERE v.oap_id = ? AND v.revision = (SELECT MAX(revision) FROM oap_version WHERE oap_id = ?)
            GROUP BY v.id""")
        .params(oapId, oapId)
        .query((rs, n) -> new Stamp(rs.getLong("id"), rs.getLong("events"), rs.getLong("last_event")))
        .optional().orElseThrow(() -> new NotFoundException("no OAP with id " + oapId));
  }

  /** Each OA of the version with its Action Leaders and co-leaders, in one statement. */
  private List<ActionLeaders> leaders(long versionId) {
    record Row(String title, List<String> leaders, List<String> coLeaders) {}
    Map<String, Row> rows = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT oa.ref, oa.title, p.actor_code, p.role FROM operational_action oa
            LEFT JOIN participation p ON p.oa_id = oa.id AND p.role IN ('LEADER', 'CO_LEADER')
            WHERE oa.version_id = ? ORDER BY oa.position, p.position""")
        .param(versionId)
        .query(rs -> {
          String title = rs.getString("title");
          Row row = rows.computeIfAbsent(rs.getString("ref"), ref -> new Row(title, new ArrayList<>(),
              new ArrayList<>()));
          String leader = rs.getString("actor_code");
          if (leader != null) {
            ("LEADER".equals(rs.getString("role")) ? row.leaders() : row.coLeaders()).add(leader);
          }
        });
    return rows.entrySet().stream().map(e -> new ActionLeaders(e.getKey(), e.getValue().title(),
        List.copyOf(e.getValue().leaders()), List.copyOf(e.getValue().coLeaders()))).toList();
  }
}
