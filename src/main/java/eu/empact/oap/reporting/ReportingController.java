package eu.empact.oap.reporting;

import eu.empact.oap.registry.ApiAccess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapAccess;
import eu.empact.oap.reporting.ReportingRounds.RoundState;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

  ReportingController(ReportingRounds rounds, OaReports reports, DriverReports drivers, RoundOpener opener,
                      ApiAccess access, OapAccess oapAccess) {
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
    return new RoundView(rounds.round(id, round), state.revision(), state.councilDocument(), state.submittedTo(),
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

  record RoundView(ReportingRound round, Integer revision, String councilDocument, String submittedTo,
                   String cosiNotedOn, RoundSummary summary, List<RecordedReport> reports, List<RecordedReport> addenda,
                   Map<Integer, String> assessments, List<RoundEvent> history, String reportDocument) {}
}
