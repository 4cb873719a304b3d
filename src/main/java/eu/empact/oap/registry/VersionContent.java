package eu.empact.oap.registry;

import eu.empact.oap.shared.Rows;
import eu.empact.oap.registry.OapDocument.Activity;
import eu.empact.oap.registry.OapDocument.Footnote;
import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.Participation.Role;
import eu.empact.oap.registry.RegistryViews.KpiView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The content of one OAP version (strategic goals, operational actions, KPIs, activities, notes,
 * actors) written to and read back from the registry tables. An OA is read back in one of two
 * forms: as written, for the export, or as resolved, for the processes (actors by code, every KPI
 * with its identity).
 */
@Component
class VersionContent {

  private static final String LINK = "LINK";
  private static final String JAD = "JAD";
  private static final String GOAL_XREF = "GOAL_XREF";
  private static final String OA_XREF = "OA_XREF";
  private static final String FOOTNOTE = "FOOTNOTE";
  private static final String ACTION_COLUMNS = "SELECT oa.id, oa.ref, sg.number, oa.title, oa.short_title, "
      + "oa.description, oa.target, oa.type_codes";
  private static final String ACTION_TABLES = " FROM operational_action oa "
      + "JOIN strategic_goal sg ON sg.id = oa.strategic_goal_id ";
  private static final String ACTION_ROWS = ACTION_COLUMNS + ACTION_TABLES;
  private static final String OF_VERSION = "oa_id IN (SELECT id FROM operational_action WHERE version_id = ?)";

  private final JdbcClient jdbc;
  private final OaActors actors;
  private final AdoptedActions adopted;

  VersionContent(JdbcClient jdbc, OaActors actors, AdoptedActions adopted) {
    this.jdbc = jdbc;
    this.actors = actors;
    this.adopted = adopted;
  }

  /** Writes the document's content under the version; {@code driver} is the OAP's (a cell may say "Driver"). */
  void write(long versionId, OapDocument document, Period period, ActorDirectory.Snapshot directory, Instant now) {
    write(versionId, document, period, directory, now, List.of());
  }

  /**
   * Writes the document's content under the version, its activities keeping the stable ids and the
   * timing checks of the {@code earlier} ones they match ({@link EarlierActivity#match}): the
   * activities of the draft it replaces, or of the revision it copies.
   */
  void write(long versionId, OapDocument document, Period period, ActorDirectory.Snapshot directory, Instant now,
             List<EarlierActivity> earlier) {
    Map<Integer, Long> goalIds = new HashMap<>();
    for (StrategicGoal goal : document.strategicGoals()) {
      goalIds.put(goal.number(), insert("INSERT INTO strategic_goal (version_id, number, chsg, title, objective) "
          + "VALUES (?, ?, ?, ?, ?)", versionId, goal.number(), goal.chsg(), goal.title(), goal.objective()));
    }
    List<OperationalAction> actions = document.operationalActions();
    for (int position = 0; position < actions.size(); position++) {
      OperationalAction oa = actions.get(position);
      long oaId = insert("INSERT INTO operational_action (version_id, strategic_goal_id, ref, position, title, "
              + "short_title, description, target, type_codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", versionId,
          goalIds.get(oa.strategicGoal()), oa.ref(), position, oa.title(), oa.shortTitle(), oa.description(),
          oa.target(), oa.types().isEmpty() ? null : OperationalActionType.codes(oa.types()));
      writeKpis(oaId, oa.kpis());
      writeActivities(oaId, EarlierActivity.match(oa.ref(), oa.activities(), earlier), oa.activities(), period);
      writeNotes(oaId, LINK, oa.linksToOtherOaps());
      writeNotes(oaId, JAD, oa.jointActionDays());
      writeNotes(oaId, GOAL_XREF, oa.crossReferencedGoals());
      writeNotes(oaId, OA_XREF, oa.crossReferencedActions());
      for (int i = 0; i < oa.footnotes().size(); i++) {
        Footnote footnote = oa.footnotes().get(i);
        jdbc.sql("INSERT INTO oa_note (oa_id, kind, position, marker, text) VALUES (?, ?, ?, ?, ?)")
            .params(oaId, FOOTNOTE, i, footnote.marker(), footnote.text()).update();
      }
      actors.write(oaId, oa, directory, period, document.driver(), now);
    }
  }

