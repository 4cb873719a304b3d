package eu.empact.oap.reporting;

import eu.empact.oap.system.ApiAccess;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The reporting rounds of an OAP and their counts, under {@code /api/oaps/{id}}. */
@RestController
class ReportingController {

  private final ReportingRounds rounds;
  private final ApiAccess access;

  ReportingController(ReportingRounds rounds, ApiAccess access) {
    this.rounds = rounds;
    this.access = access;
  }

  /** The rounds planned at adoption; before adoption, the rounds the OAP's period would get. */
  @GetMapping(path = "/api/oaps/{id}/reporting-plan", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ReportingRound> plan(@PathVariable long id, Authentication user) {
    access.requireEmpactRole(user);
    return rounds.plan(id);
  }

  /** The counts of a round: planned, reported, per status, missing. */
  @GetMapping(path = "/api/oaps/{id}/rounds/{round}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  RoundSummary summary(@PathVariable long id, @PathVariable int round, Authentication user) {
    access.requireEmpactRole(user);
    return rounds.summary(id, round);
  }
}
