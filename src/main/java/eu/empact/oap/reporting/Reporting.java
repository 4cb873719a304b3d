package eu.empact.oap.reporting;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.tasks.TaskAssignment;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** What the reporting model asks of the application: the OAs of a round and who reports on them. */
@Component("reporting")
public class Reporting {

  private final OaReports reports;
  private final IdentityService identity;
  private final ParticipationStatus participation;
  private final TaskAssignment tasks;

  Reporting(OaReports reports, IdentityService identity, ParticipationStatus participation, TaskAssignment tasks) {
    this.reports = reports;
    this.identity = identity;
    this.participation = participation;
    this.tasks = tasks;
  }

  /** One report task per OA of the version the round reports on. */
  public List<String> actionRefs(long oapId, int round) {
    return reports.actions(oapId, round).stream().map(OperationalAction::ref).toList();
  }

  /**
   * The Action Leader groups of the actors leading an OA now, e.g. "oap-1-action-leader-FR": not an
   * actor no longer participant, but the leader named in its place.
   */
  public String leaderGroups(long oapId, int round, String oaRef) {
    List<String> leaders = participation.currentLeaders(oapId, oaRef,
        reports.action(oapId, round, oaRef).actionLeaders());
    if (leaders.isEmpty()) {
      // its leader is no longer participant and no new one is named yet: the Driver answers for it
      return driverGroup(oapId);
    }
    return String.join(",", leaders.stream().map(leader -> EmpactGroups.actionLeader(oapId, leader)).toList());
  }





  /** Whether anyone acts as Co-Driver of the OAP: nobody would do a review task otherwise. */
  public boolean hasCoDrivers(long oapId) {
    return WithoutAuthorizationChecks.call(
        () -> identity.createUserQuery().memberOfGroup(EmpactGroups.coDriver(oapId)).count()) > 0;
  }

  // Expressions of models deployed before every model asked TaskAssignment ({@code ${tasks...}}):
  // process instances started on them still call these.

  public String driverGroup(long oapId) {
    return tasks.driverGroup(oapId);
  }

  public String coDriverGroup(long oapId) {
    return tasks.coDriverGroup(oapId);
  }

  public Date due(String kind) {
    return tasks.due("reporting." + kind);
  }
}