  private void writeKpis(long oaId, List<Kpi> kpis) {
    List<KpiCodes.Identity> identities = KpiCodes.of(kpis);
    for (int i = 0; i < kpis.size(); i++) {
      Kpi kpi = kpis.get(i);
      jdbc.sql("INSERT INTO kpi (oa_id, position, code, written_code, code_assigned, indicator, target) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(oaId, i, identities.get(i).code(), kpi.code(), identities.get(i).assigned(), kpi.indicator(),
              kpi.target()).update();
    }
  }

  private void writeActivities(long oaId, List<EarlierActivity> matches, List<Activity> activities, Period period) {
    for (int i = 0; i < activities.size(); i++) {
      Activity activity = activities.get(i);
      EarlierActivity earlier = matches.get(i);
      // the check of a timing goes with it while its text is the same; a changed text is read again
      EarlierActivity.Check check = earlier != null && Objects.equals(earlier.timingText(), activity.timing())
          ? earlier.check() : null;
      ActivityTiming timing = check != null ? check.reading()
          : ActivityTimingParser.parse(activity.timing(), period.start(), period.end());
      long id = insert("INSERT INTO activity (oa_id, position, description, timing_text, timing_status, "
              + "timing_ranges, timing_note, activity_key, timing_check, timing_corrected_as, timing_checked_by, "
              + "timing_checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          oaId, i, activity.description(), activity.timing(), timing.status().name(),
          QuarterRange.format(timing.ranges()), timing.note(), earlier == null ? null : earlier.key(),
          check == null ? null : check.decision(), check == null ? null : check.correctedAs(),
          check == null ? null : check.by(), check == null ? null : Timestamp.from(check.at()));
      if (earlier == null) {
        jdbc.sql("UPDATE activity SET activity_key = id WHERE id = ?").param(id).update();
      }
    }
  }

  /** The activities of a version with their stable ids and timing checks, to be matched by the content replacing it. */
  List<EarlierActivity> earlierActivities(long versionId) {
    return jdbc.sql("""
            SELECT oa.ref, a.position, a.description, a.timing_text, a.activity_key, a.timing_status, a.timing_ranges,
                   a.timing_note, a.timing_check, a.timing_corrected_as, a.timing_checked_by, a.timing_checked_at
            FROM activity a JOIN operational_action oa ON oa.id = a.oa_id WHERE oa.version_id = ?
            ORDER BY oa.position, a.position""").param(versionId)
        .query((rs, n) -> new EarlierActivity(rs.getString("ref"), rs.getInt("position"), rs.getString("description"),
            rs.getString("timing_text"), rs.getLong("activity_key"), rs.getString("timing_check") == null ? null
            : new EarlierActivity.Check(rs.getString("timing_check"), rs.getString("timing_corrected_as"),
                rs.getString("timing_checked_by"), rs.getTimestamp("timing_checked_at").toInstant(),
                new ActivityTiming(rs.getString("timing_text"), ActivityTiming.Status.valueOf(rs.getString("timing_status")),
                    QuarterRange.parseList(rs.getString("timing_ranges")), rs.getString("timing_note")))))
        .list();
  }

  private void writeNotes(long oaId, String kind, List<String> notes) {
    for (int i = 0; i < notes.size(); i++) {
      jdbc.sql("INSERT INTO oa_note (oa_id, kind, position, text) VALUES (?, ?, ?, ?)")
          .params(oaId, kind, i, notes.get(i)).update();
    }
  }

  void delete(long versionId) {
    actors.delete(versionId);
    for (String table : List.of("kpi", "activity", "oa_note")) {
      jdbc.sql("DELETE FROM " + table + " WHERE " + OF_VERSION).param(versionId).update();
    }
    jdbc.sql("DELETE FROM operational_action WHERE version_id = ?").param(versionId).update();
    jdbc.sql("DELETE FROM strategic_goal WHERE version_id = ?").param(versionId).update();
  }

  List<StrategicGoal> goals(long versionId) {
    return jdbc.sql("SELECT number, chsg, title, objective FROM strategic_goal WHERE version_id = ? ORDER BY number")
        .param(versionId)
        .query((rs, n) -> new StrategicGoal(rs.getInt("number"), rs.getString("chsg"), rs.getString("title"),
            rs.getString("objective")))
        .list();
  }

