package eu.empact.oap.reporting;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.ParticipationStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** What the reporting model asks of the application: the OAs of a round, groups and due dates. */
@Component("reporting")
public class Reporting {

  private final OaReports reports;
  private final ReportingProperties properties;
  private final IdentityService identity;
  private final ParticipationStatus participation;
  private final Clock clock;

  Reporting(OaReports reports, ReportingProperties properties, IdentityService identity,
            ParticipationStatus participation, Clock clock) {
    this.reports = reports;
    this.properties = properties;
    this.identity = identity;
    this.participation = participation;
    this.clock = clock;
  }

  /** One report task per OA of the version the round reports on. */
  public List<String> actionRefs(long oapId, int round) {
    return reports.actions(oapId, round).stream().map(OperationalAction::ref).toList();
  }

  /**
   * The Action Leader groups of the actors leading an OA now, e.g. "action-leader-FR": not an actor
   * no longer participant, but the leader named in its place.
   */
  public String leaderGroups(long oapId, int round, String oaRef) {
    List<String> leaders = participation.currentLeaders(oapId, oaRef,
        reports.action(oapId, round, oaRef).actionLeaders());
    if (leaders.isEmpty()) {
      // its leader is no longer participant and no new one is named yet: the Driver answers for it
      return driverGroup(oapId);
    }
    return String.join(",", leaders.stream().map(EmpactGroups::actionLeader).toList());
  }

  public String driverGroup(long oapId) {
    return EmpactGroups.driver(oapId);
  }

  public String coDriverGroup(long oapId) {
    return EmpactGroups.coDriver(oapId);
  }

  /** The EMPACT Support Unit, for the model's tasks of the Support Unit. */
  public String supportUnitGroup() {
    return EmpactGroups.SUPPORT_UNIT;
  }

  /** The COSI secretariat, for the model's tasks of the secretariat. */
  public String cosiSecretariatGroup() {
    return EmpactGroups.COSI_SECRETARIAT;
  }

  /** Whether anyone acts as Co-Driver of the OAP: nobody would do a review task otherwise. */
  public boolean hasCoDrivers(long oapId) {
    return WithoutAuthorizationChecks.call(
        () -> identity.createUserQuery().memberOfGroup(EmpactGroups.coDriver(oapId)).count()) > 0;
  }

  /** The due date of a kind of task after the reports (driver-report, support-unit, ...), from now. */
  public Date due(String kind) {
    return Date.from(clock.instant().plus(Duration.ofDays(properties.dueDays(kind))));
  }
}
