package eu.empact.oap.registry;

import eu.empact.oap.shared.Rows;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NECs' answers on a version: per Member State and OA whether it intends to participate, or
 * "no answer" when the deadline passed first.
 */
@Component
@Transactional
public class NecConsultation {

  public enum Status { ANSWERED, NO_ANSWER }

  public record Answer(String memberState, Status status, List<String> participatesIn, String comment,
                       String answeredBy, Instant recordedAt) {}

  private final JdbcClient jdbc;
  private final OapRegistry registry;
  private final ActorDirectory actors;
  private final Clock clock;

  NecConsultation(JdbcClient jdbc, OapRegistry registry, ActorDirectory actors, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.actors = actors;
    this.clock = clock;
  }

  public void answer(long oapId, int revision, String memberState, Map<String, Boolean> participation, String comment,
                     String user) {
    long versionId = registry.versionId(oapId, revision);
    long answerId = Rows.insert(jdbc, "INSERT INTO nec_answer (version_id, member_state, status, comment, answered_by, "
            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?)", versionId, memberState, Status.ANSWERED.name(), comment, user,
        Timestamp.from(clock.instant()));
    participation.forEach((ref, participates) -> jdbc.sql("INSERT INTO nec_answer_oa (answer_id, oa_ref, participates) "
        + "VALUES (?, ?, ?)").params(answerId, ref, participates).update());
  }

  /** Records "no answer" for every Member State that did not answer; returns them. */
  public List<String> closeWithoutAnswers(long oapId, int revision) {
    long versionId = registry.versionId(oapId, revision);
    List<String> answered = jdbc.sql("SELECT member_state FROM nec_answer WHERE version_id = ?").param(versionId)
        .query(String.class).list();
    List<String> silent = actors.all().stream().filter(Actor::isMemberState).map(Actor::code)
        .filter(code -> !answered.contains(code)).toList();
    Instant now = clock.instant();
    silent.forEach(code -> jdbc.sql("INSERT INTO nec_answer (version_id, member_state, status, recorded_at) "
        + "VALUES (?, ?, ?, ?)").params(versionId, code, Status.NO_ANSWER.name(), Timestamp.from(now)).update());
    return silent;
  }

  @Transactional(readOnly = true)
  public List<Answer> answers(long oapId, int revision) {
    long versionId = registry.versionId(oapId, revision);
    Map<Long, List<String>> participates = new LinkedHashMap<>();
    jdbc.sql("SELECT o.answer_id, o.oa_ref FROM nec_answer_oa o JOIN nec_answer a ON a.id = o.answer_id "
            + "WHERE a.version_id = ? AND o.participates = TRUE ORDER BY o.oa_ref").param(versionId)
        .query(rs -> {
          participates.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
    return jdbc.sql("SELECT id, member_state, status, comment, answered_by, recorded_at FROM nec_answer "
            + "WHERE version_id = ? ORDER BY member_state").param(versionId)
        .query((rs, n) -> new Answer(rs.getString("member_state"), Status.valueOf(rs.getString("status")),
            participates.getOrDefault(rs.getLong("id"), List.of()), rs.getString("comment"), rs.getString("answered_by"),
            rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }
}
