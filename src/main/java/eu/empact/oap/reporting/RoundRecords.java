package eu.empact.oap.reporting;

import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.registry.RegistryViews.VersionContentView;
import eu.empact.oap.reporting.ReportingRounds.RoundState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads rounds for their documents in one go: one statement per table for all the rounds asked
 * for (rounds, reports, their KPI values, assessments; the registry's goals, OAs, KPIs and actors
 * once per version reported on), instead of asking each service, which would read the OAP again.
 */
@Service
@Transactional(readOnly = true)
public class RoundRecords {

  private final JdbcClient jdbc;
  private final OapRegistry registry;
  private final ReportingRounds rounds;

  RoundRecords(JdbcClient jdbc, OapRegistry registry, ReportingRounds rounds) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.rounds = rounds;
  }

  /** One round of the OAP. */
  public RoundRecord round(long oapId, int number) {
    Rounds found = rounds(oapId, round -> round.number() == number);
    if (found.records().isEmpty()) {
      registry.summary(oapId);
      throw ReportingRounds.noRound(oapId, number);
    }
    return found.records().get(0);
  }

  /**
   * The OAP's rounds as planned, and those that {@code wanted} keeps read whole, in their order;
   * an OAP without rounds (or unknown) has neither.
   */
  public Rounds rounds(long oapId, Predicate<ReportingRound> wanted) {
    List<ReportingRound> all = new ArrayList<>();
    Map<Long, ReportingRound> planned = new LinkedHashMap<>();
    Map<Long, RoundState> states = new HashMap<>();
    jdbc.sql("SELECT * FROM reporting_round WHERE oap_id = ? ORDER BY number").param(oapId).query(rs -> {
      ReportingRound round = ReportingRounds.round(rs);
      all.add(round);
      if (wanted.test(round)) {
        planned.put(rs.getLong("id"), round);
        states.put(rs.getLong("id"), ReportingRounds.state(rs));
      }
    });
    if (all.isEmpty()) {
      return new Rounds(null, List.of(), List.of());
    }
    OapSummary oap = registry.summary(oapId);
    if (planned.isEmpty()) {
      return new Rounds(oap, List.copyOf(all), List.of());
    }
    List<Long> ids = List.copyOf(planned.keySet());
    OaReports.KpiRows kpis = new OaReports.KpiRows();
    jdbc.sql("SELECT " + OaReports.KpiRows.COLUMNS + " FROM oa_report_kpi k JOIN oa_report r ON r.id = k.report_id "
            + "WHERE r.round_id IN (:rounds) ORDER BY " + OaReports.KPI_ORDER).param("rounds", ids)
        .query(kpis::add);
    Map<Long, Map<String, RecordedReport>> reports = new HashMap<>();
    Map<Long, Map<String, RecordedReport>> addenda = new HashMap<>();
    jdbc.sql("SELECT * FROM oa_report WHERE round_id IN (:rounds) ORDER BY id").param("rounds", ids)
        .query(rs -> {
          (rs.getBoolean("addendum") ? addenda : reports).computeIfAbsent(rs.getLong("round_id"),
              id -> new LinkedHashMap<>()).put(rs.getString("oa_ref"), OaReports.recorded(rs, kpis));
        });
    Map<Long, Map<Integer, String>> assessments = new HashMap<>();
    jdbc.sql("""
            SELECT a.round_id, a.goal_number, a.assessment FROM round_assessment a WHERE a.round_id IN (:rounds)
            AND a.edition = (SELECT MAX(edition) FROM round_assessment b WHERE b.round_id = a.round_id)
            ORDER BY a.round_id, a.goal_number""").param("rounds", ids)
        .query(rs -> {
          assessments.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getString(3));
        });
    Map<Integer, VersionContentView> versions = new HashMap<>();
    List<RoundRecord> records = new ArrayList<>();
    planned.forEach((id, round) -> {
      RoundState state = states.get(id);
      int revision = state.revision() != null ? state.revision() : rounds.revision(oapId, round.number());
      records.add(new RoundRecord(oap, round, state,
          versions.computeIfAbsent(revision, rev -> registry.content(oapId, rev)),
          reports.getOrDefault(id, Map.of()), addenda.getOrDefault(id, Map.of()),
          assessments.getOrDefault(id, Map.of())));
    });
    return new Rounds(oap, List.copyOf(all), List.copyOf(records));
  }

  /** An OAP's rounds as planned ({@code oap} null when it has none) and the rounds read whole. */
  public record Rounds(OapSummary oap, List<ReportingRound> planned, List<RoundRecord> records) {}
}
