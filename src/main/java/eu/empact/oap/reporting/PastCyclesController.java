package eu.empact.oap.reporting;

import eu.empact.oap.registry.ApiAccess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.reporting.PastCycles.PastAdoption;
import eu.empact.oap.reporting.PastCycles.PastRound;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registering an OAP's past under {@code /api/oaps/{id}/history}: the EMPACT Support Unit (and
 * administrators), who keep the organisation's records; anybody else gets 403.
 */
@RestController
class PastCyclesController {

  private final PastCycles past;
  private final ReportingRounds rounds;
  private final ApiAccess access;

  PastCyclesController(PastCycles past, ReportingRounds rounds, ApiAccess access) {
    this.past = past;
    this.rounds = rounds;
    this.access = access;
  }

  /** The OAP's current version was adopted on a day by a Council document; its rounds are planned as history. */
  @PostMapping(path = "/api/oaps/{id}/history/adoption", produces = MediaType.APPLICATION_JSON_VALUE)
  AdoptionView adoption(@PathVariable long id, @RequestBody PastAdoption adoption, Authentication user) {
    requireSupportUnit(user, id);
    return new AdoptionView(past.registerAdoption(id, adoption, user.getName()), rounds.plan(id));
  }

  /** The record of a past round, as the documents of the time give it. */
  @PostMapping(path = "/api/oaps/{id}/history/rounds/{round}", produces = MediaType.APPLICATION_JSON_VALUE)
  ReportingRound round(@PathVariable long id, @PathVariable int round, @RequestBody PastRound record,
                       Authentication user) {
    requireSupportUnit(user, id);
    past.recordRound(id, round, record, user.getName());
    return rounds.round(id, round);
  }

  private void requireSupportUnit(Authentication user, long oapId) {
    access.requireOneOf(user, "register the past of OAP " + oapId, EmpactGroups.SUPPORT_UNIT,
        EmpactGroups.ADMINISTRATORS);
  }

  record AdoptionView(PastAdoption adoption, List<ReportingRound> rounds) {}
}
