package eu.empact.oap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.exclusion.ExclusionProcess;
import eu.empact.oap.exclusion.ReinstatementProcess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.ReportingRoundProcess;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.ProcessTestContext;
import eu.empact.oap.tasks.ProcessVariables;
import eu.empact.oap.tasks.TaskRouting;
import eu.empact.oap.timing.ActivityTimingReview;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The EMPACT Support Unit in Cockpit's terms: with authorization on, as a member of {@code esu},
 * the instances, statistics, incidents, variables and history of every process the application
 * deploys, and nothing it could change; a user of no role sees none of it.
 */
@ProcessTestContext
class SupportUnitCockpitTest {

  private static final AtomicInteger USERS = new AtomicInteger();

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired ParticipationStatus participation;
  @Autowired RoleGroups roleGroups;

  String esu;
  String nobody;
  long draftOap;
  long adoptedOap;

  @BeforeEach
  void instancesOfEveryProcess() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-01-10T09:00:00Z")));
    esu = user("esu-cockpit-", EmpactGroups.SUPPORT_UNIT);
    nobody = user("no-role-cockpit-", null);
    // a draft with flagged timings: its adoption cycle and its timing review
    draftOap = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    runtime.startProcessInstanceByKey(AdoptionProcess.KEY, Map.of(AdoptionProcess.OAP_ID, draftOap,
        AdoptionProcess.DRIVER, "DE", AdoptionProcess.NEC_MEETING_DATE, "2024-02-20",
        AdoptionProcess.COSI_TARGET_DATE, "2024-03-28"));
    // an adopted OAP: its reporting rounds, an escalation and a reinstatement
    adoptedOap = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    registry.changeStatus(adoptedOap, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    asDriver(() -> runtime.startProcessInstanceByKey(ExclusionProcess.KEY, Map.of(ExclusionProcess.OAP_ID, adoptedOap,
        ExclusionProcess.ACTOR, "DE", ExclusionProcess.REASON, "absent from every meeting of OA 2.3")));
    participation.exclude(adoptedOap, "FR", "exclusion clause (test)", "driver");
    // the Support Unit asked to name a contact for an actor nobody acts for (as TaskRouting starts it)
    runtime.startProcessInstanceByKey(TaskRouting.NAME_CONTACT, "name-contact-" + draftOap + "-LY",
        Map.of(ProcessVariables.OAP_ID, draftOap, TaskRouting.ACTOR, "LY"));
    asDriver(() -> runtime.startProcessInstanceByKey(ReinstatementProcess.KEY, Map.of(
        ReinstatementProcess.OAP_ID, adoptedOap, ReinstatementProcess.ACTOR, "FR",
        ReinstatementProcess.REASON, "France takes part again")));
  }

  @AfterEach
  void reset() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void theSupportUnitReadsEveryProcessOfTheApplication() {
    List<String> keys = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).distinct().toList();
    assertThat(keys).containsExactlyInAnyOrder(AdoptionProcess.KEY, ReportingRoundProcess.KEY, ExclusionProcess.KEY,
        ReinstatementProcess.KEY, ActivityTimingReview.PROCESS_KEY, TaskRouting.NAME_CONTACT);

