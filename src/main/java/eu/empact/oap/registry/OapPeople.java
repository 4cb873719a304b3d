package eu.empact.oap.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of people of each OAP (ADR 0016): its Driver's and Co-Drivers' people, the Action
 * Leaders of each leading and co-leading actor, a contact for a participating actor. Kept with its
 * history: replacing the list adds the new entries and marks the others removed (by whom, when),
 * nothing is deleted. The Camunda groups of the OAP follow it ({@link DirectoryChanged}, in
 * {@code identity}); the NECs are national and not in it.
 */
@Repository
public class OapPeople {

  /** What a person does in one OAP, and for which actor. */
  public enum Role {
    DRIVER, CO_DRIVER, ACTION_LEADER, CONTACT;

    /** Whether an entry of the role names the actor it acts for. */
    public boolean forActor() {
      return this == ACTION_LEADER || this == CONTACT;
    }

    /** The Camunda group of the role in the OAP. */
    public String group(long oapId, String actor) {
      return switch (this) {
        case DRIVER -> EmpactGroups.driver(oapId);
        case CO_DRIVER -> EmpactGroups.coDriver(oapId);
        case ACTION_LEADER -> EmpactGroups.actionLeader(oapId, actor);
        case CONTACT -> EmpactGroups.contact(oapId, actor);
      };
    }
  }

  /** One person in the directory; {@code actor} is null for the Driver's and Co-Drivers' people when not known. */
  public record Entry(Role role, String actor, String userId) {

    public String group(long oapId) {
      return role.group(oapId, actor);
    }
  }

  /** An entry with its history: who added it when, and who removed it when (null while it stands). */
  public record Record(Role role, String actor, String userId, String addedBy, Instant addedAt, String removedBy,
                       Instant removedAt) {

    public Entry entry() {
      return new Entry(role, actor, userId);
    }
  }

  /**
   * One entry as a person sends it (on {@code /api/oaps/{id}/people}, or in the import document):
   * the role, the actor (for an Action Leader or contact), and the user id of someone who has an
   * account, or the name and e-mail address of someone who has none.
   */
  public record Person(String role, String actor, String userId, String name, String email) {}

  /**
   * An imported document named the OAP's people: {@code identity}'s side checks and records them in
   * the import's transaction, so that a wrong entry refuses the whole import.
   */
  public record PeopleImported(long oapId, List<Person> people, String user) {}

  /** The directory of an OAP changed: its groups follow, its waiting tasks go to the people now named. */
  public record DirectoryChanged(long oapId, List<Entry> people) {}

  private static final String LEADING = """
      SELECT p.actor_code FROM participation p JOIN operational_action oa ON oa.id = p.oa_id
        JOIN oap_version v ON v.id = oa.version_id
        WHERE v.oap_id = ? AND p.role IN ('LEADER', 'CO_LEADER')
        AND v.revision = (SELECT MAX(revision) FROM oap_version WHERE oap_id = v.oap_id)
      UNION SELECT l.new_leader FROM oa_leader_change l WHERE l.oap_id = ?
      """;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  OapPeople(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  /** The people the directory names now. */
  @Transactional(readOnly = true)
  public List<Entry> current(long oapId) {
    return jdbc.sql("SELECT role, actor_code, user_id FROM oap_person WHERE oap_id = ? AND removed_at IS NULL "
            + "ORDER BY id")
        .param(oapId).query((rs, n) -> new Entry(Role.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Everyone the directory ever named, in the order they were added. */
  @Transactional(readOnly = true)
  public List<Record> history(long oapId) {
    return jdbc.sql("SELECT * FROM oap_person WHERE oap_id = ? ORDER BY id").param(oapId)
        .query((rs, n) -> new Record(Role.valueOf(rs.getString("role")), rs.getString("actor_code"),
            rs.getString("user_id"), rs.getString("added_by"), rs.getTimestamp("added_at").toInstant(),
            rs.getString("removed_by"), instant(rs.getTimestamp("removed_at"))))
        .list();
  }

  /** The people the directory names for an actor in the OAP (its Action Leaders and contacts). */
  @Transactional(readOnly = true)
  public List<String> forActor(long oapId, String actor) {
    return jdbc.sql("SELECT DISTINCT user_id FROM oap_person WHERE oap_id = ? AND actor_code = ? "
            + "AND role IN ('ACTION_LEADER', 'CONTACT') AND removed_at IS NULL ORDER BY user_id")
        .params(oapId, actor).query(String.class).list();
  }

  /** The actors that lead or co-lead an OA of the OAP's current version, or were named leader in the place of one excluded. */
  @Transactional(readOnly = true)
  public Set<String> leadingActors(long oapId) {
    return new LinkedHashSet<>(jdbc.sql(LEADING).params(oapId, oapId).query(String.class).list());
  }

  /**
   * Replaces the OAP's directory with {@code people}: what stands stays as recorded, what is new is
   * added, what is left out is marked removed. Publishes {@link DirectoryChanged} in the same
   * transaction, so that the groups change with the record or not at all.
   */
  @Transactional
  public void replace(long oapId, List<Entry> people, String user) {
    Set<Entry> wanted = new LinkedHashSet<>(people);
    Timestamp now = Timestamp.from(clock.instant());
    List<Entry> standing = current(oapId);
    for (Entry entry : standing) {
      if (!wanted.contains(entry)) {
        jdbc.sql("UPDATE oap_person SET removed_by = ?, removed_at = ? WHERE oap_id = ? AND role = ? "
                + "AND COALESCE(actor_code, '') = ? AND user_id = ? AND removed_at IS NULL")
            .params(user, now, oapId, entry.role().name(), entry.actor() == null ? "" : entry.actor(), entry.userId())
            .update();
      }
    }
    for (Entry entry : wanted) {
      if (!standing.contains(entry)) {
        jdbc.sql("INSERT INTO oap_person (oap_id, role, actor_code, user_id, added_by, added_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
            .params(oapId, entry.role().name(), entry.actor(), entry.userId(), user, now).update();
      }
    }
    events.publishEvent(new DirectoryChanged(oapId, current(oapId)));
  }

  /** Adds people to the directory, keeping those it names (the import document's, the demo's). */
  @Transactional
  public void add(long oapId, List<Entry> people, String user) {
    List<Entry> all = new ArrayList<>(current(oapId));
    people.stream().filter(entry -> !all.contains(entry)).forEach(all::add);
    replace(oapId, all, user);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
