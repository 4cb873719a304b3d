package eu.empact.oap.registry;

import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.Participation.Role;
import eu.empact.oap.registry.RegistryViews.ActorCell;
import eu.empact.oap.registry.RegistryViews.ReadingNote;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The actors of an OA: its actor cells as written ({@code oa_actor_text}), what was read from each
 * ({@code oa_actor_reading}, see {@link ActorText}), and the participations made from the readings.
 * Leaders are read first, then co-leaders, then participants: an actor named in two roles keeps
 * the first (the leader wins), and the reading of the later mention says so.
 */
@Component
class OaActors {

  private static final List<Role> ROLES = List.of(Role.LEADER, Role.CO_LEADER, Role.PARTICIPANT);
  private static final String OF_VERSION = "oa_id IN (SELECT id FROM operational_action WHERE version_id = ?)";

  private final JdbcClient jdbc;

  OaActors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The document's field for a role's cells. */
  static String field(Role role) {
    return switch (role) {
      case LEADER -> "actionLeaders";
      case CO_LEADER -> "coActionLeaders";
      case PARTICIPANT -> "participants";
    };
  }

  /**
   * Writes an OA's actor cells, what was read from them and the participations; "All MS" is the
   * Member States of the OAP's period.
   */
  void write(long oaId, OperationalAction oa, ActorDirectory.Snapshot actors, Period period, String driver,
             Instant now) {
    Map<String, Role> taken = new LinkedHashMap<>();
    List<CollectiveParticipant> collectives = new ArrayList<>();
    int position = 0;
    for (Role role : ROLES) {
      List<String> cells = cells(oa, role);
      for (int cell = 0; cell < cells.size(); cell++) {
        jdbc.sql("INSERT INTO oa_actor_text (oa_id, role, position, text) VALUES (?, ?, ?, ?)")
            .params(oaId, role.name(), cell, cells.get(cell)).update();
        List<ActorReading> parts = ActorText.read(cells.get(cell), actors, driver);
        for (int part = 0; part < parts.size(); part++) {
          ActorReading reading = parts.get(part);
          if (reading.actor() != null) {
            Role before = taken.putIfAbsent(reading.actor(), role);
            if (before == null) {
              participation(oaId, reading.actor(), role, position++, null, now);
            } else {
              reading = reading.with(Reading.INTERPRETED, (reading.note() == null ? "" : reading.note() + "; ")
                  + reading.actor() + " is named " + (before == role ? "twice in this role" : "as "
                  + label(before) + " already") + ": counted once, as " + label(before));
            }
          } else if (reading.collective() != null && role != Role.PARTICIPANT) {
            reading = reading.with(Reading.UNREADABLE, "the collective form '" + reading.collective() + "' names no "
                + label(role) + "; for a person to resolve");
          } else if (reading.collective() != null) {
            CollectiveParticipant collective = CollectiveParticipant.of(reading.collective()).orElseThrow();
            jdbc.sql("INSERT INTO oa_collective_participant (oa_id, position, term, resolved) VALUES (?, ?, ?, ?)")
                .params(oaId, position++, collective.term(), collective.resolvable()).update();
            collectives.add(collective);
          }
          jdbc.sql("INSERT INTO oa_actor_reading (oa_id, role, cell_position, position, written, actor_code, "
                  + "collective, read_as, status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(oaId, role.name(), cell, part, reading.written(), reading.actor(), reading.collective(),
                  reading.readAs().name(), reading.status().name(), reading.note()).update();
        }
      }
    }
    for (CollectiveParticipant collective : collectives) {
      if (collective.resolvable()) {
        for (Actor memberState : actors.memberStates(period)) {
          if (taken.putIfAbsent(memberState.code(), Role.PARTICIPANT) == null) {
            participation(oaId, memberState.code(), Role.PARTICIPANT, position++, collective.term(), now);
          }
        }
      }
    }
  }

  /**
   * New Action Leaders (codes) for an OA of a draft: the leader cells become their codes, read as
   * codes; an actor that joined the OA in another role now leads it.
   */
  void replaceLeaders(long oaId, List<String> leaders, Instant now) {
    jdbc.sql("DELETE FROM participation WHERE oa_id = ? AND role = 'LEADER'").param(oaId).update();
    jdbc.sql("DELETE FROM oa_actor_reading WHERE oa_id = ? AND role = 'LEADER'").param(oaId).update();
    jdbc.sql("DELETE FROM oa_actor_text WHERE oa_id = ? AND role = 'LEADER'").param(oaId).update();
    for (int i = 0; i < leaders.size(); i++) {
      jdbc.sql("DELETE FROM participation WHERE oa_id = ? AND actor_code = ?").params(oaId, leaders.get(i)).update();
      participation(oaId, leaders.get(i), Role.LEADER, i, null, now);
      jdbc.sql("INSERT INTO oa_actor_text (oa_id, role, position, text) VALUES (?, 'LEADER', ?, ?)")
          .params(oaId, i, leaders.get(i)).update();
      jdbc.sql("INSERT INTO oa_actor_reading (oa_id, role, cell_position, position, written, actor_code, read_as, "
          + "status) VALUES (?, 'LEADER', ?, 0, ?, ?, 'CODE', 'READ')").params(oaId, i, leaders.get(i), leaders.get(i))
          .update();
    }
  }