    for (String key : keys) {
      long oapId = key.equals(AdoptionProcess.KEY) || key.equals(ActivityTimingReview.PROCESS_KEY)
          || key.equals(TaskRouting.NAME_CONTACT) ? draftOap : adoptedOap;
      List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionKey(key)
          .variableValueEquals(ProcessVariables.OAP_ID, oapId).list();
      assertThat(instances).as("running instances of " + key + " in OAP " + oapId).isNotEmpty();
      ProcessInstance mine = instances.get(0);
      String activity = runtime.getActiveActivityIds(mine.getId()).get(0);
      runtime.createIncident("test", runtime.createExecutionQuery().processInstanceId(mine.getId())
          .activityId(activity).list().get(0).getId(), "an incident the Support Unit should see");

      identity.setAuthentication(esu, List.of(EmpactGroups.SUPPORT_UNIT));
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).as(key).isPositive();
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(key).count()).as(key).isPositive();
      assertThat(runningInstancesInCockpit(key)).as("Instances Running of " + key).isPositive();
      assertThat(runtime.createIncidentQuery().processInstanceId(mine.getId()).count()).as(key).isEqualTo(1);
      assertThat(runtime.getVariables(mine.getId())).as(key).containsKey("oapId");
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(mine.getId()).count()).as(key)
          .isPositive();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(mine.getId()).count()).as(key)
          .isPositive();
      // reading only: no variable (the engine gate refuses a person's variables before the engine
      // checks its authorizations), no suspension, no cancellation
      assertThatThrownBy(() -> runtime.setVariable(mine.getId(), "oapId", 1L)).as(key)
          .isInstanceOfAny(AuthorizationException.class, BadUserRequestException.class);
      assertThatThrownBy(() -> runtime.suspendProcessInstanceById(mine.getId())).as(key)
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> runtime.deleteProcessInstance(mine.getId(), "test")).as(key)
          .isInstanceOf(AuthorizationException.class);

      identity.setAuthentication(nobody, List.of());
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).as(key).isZero();
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(key).count()).as(key).isZero();
      assertThat(runtime.createIncidentQuery().processInstanceId(mine.getId()).count()).as(key).isZero();
      identity.clearAuthentication();
    }
  }

  /** A database of an earlier version, where the Support Unit read the adoption only, gets it at the next start. */
  @Test
  void anEarlierDatabaseGetsTheGrantsAtStartOnce() {
    Authorization definitions = supportUnitGrant(Resources.PROCESS_DEFINITION);
    authorizations.deleteAuthorization(definitions.getId());
    Authorization instances = supportUnitGrant(Resources.PROCESS_INSTANCE);
    instances.removePermission(Permissions.READ);
    authorizations.saveAuthorization(instances);
    identity.setAuthentication(esu, List.of(EmpactGroups.SUPPORT_UNIT));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("oap-reporting-round").count()).isZero();
    identity.clearAuthentication();

    roleGroups.ensureRoleGroups();
    long grants = authorizations.createAuthorizationQuery().groupIdIn(EmpactGroups.SUPPORT_UNIT).count();
    roleGroups.ensureRoleGroups();

    assertThat(authorizations.createAuthorizationQuery().groupIdIn(EmpactGroups.SUPPORT_UNIT).count())
        .isEqualTo(grants);
    assertThat(supportUnitGrant(Resources.PROCESS_DEFINITION).getPermissions(ProcessDefinitionPermissions.values()))
        .filteredOn(permission -> permission != ProcessDefinitionPermissions.NONE).containsExactlyInAnyOrder(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
    assertThat(supportUnitGrant(Resources.PROCESS_INSTANCE).isPermissionGranted(Permissions.READ)).isTrue();
    identity.setAuthentication(esu, List.of(EmpactGroups.SUPPORT_UNIT));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("oap-reporting-round").count()).isPositive();
  }

  /** What Cockpit's dashboard shows as "Instances Running" of a process: the statistics of its versions. */
  private long runningInstancesInCockpit(String key) {
    return management.createProcessDefinitionStatisticsQuery().list().stream()
        .filter(statistics -> statistics.getKey().equals(key))
        .mapToLong(ProcessDefinitionStatistics::getInstances).sum();
  }

  private Authorization supportUnitGrant(Resources resource) {
    return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(EmpactGroups.SUPPORT_UNIT).resourceType(resource).resourceId(Authorization.ANY).singleResult();
  }

  private void asDriver(Supplier<ProcessInstance> start) {
    identity.setAuthentication("driver", List.of(EmpactGroups.driver(adoptedOap)));
    try {
      start.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private String user(String prefix, String group) {
    String id = prefix + USERS.incrementAndGet() + "-" + System.nanoTime() % 100000;
    User user = identity.newUser(id);
    identity.saveUser(user);
    if (group != null) {
      identity.createMembership(id, group);
    }
    return id;
  }
}
