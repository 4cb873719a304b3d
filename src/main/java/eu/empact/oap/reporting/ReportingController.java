package eu.empact.oap.reporting;

import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.system.ApiAccess;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The reporting plan of an OAP: {@code GET /api/oaps/{id}/reporting-plan}. */
@RestController
class ReportingController {

  private final OapRegistry registry;
  private final RoundPlanner planner;
  private final ApiAccess access;

  ReportingController(OapRegistry registry, RoundPlanner planner, ApiAccess access) {
    this.registry = registry;
    this.planner = planner;
    this.access = access;
  }

  @GetMapping(path = "/api/oaps/{id}/reporting-plan", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ReportingRound> plan(@PathVariable long id, Authentication user) {
    access.requireEmpactRole(user);
    String[] years = registry.summary(id).period().split("-");
    return planner.plan(Integer.parseInt(years[0]), Integer.parseInt(years[years.length - 1]));
  }
}
