package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportStatus.*;

import eu.empact.oap.registry.Reading;
import eu.empact.oap.reporting.StatusWordingProperties.Wording;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table from what Action Leaders write as an OA's stage and status to the statuses the
 * system counts: the wordings of the 2012 monitoring and the 2013 final reports by default
 * ({@link #DEFAULTS}), others from {@code empact.reporting.status-wordings}, and those an OAP's
 * Driver mapped for that OAP. The written text is always kept; a wording nobody knows is accepted
 * as {@link ReportStatus#UNMAPPED} and flagged for the Driver, whose mapping then applies to every
 * report of the OAP written so and to later ones.
 */
@Service
@Transactional
public class StatusWordings {

  /** The documents' wordings (ADR 14): the templates' legend and what the reports of 2012 and 2013 wrote. */
  public static final List<Wording> DEFAULTS = List.of(
      new Wording("not started", List.of(NOT_STARTED)),
      new Wording("ongoing", List.of(ONGOING)),
      new Wording("on schedule", List.of(ONGOING)),
      new Wording("on track", List.of(ONGOING)),
      new Wording("in progress", List.of(ONGOING)),
      new Wording("delayed", List.of(DELAYED)),
      new Wording("finished", List.of(FINISHED)),
      new Wording("completed", List.of(FINISHED)),
      new Wording("complete", List.of(FINISHED)),
      new Wording("formally completed", List.of(FINISHED)),
      new Wording("achieved", List.of(FINISHED)),
      new Wording("delivered", List.of(FINISHED)),
      new Wording("implemented", List.of(FINISHED)),
      new Wording("finished / on time", List.of(FINISHED_ON_TIME)),
      new Wording("finished on time", List.of(FINISHED_ON_TIME)),
      new Wording("partially achieved", List.of(PARTIALLY_ACHIEVED)),
      new Wording("only part achieved", List.of(PARTIALLY_ACHIEVED)),
      new Wording("partly achieved", List.of(PARTIALLY_ACHIEVED)),
      new Wording("implemented partially", List.of(PARTIALLY_ACHIEVED)),
      new Wording("partially implemented", List.of(PARTIALLY_ACHIEVED)),
      new Wording("not achieved", List.of(NOT_ACHIEVED)),
      new Wording("not complete", List.of(NOT_ACHIEVED)),
      new Wording("not completed", List.of(NOT_ACHIEVED)),
      new Wording("postponed", List.of(POSTPONED)),
      new Wording("indetermined", List.of(UNDETERMINED)),
      new Wording("undetermined", List.of(UNDETERMINED)),
      new Wording("Complete – ongoing into 2014", List.of(FINISHED, ONGOING)),
      new Wording("completed and continuing", List.of(FINISHED, ONGOING)));

  /** What may join two statuses in one wording: a dash, a semicolon, a comma, "and". */
  private static final String PARTS = "\\s*[;\u2013\u2014]\\s*|\\s+-\\s+|,\\s*|\\s+and\\s+";
  /** "into 2014", "in 2014", "until 2015" after a status: the year it continues in. */
  private static final String YEAR_AFTER = "\\s+(into|in|until|till|to|through)\\s+(the\\s+)?(year\\s+)?\\d{4}\\s*$";

  private final Map<String, Wording> table = new LinkedHashMap<>();
  private final JdbcClient jdbc;
  private final Clock clock;

  StatusWordings(StatusWordingProperties properties, JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    DEFAULTS.forEach(wording -> table.put(key(wording.wording()), wording));
    properties.statusWordings().forEach(wording -> table.put(key(wording.wording()), wording));
  }

  /** The wordings the table knows, defaults and configured. */
  @Transactional(readOnly = true)
  public List<Wording> table() {
    return List.copyOf(table.values());
  }

  /** Reads a status as written in a report on an OA of the OAP. */
  @Transactional(readOnly = true)
  public StatusReading read(long oapId, String written) {
    String text = written == null ? "" : written.trim();
    Optional<Mapped> mapped = mapped(oapId, key(text));
    if (mapped.isPresent()) {
      return new StatusReading(text, mapped.get().status(), mapped.get().continuing(), Reading.READ,
          "mapped for this OAP by " + mapped.get().by());
    }
    Wording known = known(text);
    if (known != null) {
      return reading(text, known.statuses(), Reading.READ, null);
    }
    String[] parts = text.split(PARTS);
    if (parts.length == 2) {
      Wording first = known(parts[0]);
      Wording second = known(parts[1].replaceAll(YEAR_AFTER, ""));
      if (first != null && second != null && first.statuses().size() == 1 && second.statuses().size() == 1) {
        return reading(text, List.of(first.statuses().get(0), second.statuses().get(0)), Reading.INTERPRETED,
            "read as two statuses: '" + parts[0].trim() + "' " + first.statuses().get(0).label() + ", then '"
                + parts[1].trim() + "' " + second.statuses().get(0).label());
      }
    }
    return new StatusReading(text, UNMAPPED, null, Reading.UNREADABLE,
        "a wording the table does not know: for the Driver to map (POST /api/oaps/" + oapId + "/status-wordings)");
  }

  /**
   * The Driver maps a wording for the OAP: kept for later reports, and applied now to every report
   * of the OAP that wrote it and was not read as written. Returns how many reports it changed.
   */
  public int map(long oapId, String wording, List<ReportStatus> statuses, String user) {
    Wording mapping = new Wording(wording, statuses);
    String key = key(wording);
    ReportStatus continuing = statuses.size() > 1 ? statuses.get(1) : null;
    jdbc.sql("DELETE FROM status_wording WHERE oap_id = ? AND wording_key = ?").params(oapId, key).update();
    jdbc.sql("INSERT INTO status_wording (oap_id, wording_key, wording, status, continuing_status, mapped_by, mapped_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(oapId, key, mapping.wording().trim(), statuses.get(0).name(), continuing == null ? null : continuing.name(),
            user, Timestamp.from(clock.instant())).update();
    List<Long> reports = new ArrayList<>();
    jdbc.sql("SELECT r.id, r.written_status FROM oa_report r JOIN reporting_round o ON o.id = r.round_id "
            + "WHERE o.oap_id = ? AND r.status_reading <> ?").params(oapId, Reading.READ.name())
        .query(rs -> {
          if (key.equals(key(rs.getString(2)))) {
            reports.add(rs.getLong(1));
          }
        });
    reports.forEach(id -> jdbc.sql("UPDATE oa_report SET status = ?, continuing_status = ?, status_reading = ?, "
            + "status_note = ? WHERE id = ?")
        .params(statuses.get(0).name(), continuing == null ? null : continuing.name(), Reading.READ.name(),
            "mapped for this OAP by " + user, id).update());
    return reports.size();
  }

  /** The wordings mapped for the OAP, in the order they were mapped. */
  @Transactional(readOnly = true)
  public List<Wording> mappings(long oapId) {
    return jdbc.sql("SELECT wording, status, continuing_status FROM status_wording WHERE oap_id = ? ORDER BY mapped_at, wording")
        .param(oapId).query((rs, n) -> new Wording(rs.getString(1), rs.getString(3) == null
            ? List.of(ReportStatus.valueOf(rs.getString(2)))
            : List.of(ReportStatus.valueOf(rs.getString(2)), ReportStatus.valueOf(rs.getString(3))))).list();
  }

  /** The reports of the OAP whose status is a wording nobody has mapped yet, by round and OA. */
  @Transactional(readOnly = true)
  public List<Unmapped> unmapped(long oapId) {
    return jdbc.sql("SELECT o.number, r.oa_ref, r.written_status, r.status_note FROM oa_report r "
            + "JOIN reporting_round o ON o.id = r.round_id WHERE o.oap_id = ? AND r.status = ? ORDER BY o.number, r.id")
        .params(oapId, UNMAPPED.name())
        .query((rs, n) -> new Unmapped(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
  }

  /** A report whose status wording waits for the Driver. */
  public record Unmapped(int round, String oaRef, String written, String note) {}

  private Optional<Mapped> mapped(long oapId, String key) {
    return jdbc.sql("SELECT status, continuing_status, mapped_by FROM status_wording WHERE oap_id = ? AND wording_key = ?")
        .params(oapId, key).query((rs, n) -> new Mapped(ReportStatus.valueOf(rs.getString(1)),
            rs.getString(2) == null ? null : ReportStatus.valueOf(rs.getString(2)), rs.getString(3))).optional();
  }

  private Wording known(String text) {
    Wording wording = table.get(key(text));
    if (wording != null) {
      return wording;
    }
    return ReportStatus.of(text).map(status -> new Wording(status.label(), List.of(status))).orElse(null);
  }

  private static StatusReading reading(String text, List<ReportStatus> statuses, Reading reading, String note) {
    return new StatusReading(text, statuses.get(0), statuses.size() > 1 ? statuses.get(1) : null, reading, note);
  }

  /** A wording as the table compares it: letters and digits only, in lower case ("Finished/ on time"). */
  static String key(String wording) {
    return ReportStatus.squeeze(wording == null ? "" : wording);
  }

  private record Mapped(ReportStatus status, ReportStatus continuing, String by) {}
}
