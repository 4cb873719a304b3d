package eu.empact.oap.registry;

import eu.empact.oap.shared.Rows;
import eu.empact.oap.registry.OapDocument.Activity;
import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.Participation.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The content of one OAP version (strategic goals, operational actions, KPIs, activities,
 * participations) written to and read back from the registry tables.
 */
@Component
class VersionContent {

  private static final String LINK = "LINK";
  private static final String JAD = "JAD";
  private static final String ACTION_ROWS = "SELECT oa.id, oa.ref, sg.number, oa.title, oa.short_title, oa.type_codes "
      + "FROM operational_action oa JOIN strategic_goal sg ON sg.id = oa.strategic_goal_id ";

  private final JdbcClient jdbc;

  VersionContent(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void write(long versionId, OapDocument document, Period period, List<Actor> memberStates, Instant now) {
    Map<Integer, Long> goalIds = new HashMap<>();
    for (StrategicGoal goal : document.strategicGoals()) {
      goalIds.put(goal.number(), insert("INSERT INTO strategic_goal (version_id, number, chsg, title, objective) "
          + "VALUES (?, ?, ?, ?, ?)", versionId, goal.number(), goal.chsg(), goal.title(), goal.objective()));
    }
    List<OperationalAction> actions = document.operationalActions();
    for (int position = 0; position < actions.size(); position++) {
      OperationalAction oa = actions.get(position);
      long oaId = insert("INSERT INTO operational_action (version_id, strategic_goal_id, ref, position, title, "
              + "short_title, type_codes) VALUES (?, ?, ?, ?, ?, ?, ?)", versionId, goalIds.get(oa.strategicGoal()),
          oa.ref(), position, oa.title(), oa.shortTitle(), OperationalActionType.codes(oa.types()));
      writeKpis(oaId, oa.kpis());
      writeActivities(oaId, oa.activities(), period);
      writeNotes(oaId, LINK, oa.linksToOtherOaps());
      writeNotes(oaId, JAD, oa.jointActionDays());
      writeParticipations(oaId, oa, memberStates, now);
    }
  }

  private void writeKpis(long oaId, List<Kpi> kpis) {
    for (int i = 0; i < kpis.size(); i++) {
      Kpi kpi = kpis.get(i);
      jdbc.sql("INSERT INTO kpi (oa_id, position, code, indicator, target) VALUES (?, ?, ?, ?, ?)")
          .params(oaId, i, kpi.code(), kpi.indicator(), kpi.target()).update();
    }
  }

  private void writeActivities(long oaId, List<Activity> activities, Period period) {
    for (int i = 0; i < activities.size(); i++) {
      Activity activity = activities.get(i);
      ActivityTiming timing = ActivityTimingParser.parse(activity.timing(), period.start(), period.end());
      jdbc.sql("INSERT INTO activity (oa_id, position, description, timing_text, timing_status, timing_ranges, "
              + "timing_note) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(oaId, i, activity.description(), activity.timing(), timing.status().name(),
              QuarterRange.format(timing.ranges()), timing.note()).update();
    }
  }

  private void writeNotes(long oaId, String kind, List<String> notes) {
    for (int i = 0; i < notes.size(); i++) {
      jdbc.sql("INSERT INTO oa_note (oa_id, kind, position, text) VALUES (?, ?, ?, ?)")
          .params(oaId, kind, i, notes.get(i)).update();
    }
  }

  /** Leaders, co-leaders and named participants, then the Member States that "All MS" stands for. */
  private void writeParticipations(long oaId, OperationalAction oa, List<Actor> memberStates, Instant now) {
    Set<String> taken = new HashSet<>();
    int position = 0;
    for (String leader : oa.actionLeaders()) {
      participation(oaId, leader, Role.LEADER, position++, null, now, taken);
    }
    for (String coLeader : oa.coActionLeaders()) {
      participation(oaId, coLeader, Role.CO_LEADER, position++, null, now, taken);
    }
    List<CollectiveParticipant> collectives = new ArrayList<>();
    for (String participant : oa.participants()) {
      var collective = CollectiveParticipant.of(participant);
      if (collective.isPresent()) {
        jdbc.sql("INSERT INTO oa_collective_participant (oa_id, position, term, resolved) VALUES (?, ?, ?, ?)")
            .params(oaId, position++, collective.get().term(), collective.get().resolvable()).update();
        collectives.add(collective.get());
      } else {
        participation(oaId, participant, Role.PARTICIPANT, position++, null, now, taken);
      }
    }
    for (CollectiveParticipant collective : collectives) {
      if (collective.resolvable()) {
        for (Actor memberState : memberStates) {
          participation(oaId, memberState.code(), Role.PARTICIPANT, position++, collective.term(), now, taken);
        }
      }
    }
  }

  private void participation(long oaId, String actor, Role role, int position, String viaCollective, Instant now,
                             Set<String> taken) {
    if (taken.add(actor)) {
      jdbc.sql("INSERT INTO participation (oa_id, actor_code, role, position, via_collective, status, status_since) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(oaId, actor, role.name(), position, viaCollective, Participation.Status.ACTIVE.name(),
              Timestamp.from(now)).update();
    }
  }

  void delete(long versionId) {
    String actionsOfVersion = "(SELECT id FROM operational_action WHERE version_id = ?)";
    for (String table : List.of("kpi", "activity", "oa_note", "oa_collective_participant", "participation")) {
      jdbc.sql("DELETE FROM " + table + " WHERE oa_id IN " + actionsOfVersion).param(versionId).update();
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

  /** The operational actions of a version in document form, in their order. */
  List<OperationalAction> actions(long versionId) {
    Map<Long, ActionRow> rows = new LinkedHashMap<>();
    jdbc.sql(ACTION_ROWS + "WHERE oa.version_id = ? ORDER BY oa.position").param(versionId).query(rs -> {
      rows.put(rs.getLong("id"), actionRow(rs));
    });
    readParts(rows, "oa_id IN (SELECT id FROM operational_action WHERE version_id = ?)", versionId);
    return rows.values().stream().map(ActionRow::toAction).toList();
  }

  /**
   * One operational action of an OAP's version, found by its ref: one statement for the OA and
   * one per table of its parts (KPIs, activities, notes, actors), whatever the size of the OAP.
   */
  Optional<OperationalAction> action(long oapId, int revision, String ref) {
    Map<Long, ActionRow> rows = new LinkedHashMap<>();
    jdbc.sql(ACTION_ROWS + "JOIN oap_version v ON v.id = oa.version_id WHERE v.oap_id = ? AND v.revision = ? "
            + "AND oa.ref = ?").params(oapId, revision, ref)
        .query(rs -> {
          rows.put(rs.getLong("id"), actionRow(rs));
        });
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    readParts(rows, "oa_id = ?", rows.keySet().iterator().next());
    return Optional.of(rows.values().iterator().next().toAction());
  }

  private static ActionRow actionRow(ResultSet rs) throws SQLException {
    return new ActionRow(rs.getString("ref"), rs.getInt("number"), rs.getString("title"), rs.getString("short_title"),
        rs.getString("type_codes"));
  }

  /** The KPIs, activities, notes and actors of the OAs in {@code rows}: one statement per table. */
  private void readParts(Map<Long, ActionRow> rows, String ofActions, Object param) {
    String where = " WHERE " + ofActions + " ORDER BY oa_id, position";
    jdbc.sql("SELECT oa_id, code, indicator, target FROM kpi" + where).param(param)
        .query(rs -> {
          rows.get(rs.getLong("oa_id")).kpis.add(new Kpi(rs.getString("code"), rs.getString("indicator"),
              rs.getString("target")));
        });
    jdbc.sql("SELECT oa_id, description, timing_text FROM activity" + where).param(param)
        .query(rs -> {
          rows.get(rs.getLong("oa_id")).activities.add(new Activity(rs.getString("description"),
              rs.getString("timing_text")));
        });
    jdbc.sql("SELECT oa_id, kind, text FROM oa_note" + where).param(param)
        .query(rs -> {
          ActionRow row = rows.get(rs.getLong("oa_id"));
          (LINK.equals(rs.getString("kind")) ? row.links : row.jads).add(rs.getString("text"));
        });
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

  private static final class ActionRow {
    final String ref;
    final int goal;
    final String title;
    final String shortTitle;
    final String typeCodes;
    final Map<Integer, String> leaders = new TreeMap<>();
    final Map<Integer, String> coLeaders = new TreeMap<>();
    final Map<Integer, String> participants = new TreeMap<>();
    final List<Kpi> kpis = new ArrayList<>();
    final List<Activity> activities = new ArrayList<>();
    final List<String> links = new ArrayList<>();
    final List<String> jads = new ArrayList<>();

    ActionRow(String ref, int goal, String title, String shortTitle, String typeCodes) {
      this.ref = ref;
      this.goal = goal;
      this.title = title;
      this.shortTitle = shortTitle;
      this.typeCodes = typeCodes;
    }

    Map<Integer, String> byRole(Role role) {
      return switch (role) {
        case LEADER -> leaders;
        case CO_LEADER -> coLeaders;
        case PARTICIPANT -> participants;
      };
    }

    OperationalAction toAction() {
      return new OperationalAction(ref, goal, title, shortTitle, List.copyOf(leaders.values()),
          List.copyOf(coLeaders.values()), List.copyOf(participants.values()), OperationalActionType.labels(typeCodes),
          kpis, activities, links, jads);
    }
  }

  private long insert(String sql, Object... params) {
    return Rows.insert(jdbc, sql, params);
  }
}