  /** The operational actions of a version as the document writes them, in their order. */
  List<OperationalAction> written(long versionId) {
    return rows(versionId, true).values().stream().map(ActionRow::asWritten).toList();
  }

  /** The operational actions of a version as resolved, in their order. */
  List<OperationalAction> actions(long versionId) {
    return rows(versionId, false).values().stream().map(ActionRow::asResolved).toList();
  }

  /** The KPIs of a version's OAs with their identities, by OA ref: one statement. */
  Map<String, List<KpiView>> kpis(long versionId) {
    Map<String, List<KpiView>> kpis = new LinkedHashMap<>();
    jdbc.sql("SELECT oa.ref, k.code, k.code_assigned, k.indicator, k.target FROM kpi k "
            + "JOIN operational_action oa ON oa.id = k.oa_id WHERE oa.version_id = ? ORDER BY oa.position, k.position")
        .param(versionId)
        .query(rs -> {
          kpis.computeIfAbsent(rs.getString("ref"), ref -> new ArrayList<>()).add(new KpiView(rs.getString("code"),
              rs.getBoolean("code_assigned"), rs.getString("indicator"), rs.getString("target")));
        });
    return kpis;
  }

  private Map<Long, ActionRow> rows(long versionId, boolean written) {
    Map<Long, ActionRow> rows = new LinkedHashMap<>();
    jdbc.sql(ACTION_ROWS + "WHERE oa.version_id = ? ORDER BY oa.position").param(versionId).query(rs -> {
      rows.put(rs.getLong("id"), actionRow(rs));
    });
    readParts(rows, OF_VERSION, versionId, written);
    return rows;
  }

  /**
   * One operational action of an OAP's version, found by its ref, as resolved: one statement for
   * the OA and one per table of its parts (KPIs, activities, notes, actors), whatever the size of
   * the OAP; none for an OA of an adopted (or superseded) version read before, whose content never
   * changes again ({@link AdoptedActions}).
   */
  Optional<OperationalAction> action(long oapId, int revision, String ref) {
    AdoptedActions.Key key = new AdoptedActions.Key(oapId, revision, ref);
    OperationalAction known = adopted.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Map<Long, ActionRow> rows = new LinkedHashMap<>();
    List<String> status = new ArrayList<>(1);
    jdbc.sql(ACTION_COLUMNS + ", v.status" + ACTION_TABLES + "JOIN oap_version v ON v.id = oa.version_id "
            + "WHERE v.oap_id = ? AND v.revision = ? AND oa.ref = ?").params(oapId, revision, ref)
        .query(rs -> {
          rows.put(rs.getLong("id"), actionRow(rs));
          status.add(rs.getString("status"));
        });
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    readParts(rows, "oa_id = ?", rows.keySet().iterator().next(), false);
    OperationalAction action = rows.values().iterator().next().asResolved();
    if (VersionStatus.valueOf(status.get(0)).adoptedOrAfter()) {
      adopted.keep(key, action);
    }
    return Optional.of(action);
  }

  private static ActionRow actionRow(ResultSet rs) throws SQLException {
    return new ActionRow(rs.getString("ref"), rs.getInt("number"), rs.getString("title"), rs.getString("short_title"),
        rs.getString("description"), rs.getString("target"), rs.getString("type_codes"));
  }