  void delete(long versionId) {
    for (String table : List.of("oa_actor_reading", "oa_actor_text", "oa_collective_participant", "participation")) {
      jdbc.sql("DELETE FROM " + table + " WHERE " + OF_VERSION).param(versionId).update();
    }
  }

  /** The cells as written, per OA and role, in order: one statement. */
  Map<Long, Map<Role, List<String>>> written(String ofActions, Object param) {
    Map<Long, Map<Role, TreeMap<Integer, String>>> cells = new LinkedHashMap<>();
    jdbc.sql("SELECT oa_id, role, position, text FROM oa_actor_text WHERE " + ofActions).param(param)
        .query(rs -> {
          cells.computeIfAbsent(rs.getLong("oa_id"), id -> new EnumMap<>(Role.class))
              .computeIfAbsent(Role.valueOf(rs.getString("role")), role -> new TreeMap<>())
              .put(rs.getInt("position"), rs.getString("text"));
        });
    Map<Long, Map<Role, List<String>>> written = new LinkedHashMap<>();
    cells.forEach((oa, roles) -> {
      Map<Role, List<String>> byRole = new EnumMap<>(Role.class);
      roles.forEach((role, texts) -> byRole.put(role, List.copyOf(texts.values())));
      written.put(oa, byRole);
    });
    return written;
  }

  /** Each cell of a version's OAs with what was read from it, by OA ref, in document order. */
  Map<String, List<ActorCell>> cells(long versionId) {
    record Row(String ref, int oaPosition, Role role, int cell, String text, ActorReading reading) {}
    List<Row> rows = jdbc.sql("""
            SELECT oa.ref, oa.position AS oa_position, r.role, r.cell_position, t.text, r.written, r.actor_code,
                   r.collective, r.read_as, r.status, r.note
            FROM oa_actor_reading r JOIN operational_action oa ON oa.id = r.oa_id
            JOIN oa_actor_text t ON t.oa_id = r.oa_id AND t.role = r.role AND t.position = r.cell_position
            WHERE oa.version_id = ? ORDER BY oa.position, r.cell_position, r.position""")
        .param(versionId)
        .query((rs, n) -> new Row(rs.getString("ref"), rs.getInt("oa_position"), Role.valueOf(rs.getString("role")),
            rs.getInt("cell_position"), rs.getString("text"), new ActorReading(rs.getString("written"),
            rs.getString("actor_code"), rs.getString("collective"), ActorReading.ReadAs.valueOf(rs.getString("read_as")),
            Reading.valueOf(rs.getString("status")), rs.getString("note"))))
        .list().stream()
        .sorted(Comparator.comparingInt(Row::oaPosition).thenComparing(Row::role).thenComparingInt(Row::cell))
        .toList();
    Map<String, Map<String, ActorCell>> cells = new LinkedHashMap<>();
    for (Row row : rows) {
      String key = row.role() + "/" + row.cell();
      ActorCell cell = cells.computeIfAbsent(row.ref(), ref -> new LinkedHashMap<>()).computeIfAbsent(key,
          k -> new ActorCell(row.role(), row.cell() + 1, row.text(), new ArrayList<>()));
      cell.readings().add(row.reading());
    }
    Map<String, List<ActorCell>> byOa = new LinkedHashMap<>();
    cells.forEach((ref, byCell) -> byOa.put(ref, byCell.values().stream()
        .map(c -> new ActorCell(c.role(), c.number(), c.text(), List.copyOf(c.readings()))).toList()));
    return byOa;
  }

  /** What a person must look at in the version's actor cells: every part not plainly read, in document order. */
  List<ReadingNote> notes(long versionId) {
    List<ReadingNote> notes = new ArrayList<>();
    cells(versionId).forEach((ref, cells) -> cells.forEach(cell -> cell.readings().stream()
        .filter(reading -> reading.status() != Reading.READ)
        .forEach(reading -> notes.add(new ReadingNote(ProblemPaths.action(ref) + "." + field(cell.role()) + "["
            + (cell.number() - 1) + "]", ref, cell.text(), reading.status(), reading.note())))));
    return notes;
  }

  private static List<String> cells(OperationalAction oa, Role role) {
    return switch (role) {
      case LEADER -> oa.actionLeaders();
      case CO_LEADER -> oa.coActionLeaders();
      case PARTICIPANT -> oa.participants();
    };
  }

  private static String label(Role role) {
    return switch (role) {
      case LEADER -> "Action Leader";
      case CO_LEADER -> "Co-Action Leader";
      case PARTICIPANT -> "participant";
    };
  }

  private void participation(long oaId, String actor, Role role, int position, String viaCollective, Instant now) {
    jdbc.sql("INSERT INTO participation (oa_id, actor_code, role, position, via_collective, status, status_since) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(oaId, actor, role.name(), position, viaCollective, Participation.Status.ACTIVE.name(),
            Timestamp.from(now)).update();
  }
}
