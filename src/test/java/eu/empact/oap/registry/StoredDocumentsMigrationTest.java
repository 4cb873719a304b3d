package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V15 on what the registry stored before it: KPIs without codes get their number in the OA (and
 * the flag), the actors of a stored OA become cells as the export wrote them (codes, collective
 * terms), each read as what it is. On H2 with the engine's tables as the engine creates them
 * before the registry's migrations (V14 indexes them), and Flyway alone, without the application.
 */
class StoredDocumentsMigrationTest {

  @Test
  void numbersStoredKpisWithoutCodesAndKeepsStoredActorsAsTheExportWroteThem() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:v15-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    JdbcClient jdbc = JdbcClient.create(database);
    new ResourceDatabasePopulator(new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql"),
        new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create.identity.sql")).execute(database);
    flyway(database, "13").migrate();
    long oa = storedOa(jdbc);

    flyway(database, "15").migrate();

    assertThat(jdbc.sql("SELECT position, code, written_code, code_assigned FROM kpi WHERE oa_id = ? ORDER BY position")
        .param(oa).query((rs, n) -> tuple(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list())
        .containsExactly(tuple(0, "a", "a", false), tuple(1, "#2", null, true), tuple(2, "3", null, true),
            tuple(3, "2", "2", false));
    assertThat(jdbc.sql("SELECT role, position, text FROM oa_actor_text WHERE oa_id = ? ORDER BY role, position")
        .param(oa).query((rs, n) -> tuple(rs.getString(1), rs.getInt(2), rs.getString(3))).list())
        .containsExactly(tuple("LEADER", 0, "FRONTEX"), tuple("PARTICIPANT", 1, "All MS"),
            tuple("PARTICIPANT", 2, "PL"));
    List<Map<String, Object>> readings = jdbc.sql("SELECT role, actor_code, collective, read_as, status "
        + "FROM oa_actor_reading WHERE oa_id = ? ORDER BY role, cell_position").param(oa).query().listOfRows();
    assertThat(readings).extracting(r -> r.get("ACTOR_CODE"), r -> r.get("COLLECTIVE"), r -> r.get("READ_AS"),
            r -> r.get("STATUS"))
        .containsExactly(tuple("FRONTEX", null, "CODE", "READ"), tuple(null, "All MS", "COLLECTIVE", "READ"),
            tuple("PL", null, "CODE", "READ"));
  }

  private static Flyway flyway(JdbcDataSource database, String target) {
    // as application.yaml configures it: the engine's tables are there before the first migration
    return Flyway.configure().dataSource(database).locations("classpath:db/migration").table("oap_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").target(target).load();
  }

  /** An OA as V1-V13 stored it: led by FRONTEX, "All MS" (two of its 27) and PL, KPIs a, none, none, 2. */
  private static long storedOa(JdbcClient jdbc) {
    jdbc.sql("INSERT INTO priority (id, name) VALUES (1, 'Illegal immigration')").update();
    jdbc.sql("INSERT INTO oap (id, priority_id, period_start, period_end, driver_code, created_at) "
        + "VALUES (1, 1, 2012, 2012, 'IT', CURRENT_TIMESTAMP)").update();
    jdbc.sql("INSERT INTO oap_version (id, oap_id, revision, status, title, created_at) "
        + "VALUES (1, 1, 0, 'ADOPTED', 'OAP 2012', CURRENT_TIMESTAMP)").update();
    jdbc.sql("INSERT INTO strategic_goal (id, version_id, number, title) VALUES (1, 1, 1, 'Goal 1')").update();
    jdbc.sql("INSERT INTO operational_action (id, version_id, strategic_goal_id, ref, position, title, type_codes) "
        + "VALUES (1, 1, 1, '1.1', 0, 'Joint operation', '1')").update();
    String participation = "INSERT INTO participation (oa_id, actor_code, role, position, via_collective, status, "
        + "status_since) VALUES (1, ?, ?, ?, ?, 'ACTIVE', CURRENT_TIMESTAMP)";
    jdbc.sql(participation).params("FRONTEX", "LEADER", 0, null).update();
    jdbc.sql(participation).params("PL", "PARTICIPANT", 2, null).update();
    jdbc.sql(participation).params("AT", "PARTICIPANT", 3, "All MS").update();
    jdbc.sql(participation).params("BE", "PARTICIPANT", 4, "All MS").update();
    jdbc.sql("INSERT INTO oa_collective_participant (oa_id, position, term, resolved) VALUES (1, 1, 'All MS', TRUE)")
        .update();
    String kpi = "INSERT INTO kpi (oa_id, position, code, indicator) VALUES (1, ?, ?, 'Number of operations')";
    jdbc.sql(kpi).params(0, "a").update();
    jdbc.sql(kpi).params(1, null).update();
    jdbc.sql(kpi).params(2, null).update();
    jdbc.sql(kpi).params(3, "2").update();
    return 1;
  }
}