  /**
   * The KPIs, activities, notes and actors of the OAs in {@code rows}: one statement per table; the
   * actors as written (their cells) or as resolved (participations and collective forms).
   */
  private void readParts(Map<Long, ActionRow> rows, String ofActions, Object param, boolean written) {
    String where = " WHERE " + ofActions + " ORDER BY oa_id, position";
    jdbc.sql("SELECT oa_id, code, written_code, code_assigned, indicator, target FROM kpi" + where).param(param)
        .query(rs -> {
          rows.get(rs.getLong("oa_id")).kpis.add(new KpiRow(rs.getString("code"), rs.getString("written_code"),
              rs.getBoolean("code_assigned"), rs.getString("indicator"), rs.getString("target")));
        });
    jdbc.sql("SELECT oa_id, description, timing_text FROM activity" + where).param(param)
        .query(rs -> {
          rows.get(rs.getLong("oa_id")).activities.add(new Activity(rs.getString("description"),
              rs.getString("timing_text")));
        });
    jdbc.sql("SELECT oa_id, kind, marker, text FROM oa_note" + where).param(param)
        .query(rs -> {
          ActionRow row = rows.get(rs.getLong("oa_id"));
          String text = rs.getString("text");
          switch (rs.getString("kind")) {
            case LINK -> row.links.add(text);
            case JAD -> row.jads.add(text);
            case GOAL_XREF -> row.goalReferences.add(text);
            case OA_XREF -> row.actionReferences.add(text);
            case FOOTNOTE -> row.footnotes.add(new Footnote(rs.getString("marker"), text));
            default -> throw new IllegalStateException("an OA note of unknown kind " + rs.getString("kind"));
          }
        });
    if (written) {
      actors.written(ofActions, param).forEach((oaId, cells) -> rows.get(oaId).cells.putAll(cells));
      return;
    }
    jdbc.sql("SELECT oa_id, position, actor_code, role FROM participation" + where.replace("ORDER BY",
            "AND via_collective IS NULL ORDER BY")).param(param)
        .query(rs -> {
          rows.get(rs.getLong("oa_id")).byRole(Role.valueOf(rs.getString("role")))
              .put(rs.getInt("position"), rs.getString("actor_code"));
        });
    jdbc.sql("SELECT oa_id, position, term FROM oa_collective_participant" + where).param(param)
        .query(rs -> {
          rows.get(rs.getLong("oa_id")).participants.put(rs.getInt("position"), rs.getString("term"));
        });
  }

  private record KpiRow(String code, String writtenCode, boolean assigned, String indicator, String target) {}

  private static final class ActionRow {
    final String ref;
    final int goal;
    final String title;
    final String shortTitle;
    final String description;
    final String target;
    final String typeCodes;
    final Map<Integer, String> leaders = new TreeMap<>();
    final Map<Integer, String> coLeaders = new TreeMap<>();
    final Map<Integer, String> participants = new TreeMap<>();
    final Map<Role, List<String>> cells = new HashMap<>();
    final List<KpiRow> kpis = new ArrayList<>();
    final List<Activity> activities = new ArrayList<>();
    final List<String> links = new ArrayList<>();
    final List<String> jads = new ArrayList<>();
    final List<String> goalReferences = new ArrayList<>();
    final List<String> actionReferences = new ArrayList<>();
    final List<Footnote> footnotes = new ArrayList<>();

    ActionRow(String ref, int goal, String title, String shortTitle, String description, String target,
              String typeCodes) {
      this.ref = ref;
      this.goal = goal;
      this.title = title;
      this.shortTitle = shortTitle;
      this.description = description;
      this.target = target;
      this.typeCodes = typeCodes;
    }

    Map<Integer, String> byRole(Role role) {
      return switch (role) {
        case LEADER -> leaders;
        case CO_LEADER -> coLeaders;
        case PARTICIPANT -> participants;
      };
    }

    /** As the document writes it: the actor cells and KPI codes as written. */
    OperationalAction asWritten() {
      return action(cells.getOrDefault(Role.LEADER, List.of()), cells.getOrDefault(Role.CO_LEADER, List.of()),
          cells.getOrDefault(Role.PARTICIPANT, List.of()),
          kpis.stream().map(kpi -> new Kpi(kpi.writtenCode(), kpi.indicator(), kpi.target())).toList());
    }

    /** As resolved: actors by code (collective forms by their term), KPIs by their identity. */
    OperationalAction asResolved() {
      return action(List.copyOf(leaders.values()), List.copyOf(coLeaders.values()), List.copyOf(participants.values()),
          kpis.stream().map(kpi -> new Kpi(kpi.code(), kpi.indicator(), kpi.target())).toList());
    }

    private OperationalAction action(List<String> leaders, List<String> coLeaders, List<String> participants,
                                     List<Kpi> kpis) {
      return new OperationalAction(ref, goal, title, shortTitle, description, target, leaders, coLeaders, participants,
          typeCodes == null ? List.of() : OperationalActionType.labels(typeCodes), kpis, activities, links, jads,
          goalReferences, actionReferences, footnotes);
    }
  }

  private long insert(String sql, Object... params) {
    return Rows.insert(jdbc, sql, params);
  }
}
