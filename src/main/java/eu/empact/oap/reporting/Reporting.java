package eu.empact.oap.reporting;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.tasks.TaskAssignment;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
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
    OperationalAction oa = reports.action(oapId, round, oaRef);
    List<String> leaders = leaders(oapId, oa);
    if (leaders.isEmpty()) {
      // its leader is no longer participant and no new one is named yet: the Driver answers for it
      return driverGroup(oapId);
    }
    // the co-leaders contribute to the report (Tasklist's Save); the leader submits it
    List<String> excluded = participation.excludedActors(oapId);
    List<String> coLeaders = oa.coActionLeaders().stream()
        .filter(actor -> !excluded.contains(actor) && !leaders.contains(actor)).toList();
    return String.join(",", Stream.concat(leaders.stream(), coLeaders.stream())
        .map(actor -> EmpactGroups.actionLeader(oapId, actor)).toList());
  }

  /**
   * Whether the user submits the report on the OA (as the round reports on it): not a co-leader's
   * person (who contributes), unless it acts for a leader too, or the OAP's directory names nobody
   * for any leader (else nobody could).
   */
  public boolean maySubmit(String user, long oapId, OperationalAction oa) {
    List<String> leaders = leaders(oapId, oa);
    List<String> leaderGroups = leaders.stream().map(actor -> EmpactGroups.actionLeader(oapId, actor)).toList();
    List<String> coLeaderGroups = oa.coActionLeaders().stream()
        .filter(actor -> !leaders.contains(actor)).map(actor -> EmpactGroups.actionLeader(oapId, actor)).toList();
    return WithoutAuthorizationChecks.call(() -> !memberOfAny(user, coLeaderGroups) || memberOfAny(user, leaderGroups)
        || leaderGroups.stream().noneMatch(group -> identity.createUserQuery().memberOfGroup(group).count() > 0));
  }

  private boolean memberOfAny(String user, List<String> groups) {
    return groups.stream().anyMatch(group -> identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0);
  }

  private List<String> leaders(long oapId, OperationalAction oa) {
    return participation.currentLeaders(oapId, oa.ref(), oa.actionLeaders());
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
