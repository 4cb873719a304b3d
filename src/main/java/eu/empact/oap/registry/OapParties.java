package eu.empact.oap.registry;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which actors have a part in an OAP, the ground of who may read it: asked on every
 * {@code /api} call about the OAP, so it is one query over the registry's keys, never an export.
 */
@Component
@Transactional(readOnly = true)
public class OapParties {

  /**
   * The OAP's parties. {@code actors}: its Driver and Co-Drivers and every actor that leads,
   * co-leads or participates in an OA of any of its versions (also via "All MS", also when no longer
   * participant since), or was named a new leader in the place of one excluded. {@code consulted}:
   * the Member States whose NECs were asked about it: all Member States of its period once a version
   * was put to the NECs, else those that answered.
   */
  public record Parties(Set<String> actors, Set<String> consulted) {}

  private static final String PARTIES = """
      SELECT 'PART' AS kind, o.driver_code AS actor FROM oap o WHERE o.id = :oap
      UNION SELECT 'PART', c.actor_code FROM oap_co_driver c WHERE c.oap_id = :oap
      UNION SELECT 'PART', p.actor_code FROM participation p JOIN operational_action oa ON oa.id = p.oa_id
        JOIN oap_version v ON v.id = oa.version_id WHERE v.oap_id = :oap
      UNION SELECT 'PART', l.new_leader FROM oa_leader_change l WHERE l.oap_id = :oap
      UNION SELECT 'CONSULTED', a.member_state FROM nec_answer a JOIN oap_version v ON v.id = a.version_id
        WHERE v.oap_id = :oap AND a.status = 'ANSWERED'
      UNION SELECT 'PUT_TO_NECS', CAST(o.period_start AS VARCHAR(4)) || '-' || CAST(o.period_end AS VARCHAR(4))
        FROM oap o WHERE o.id = :oap AND EXISTS (
        SELECT 1 FROM oap_version_event e JOIN oap_version v ON v.id = e.version_id
        WHERE v.oap_id = :oap AND e.status = 'UNDER_NEC_DISCUSSION')
      """;

  private final JdbcClient jdbc;
  private final ActorDirectory directory;

  OapParties(JdbcClient jdbc, ActorDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /** The parties of an OAP; 404 for an id that is no OAP (an OAP always has its Driver). */
  public Parties of(long oapId) {
    Set<String> actors = new HashSet<>();
    Set<String> consulted = new HashSet<>();
    jdbc.sql(PARTIES).param("oap", oapId).query(rs -> {
      switch (rs.getString("kind")) {
        case "PART" -> actors.add(rs.getString("actor"));
        case "CONSULTED" -> consulted.add(rs.getString("actor"));
        // every Member State of the OAP's period was asked
        default -> consulted.addAll(directory.membership().memberStates(Period.parse(rs.getString("actor"))));
      }
    });
    if (actors.isEmpty()) {
      throw new NotFoundException("no OAP with id " + oapId);
    }
    return new Parties(Set.copyOf(actors), Set.copyOf(consulted));
  }
}
