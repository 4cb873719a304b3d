package eu.empact.oap.reporting;

import eu.empact.oap.registry.ApiAccess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapAccess;
import eu.empact.oap.reporting.ReportingRounds.RoundState;
import eu.empact.oap.registry.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The reporting rounds of an OAP and their reports under {@code /api}; {@code documents} serves their PDFs. */
@RestController
class ReportingController {

  private final ReportingRounds rounds;
  private final OaReports reports;
  private final DriverReports drivers;
  private final RoundOpener opener;
  private final ApiAccess access;
  private final OapAccess oapAccess;
  private final StatusWordings wordings;

  ReportingController(ReportingRounds rounds, OaReports reports, DriverReports drivers, RoundOpener opener,
                      ApiAccess access, OapAccess oapAccess, StatusWordings wordings) {
    this.wordings = wordings;
    this.rounds = rounds;
    this.reports = reports;
    this.drivers = drivers;
    this.opener = opener;
    this.access = access;
    this.oapAccess = oapAccess;
  }

  /** The rounds planned at adoption, with their stage; before adoption, the rounds the OAP's period would get. */
  @GetMapping(path = "/api/oaps/{id}/reporting-plan", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ReportingRound> plan(@PathVariable long id, Authentication user) {
    oapAccess.requireRead(user, id);
    return rounds.plan(id);
  }

  /** A round in full: where it stands, its counts, every OA's report, the Driver's assessments, its history. */
  @GetMapping(path = "/api/oaps/{id}/rounds/{round}", produces = MediaType.APPLICATION_JSON_VALUE)
  RoundView round(@PathVariable long id, @PathVariable int round, Authentication user) {
    oapAccess.requireRead(user, id);
    RoundState state = rounds.state(id, round);
    return new RoundView(rounds.round(id, round), state.revision(), state.councilDocument(),
        state.councilDocumentDate(), state.submittedTo(), state.necMetOn(),
        state.cosiNotedOn() == null ? null : state.cosiNotedOn().toString(), reports.summary(id, round),
        List.copyOf(reports.reports(id, round).values()), List.copyOf(reports.addenda(id, round).values()),
        drivers.latest(id, round), rounds.history(id, round),
        "/api/oaps/" + id + "/rounds/" + round + "/report.pdf");
  }

  /** Opens a planned round now rather than on its day: the EMPACT Support Unit (and administrators). */
  @PostMapping(path = "/api/oaps/{id}/rounds/{round}/open", produces = MediaType.APPLICATION_JSON_VALUE)
  RoundView open(@PathVariable long id, @PathVariable int round, Authentication user) {
    access.requireOneOf(user, "open a reporting round early", EmpactGroups.SUPPORT_UNIT,
        EmpactGroups.ADMINISTRATORS);
    opener.openNow(id, round, user.getName());
    return round(id, round, user);
  }

  /** The counts of a round: planned, reported, per status, missing. */
  @GetMapping(path = "/api/oaps/{id}/rounds/{round}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  RoundSummary summary(@PathVariable long id, @PathVariable int round, Authentication user) {
    oapAccess.requireRead(user, id);
    return reports.summary(id, round);
  }

  /**
   * The status wordings for the OAP: the table (the documents' and the configured), those mapped
   * for this OAP, and the reports whose wording waits to be mapped.
   */
  @GetMapping(path = "/api/oaps/{id}/status-wordings", produces = MediaType.APPLICATION_JSON_VALUE)
  WordingsView wordings(@PathVariable long id, Authentication user) {
    oapAccess.requireRead(user, id);
    return new WordingsView(wordings.table(), wordings.mappings(id), wordings.unmapped(id));
  }

  /**
   * The Driver (or the Support Unit) maps a wording to one status, or two (finished for the year,
   * continuing): for the OAP's later reports and for every report of it already written so.
   */
  @PostMapping(path = "/api/oaps/{id}/status-wordings", produces = MediaType.APPLICATION_JSON_VALUE)
  MappingResult map(@PathVariable long id, @RequestBody WordingMapping mapping, Authentication user) {
    access.requireOneOf(user, "map report status wordings of OAP " + id, EmpactGroups.driver(id),
        EmpactGroups.SUPPORT_UNIT, EmpactGroups.ADMINISTRATORS);
    oapAccess.requireRead(user, id);
    List<Problem> problems = new ArrayList<>();
    OaReportValidator.text(problems, "wording", mapping.wording(), true);
    List<ReportStatus> statuses = new ArrayList<>();
    List<String> given = mapping.statuses() == null ? List.of() : mapping.statuses();
    if (given.isEmpty() || given.size() > 2) {
      problems.add(new Problem("statuses", "one status, or two (finished for the year, then continuing): "
          + ReportStatus.labels()));
    }
    for (int i = 0; i < given.size(); i++) {
      int index = i;
      ReportStatus.of(given.get(i)).ifPresentOrElse(statuses::add, () -> problems.add(new Problem(
          "statuses[" + index + "]", "'" + given.get(index) + "' is not one of: " + ReportStatus.labels())));
    }
    if (!problems.isEmpty()) {
      throw new ReportRejectedException(problems);
    }
    int changed = wordings.map(id, mapping.wording(), statuses, user.getName());
    return new MappingResult(mapping.wording().trim(), statuses, changed);
  }

  record WordingsView(List<StatusWordingProperties.Wording> table, List<StatusWordingProperties.Wording> mapped,
                      List<StatusWordings.Unmapped> unmapped) {}

  record WordingMapping(String wording, List<String> statuses) {}

  record MappingResult(String wording, List<ReportStatus> statuses, int reportsChanged) {}

  record RoundView(ReportingRound round, Integer revision, String councilDocument,
                   java.time.LocalDate councilDocumentDate, String submittedTo, java.time.LocalDate necMetOn,
                   String cosiNotedOn, RoundSummary summary, List<RecordedReport> reports, List<RecordedReport> addenda,
                   Map<Integer, String> assessments, List<RoundEvent> history, String reportDocument) {}
}
