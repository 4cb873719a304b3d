package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.notification.Notification;
import eu.empact.oap.notification.Notifications;
import eu.empact.oap.notification.TaskNotice;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryViews.VersionView;
import eu.empact.oap.registry.Tasking;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.ProcessTasks;
import eu.empact.oap.support.ProcessTestContext;
import eu.empact.oap.support.SqlStatements;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of {@code oap-adoption}, on the demo OAP under a priority of its own. */
@ProcessTestContext
class AdoptionProcessTest {

  static final Instant NOW = Instant.parse("2023-09-01T08:00:00Z");
  static final int DEMO_LEADERS = 14;
  static final int MEMBER_STATES = 27;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired NecConsultation consultation;
  @Autowired Tasking tasking;
  @Autowired Notifications notifications;
  @Autowired JdbcClient jdbc;

  long oapId;
  String oapName;
  ProcessInstance adoption;

  @BeforeEach
  void openCycleForANewOap() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    // every Member State has its NEC, so that no NEC task goes to the Support Unit on its behalf;
    // the OAP names nobody for its actors: their tasks do (ADR 0016)
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("nec-every").count() == 0) {
      identity.saveUser(identity.newUser("nec-every"));
      jdbc.sql("SELECT code FROM actor WHERE kind = 'MEMBER_STATE'").query(String.class).list()
          .forEach(memberState -> identity.createMembership("nec-every", EmpactGroups.nec(memberState)));
    }
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    oapId = registry.importDocument(reader.read(document.json()), "esu").id();
    oapName = registry.summary(oapId).displayName();
    adoption = start(Map.of(OAP_ID, oapId));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void coLeadersConfirmTheirPartInTheLeadershipAndAreNamedWithTheLeader() {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.action(0).putArray("coActionLeaders").add("MT");
    String ref = document.action(0).get("ref").asText();
    long coLed = registry.importDocument(reader.read(document.json()), "esu").id();
    ProcessTasks cycle = new ProcessTasks(tasks, start(Map.of(OAP_ID, coLed)).getId());
    Task draft = cycle.single(TASK_DRAFT);
    assertThat((String) tasks.getVariable(draft.getId(), OAP_OVERVIEW)).contains("OA " + ref + " ")
        .contains("; co-leaders MT");
    cycle.complete(draft, Map.of(COMMENTS, "ready"));

    List<Task> leadership = cycle.all(TASK_CONFIRM_LEADERSHIP);
    assertThat(leadership).hasSize(DEMO_LEADERS + 1);
    Task malta = leadership.stream().filter(t -> t.getName().contains(" MT ")).findFirst().orElseThrow();
    assertThat(cycle.groups(malta)).contains(EmpactGroups.actionLeader(coLed, "MT"));
    Object briefing = tasks.getVariableLocal(malta.getId(), BRIEFING);
    assertThat(briefing instanceof SpinJsonNode json ? json.stringValue() : (String) briefing)
        .contains("##### OA " + ref + " ").contains("**Co-Action Leaders:** MT");
    cycle.complete(malta, Map.of(DECISION, "accept"));
    assertThat(jdbc.sql("SELECT e.comment FROM oap_version_event e JOIN oap_version v ON v.id = e.version_id "
        + "WHERE v.oap_id = ? AND e.event = 'LEADERSHIP_ACCEPTED'").param(coLed).query(String.class).list())
        .containsExactly("MT");
  }

  @Test
  void adoptedStraightThrough() {
    Task draft = tasks().single(TASK_DRAFT);
    assertThat(draft.getName()).isEqualTo("Draft OAP " + oapName + " REV 0");
    assertThat(tasks().groups(draft)).containsExactly(EmpactGroups.driver(oapId));
    assertThat(draft.getDueDate()).isEqualTo(Date.from(NOW.plus(30, ChronoUnit.DAYS)));
    tasks().complete(draft, Map.of(COMMENTS, "ready"));

    List<Task> leadership = tasks().all(TASK_CONFIRM_LEADERSHIP);
    assertThat(leadership).hasSize(DEMO_LEADERS);
    // nobody is named for FRONTEX in this OAP's people: the Support Unit has its task, on its behalf
    assertThat(leadership).extracting(Task::getName)
        .contains("Confirm action leadership of FRONTEX in OAP " + oapName + " REV 0 on behalf of Frontex");
    leadership.forEach(task -> tasks().complete(task, Map.of(DECISION, "accept")));

    tasks().complete(tasks().single(TASK_REVIEW_DRAFT), Map.of(DECISION, "approve", LINKS_TO_OTHER_OAPS, "OA 1.1 with OAP THB"));
    assertThat(registry.summary(oapId).status()).isEqualTo(VersionStatus.UNDER_NEC_DISCUSSION);

    answerAllNecs();
    assertThat(adoption).isWaitingAt(TASK_RECORD_NEC_OUTCOME);
    tasks().complete(tasks().single(TASK_RECORD_NEC_OUTCOME), Map.of(DECISION, "endorse"));
    tasks().complete(tasks().single(TASK_REVIEW_FOR_COSI), Map.of(DECISION, "approve", COUNCIL_DOCUMENT, "14541/23"));
    assertThat(registry.summary(oapId).status()).isEqualTo(VersionStatus.SUBMITTED_TO_COSI);
    tasks().complete(tasks().single(TASK_RECORD_COSI_DECISION), Map.of(DECISION, "adopt", ADOPTION_DATE, "2023-09-01"));

    assertThat(registry.summary(oapId).status()).isEqualTo(VersionStatus.ADOPTED);
    List<Task> confirmations = tasks().all(TASK_CONFIRM_PARTICIPATION);
    assertThat(confirmations).hasSize(DEMO_LEADERS);
    assertThat(confirmations).extracting(Task::getName).contains("Confirm participation of FR in OAP " + oapName + " REV 0");
    Task france = confirmations.stream().filter(t -> t.getName().contains(" FR ")).findFirst().orElseThrow();
    assertThat(tasks().groups(france)).containsExactly("nec-FR");
    // nobody acts for EUROPOL in this OAP: the Support Unit has its task at once, and a task to name a contact
    Task europol = confirmations.stream().filter(t -> t.getName().contains(" EUROPOL ")).findFirst().orElseThrow();
    assertThat(tasks().groups(europol)).containsExactlyInAnyOrder(EmpactGroups.actionLeader(oapId, "EUROPOL"),
        EmpactGroups.contact(oapId, "EUROPOL"), EmpactGroups.SUPPORT_UNIT);
    assertThat(europol.getName()).endsWith(" on behalf of Europol");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("name-contact-" + oapId + "-EUROPOL")
        .count()).isOne();
    confirmations.forEach(task -> tasks().complete(task, Map.of(CONFIRMED, true)));

    assertThat(adoption).isEnded().hasPassed(END_ADOPTED);
    assertThat(tasking.unconfirmedActors(oapId)).isEmpty();
    VersionView version = registry.version(oapId, 0);
    assertThat(version.councilDocument()).isEqualTo("14541/23");
    assertThat(version.history()).extracting(e -> e.event()).contains("DRAFT_SUBMITTED", "LEADERSHIP_ACCEPTED",
        "SUPPORT_UNIT_REVIEW_APPROVE", "NEC_CONSULTATION_CLOSED", "NEC_MEETING_ENDORSE", "COSI_SECRETARIAT_REVIEW_APPROVE",
        "COSI_DECISION_ADOPT", "PARTICIPATION_CONFIRMED");
    assertThat(version.history()).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("COSI_DECISION_ADOPT");
      assertThat(e.user()).isEqualTo("cosi");
      assertThat(e.comment()).isEqualTo("adopted on 2023-09-01");
    });
  }

  @Test
  void anActionLeaderDeclinesAndTheDraftGoesBackWithTheReason() {
    tasks().complete(tasks().single(TASK_DRAFT), Map.of());
    List<Task> leadership = tasks().all(TASK_CONFIRM_LEADERSHIP);
    tasks().complete(leadership.get(0), Map.of(DECISION, "accept"));
    Task frontex = leadership.stream().filter(t -> t.getName().contains(" FRONTEX ")).findFirst().orElseThrow();
    tasks().complete(frontex, Map.of(DECISION, "decline", COMMENTS, "no capacity in 2024"));

    assertThat(tasks().all(TASK_CONFIRM_LEADERSHIP)).isEmpty();
    assertThat(adoption).isWaitingAt(TASK_DRAFT);
    assertThat(runtime.getVariable(adoption.getId(), RETURN_COMMENTS))
        .isEqualTo("Action Leader FRONTEX declined: no capacity in 2024");
    assertThat(registry.summary(oapId).revision()).isZero();
  }

  @Test
  void aLeaderMustGiveAReasonToDecline() {
    tasks().complete(tasks().single(TASK_DRAFT), Map.of());
    Task task = tasks().all(TASK_CONFIRM_LEADERSHIP).get(0);

    assertThatThrownBy(() -> tasks().complete(task, Map.of(DECISION, "decline")))
        .hasMessageContaining("Reason for declining: give the reason for declining");
  }

  @Test
  void theSupportUnitReturnsTheDraftWithComments() {
    passLeadership();
    assertThatThrownBy(() -> tasks().complete(tasks().single(TASK_REVIEW_DRAFT), Map.of(DECISION, "return")))
        .hasMessageContaining("Comments for the Driver: say why the OAP goes back to the Driver");

    tasks().complete(tasks().single(TASK_REVIEW_DRAFT), Map.of(DECISION, "return", COMMENTS, "OA 2.2 overlaps OAP THB"));

    assertThat(adoption).isWaitingAt(TASK_DRAFT);
    assertThat(runtime.getVariable(adoption.getId(), RETURN_COMMENTS)).isEqualTo("support unit: OA 2.2 overlaps OAP THB");
    assertThat(registry.summary(oapId).status()).isEqualTo(VersionStatus.DRAFT);
  }

  @Test
  void theNecsRequestRevisionsAndTheDriverWorksOnRev1() {
    OapDocument rev0 = registry.export(oapId, 0);
    throughNecMeeting("revise", "shorten SG 2");

    assertThat(adoption).isWaitingAt(TASK_DRAFT);
    assertThat(tasks().single(TASK_DRAFT).getName()).isEqualTo("Draft OAP " + oapName + " REV 1");
    assertThat(registry.summary(oapId).revision()).isEqualTo(1);
    assertThat(registry.version(oapId, 0).status()).isEqualTo(VersionStatus.SUPERSEDED);
    assertThat(registry.export(oapId, 0)).isEqualTo(rev0);
    assertThat(consultation.answers(oapId, 0)).hasSize(MEMBER_STATES);
  }

  @Test
  void cosiReturnsRev1AsRev2WhichGoesBackThroughTheSecretariatAndIsAdopted() {
    throughNecMeeting("revise", "shorten SG 2");
    passLeadership();
    tasks().complete(tasks().single(TASK_REVIEW_DRAFT), Map.of(DECISION, "approve"));
    answerAllNecs();
    tasks().complete(tasks().single(TASK_RECORD_NEC_OUTCOME), Map.of(DECISION, "endorse"));
    tasks().complete(tasks().single(TASK_REVIEW_FOR_COSI), Map.of(DECISION, "approve", COUNCIL_DOCUMENT, "14541/1/23 REV 1"));
    tasks().complete(tasks().single(TASK_RECORD_COSI_DECISION), Map.of(DECISION, "return", COMMENTS, "add KPI targets to OA 6.2"));

    assertThat(registry.summary(oapId).revision()).isEqualTo(2);
    assertThat(registry.version(oapId, 1).status()).isEqualTo(VersionStatus.SUPERSEDED);
    assertThat(registry.version(oapId, 1).councilDocument()).isEqualTo("14541/1/23 REV 1");
    tasks().complete(tasks().single(TASK_DRAFT), Map.of());
    assertThat(adoption).isWaitingAt(TASK_REVIEW_FOR_COSI);
    assertThat(tasks().single(TASK_REVIEW_FOR_COSI).getName()).isEqualTo("Review OAP " + oapName + " REV 2 for COSI");
    tasks().complete(tasks().single(TASK_REVIEW_FOR_COSI), Map.of(DECISION, "approve", COUNCIL_DOCUMENT, "14541/2/23 REV 2"));
    tasks().complete(tasks().single(TASK_RECORD_COSI_DECISION), Map.of(DECISION, "adopt", ADOPTION_DATE, "2023-09-01"));

    assertThat(registry.version(oapId, 2).status()).isEqualTo(VersionStatus.ADOPTED);
    assertThat(registry.versions(oapId)).extracting(VersionView::status)
        .containsExactly(VersionStatus.SUPERSEDED, VersionStatus.SUPERSEDED, VersionStatus.ADOPTED);
    assertThat(adoption).isWaitingAt(TASK_CONFIRM_PARTICIPATION);
  }

  @Test
  void aRevisionCosiAskedForKeepsTheParticipationTheNecsStated() {
    passLeadership();
    tasks().complete(tasks().single(TASK_REVIEW_DRAFT), Map.of(DECISION, "approve"));
    for (Task nec : tasks().all(TASK_STATE_PARTICIPATION)) {
      tasks().complete(nec, nec.getName().startsWith("State participation of BE ")
          ? Map.of(PARTICIPATING_OAS, SpinValues.jsonValue("[\"2.2\"]").create()) : Map.of());
    }
    tasks().complete(tasks().single(TASK_RECORD_NEC_OUTCOME), Map.of(DECISION, "endorse"));
    assertThat(stated(oapId, "2.2")).containsExactly("EL OAP_TEXT", "BE NEC_ANSWER");
    assertThat(registry.version(oapId, 0).history()).anySatisfy(e -> assertThat(e.comment())
        .startsWith("the NECs' answers are the participation: 1 participation(s) added"));

    tasks().complete(tasks().single(TASK_REVIEW_FOR_COSI), Map.of(DECISION, "approve", COUNCIL_DOCUMENT, "14541/23"));
    tasks().complete(tasks().single(TASK_RECORD_COSI_DECISION), Map.of(DECISION, "return", COMMENTS, "add KPI targets"));

    assertThat(registry.summary(oapId).revision()).isEqualTo(1);
    assertThat(stated(oapId, "2.2")).containsExactly("EL OAP_TEXT", "BE NEC_ANSWER");
  }

  /** Who takes part in an OA of the current version, and where that comes from. */
  private List<String> stated(long oap, String ref) {
    return registry.actions(oap).stream().filter(oa -> oa.ref().equals(ref)).findFirst().orElseThrow()
        .participations().stream().map(p -> p.actor() + " " + p.source()).toList();
  }

  @Test
  void theNecDeadlinePassesWithMissingAnswers() {
    passLeadership();
    tasks().complete(tasks().single(TASK_REVIEW_DRAFT), Map.of(DECISION, "approve"));
    List<Task> necs = tasks().all(TASK_STATE_PARTICIPATION);
    assertThat(necs).hasSize(MEMBER_STATES);
    assertThat(necs.get(0).getDueDate()).isEqualTo(Date.from(Instant.parse("2023-10-19T00:00:00Z")));
    Task france = necs.stream().filter(t -> t.getName().startsWith("State participation of FR ")).findFirst().orElseThrow();
    tasks().complete(france, Map.of(PARTICIPATING_OAS, SpinValues.jsonValue("[\"2.5\",\"2.6\"]").create(),
        COMMENTS, "FR leads 2.5 and 2.6"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-19T00:00:01Z")));
    Job deadline = management.createJobQuery().processInstanceId(adoption.getId())
        .activityId(TIMER_NEC_DEADLINE).singleResult();
    management.executeJob(deadline.getId());

    assertThat(tasks().all(TASK_STATE_PARTICIPATION)).isEmpty();
    assertThat(adoption).isWaitingAt(TASK_RECORD_NEC_OUTCOME);
    List<NecConsultation.Answer> answers = consultation.answers(oapId, 0);
    assertThat(answers).hasSize(MEMBER_STATES);
    assertThat(answers).filteredOn(a -> a.status() == NecConsultation.Status.NO_ANSWER).hasSize(MEMBER_STATES - 1);
    assertThat(answers).filteredOn(a -> a.memberState().equals("FR")).singleElement()
        .satisfies(a -> assertThat(a.participatesIn()).containsExactly("2.5", "2.6"));
    Object briefing = tasks.getVariableLocal(tasks().single(TASK_RECORD_NEC_OUTCOME).getId(), BRIEFING);
    assertThat(briefing instanceof SpinJsonNode json ? json.stringValue() : (String) briefing)
        .contains("| FR | OA 2.5, 2.6 | FR leads 2.5 and 2.6 |").contains("| DE | no answer | — |");
  }

  @Test
  void aDraftWithAnOaLackingALeaderCannotBeSubmitted() {
    Task draft = tasks().single(TASK_DRAFT);
    assertThat((String) tasks.getVariable(draft.getId(), DRAFTING_PAGE)).endsWith("/oaps/" + oapId + "/draft");
    replaceLeaders(Map.of("2.4", "other relevant EU Agencies", "3.1", "the competent authorities"));

    assertThatThrownBy(() -> tasks().complete(draft, Map.of(COMMENTS, "ready")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("2 of 26 OAs have no Action Leader the registry can read: OA 2.4, 3.1")
        .hasMessageContaining("\"Action Leaders\" of each of these OA sheets on the drafting page")
        .hasMessageContaining("/oaps/" + oapId + "/draft#oa-2.4");

    assertThat(adoption).isWaitingAt(TASK_DRAFT);
    assertThat(registry.version(oapId, 0).history()).extracting(e -> e.event()).doesNotContain("DRAFT_SUBMITTED");
  }

  @Test
  void theActionLeadersAreThoseOfTheDraftAsSubmitted() {
    replaceLeaders(Map.of("2.4", "IT, AT and Frontex"));
    tasks().complete(tasks().single(TASK_DRAFT), Map.of(COMMENTS, "ready"));

    assertThat(registry.export(oapId).operationalActions()).filteredOn(oa -> oa.ref().equals("2.4")).singleElement()
        .satisfies(oa -> assertThat(oa.actionLeaders()).containsExactly("IT, AT and Frontex"));
    assertThat(tasks().all(TASK_CONFIRM_LEADERSHIP)).extracting(Task::getName)
        .contains("Confirm action leadership of AT in OAP " + oapName + " REV 0 on behalf of Austria");
  }

  /** Replaces the Action Leader cells of OAs in the draft, as the drafting page does: through the registry's checks. */
  private void replaceLeaders(Map<String, String> cells) {
    ObjectNode document = new ObjectMapper().valueToTree(registry.export(oapId));
    document.withArray("operationalActions").forEach(oa -> {
      String cell = cells.get(oa.path("ref").asText());
      if (cell != null) {
        ((ObjectNode) oa).putArray("actionLeaders").add(cell);
      }
    });
    registry.replaceDraft(oapId, reader.read(document.toString(), registry.summary(oapId)), "driver");
  }

  @Test
  void aSecondStartForTheSameOapIsRefused() {
    assertThatThrownBy(() -> start(Map.of(OAP_ID, oapId)))
        .hasMessageContaining("an adoption cycle for OAP " + oapId + " is already running")
        .hasMessageContaining(adoption.getId());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey("oap-" + oapId)
        .count()).isEqualTo(1);
  }

  @Test
  void aStartWithBadInputNamesEachField() {
    Map<String, Object> bad = new HashMap<>(Map.of(DRIVER, "Europol", NEC_MEETING_DATE, "2023-09-03",
        COSI_TARGET_DATE, "2023-09-02"));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, bad))
        .hasMessageContaining("driver: 'Europol' is not a Member State")
        .hasMessageContaining("necMeetingDate: must leave the NECs 7 days to answer")
        .hasMessageContaining("cosiTargetDate: must come after the NEC meeting")
        .hasMessageContaining("oapId: choose an OAP of the registry, or give the priority and period of a new one");
  }

  @Test
  void aNewOapForAPriorityAndPeriodStartsWithTheEightChsgs() {
    String priority = "Test new priority " + System.nanoTime();
    ProcessInstance fresh = start(Map.of(PRIORITY, priority, PERIOD, "2026-2027", CO_DRIVERS, "NL, Frontex"));

    long id = registry.find(priority, "2026-2027").orElseThrow();
    assertThat(registry.export(id).strategicGoals()).hasSize(8);
    assertThat(registry.summary(id).coDrivers()).containsExactly("NL", "FRONTEX");
    Task draft = tasks.createTaskQuery().processInstanceId(fresh.getId()).singleResult();
    assertThatThrownBy(() -> tasks().complete(draft, Map.of())).hasMessageContaining("the OAP has no operational actions yet");
  }

  @Test
  void theTaskingDeadlinePassesAndTheDriverSeesWhoDidNotConfirm() {
    throughNecMeeting("endorse", null);
    tasks().complete(tasks().single(TASK_REVIEW_FOR_COSI), Map.of(DECISION, "approve", COUNCIL_DOCUMENT, "14541/23"));
    tasks().complete(tasks().single(TASK_RECORD_COSI_DECISION), Map.of(DECISION, "adopt", ADOPTION_DATE, "2023-09-01"));
    List<Task> confirmations = tasks().all(TASK_CONFIRM_PARTICIPATION);
    confirmations.stream().filter(t -> !t.getName().contains(" FR ") && !t.getName().contains(" UK "))
        .forEach(task -> tasks().complete(task, Map.of(CONFIRMED, true)));

    ClockUtil.setCurrentTime(Date.from(NOW.plus(31, ChronoUnit.DAYS)));
    management.executeJob(management.createJobQuery().processInstanceId(adoption.getId())
        .activityId(TIMER_TASKING_DEADLINE).singleResult().getId());

    Task note = tasks().single(TASK_NOTE_UNCONFIRMED);
    assertThat(tasks().groups(note)).containsExactly(EmpactGroups.driver(oapId));
    assertThat(tasks.getVariableLocal(note.getId(), SUMMARY)).isEqualTo("Not confirmed by the deadline: FR, UK");
    tasks().complete(note, Map.of());
    assertThat(adoption).isEnded().hasPassed(END_ADOPTED_UNCONFIRMED);
    assertThat(tasking.unconfirmedActors(oapId)).containsExactly("FR", "UK");
  }

  @Test
  void theCoDriversMayReadTheDraftTaskAndItsHistory() {
    Task draft = tasks().single(TASK_DRAFT);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(EmpactGroups.coDriver(oapId))
        .resourceId(draft.getId()).list()).extracting(a -> a.getResourceType())
        .containsExactlyInAnyOrder(Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType());
  }

  @Test
  void theNecsAreRemindedBeforeTheirDeadlineAndNotAfterIt() {
    User nec = engine.getIdentityService().newUser("nec-fr-" + oapId);
    nec.setEmail("nec-fr-" + oapId + "@empact.example");
    engine.getIdentityService().saveUser(nec);
    engine.getIdentityService().createMembership(nec.getId(), "nec-FR");
    passLeadership();
    tasks().complete(tasks().single(TASK_REVIEW_DRAFT), Map.of(DECISION, "approve"));
    Instant deadline = Instant.parse("2023-10-19T00:00:00Z");

    for (int daysBefore : List.of(14, 7, 1)) {
      ClockUtil.setCurrentTime(Date.from(deadline.minus(daysBefore, ChronoUnit.DAYS).plusSeconds(1)));
      management.executeJob(job("Timer_StateParticipationReminder").getId());
      management.executeJob(job("Task_SendStateParticipationReminders").getId());
    }
    ClockUtil.setCurrentTime(Date.from(deadline.plusSeconds(1)));
    management.executeJob(job(TIMER_NEC_DEADLINE).getId());

    assertThat(notifications.forOap(oapId)).filteredOn(n -> n.recipientUser().equals(nec.getId()))
        .extracting(Notification::kind, Notification::taskName)
        .containsExactly(
            tuple(TaskNotice.Kind.NEW_TASK, "State participation of FR in OAP " + oapName + " REV 0"),
            tuple(TaskNotice.Kind.REMINDER, "State participation of FR in OAP " + oapName + " REV 0"),
            tuple(TaskNotice.Kind.REMINDER, "State participation of FR in OAP " + oapName + " REV 0"),
            tuple(TaskNotice.Kind.REMINDER, "State participation of FR in OAP " + oapName + " REV 0"));
    assertThat(management.createJobQuery().processInstanceId(adoption.getId())
        .activityId("Timer_StateParticipationReminder").count()).isZero();
  }

  private Job job(String activity) {
    return management.createJobQuery().processInstanceId(adoption.getId()).activityId(activity).singleResult();
  }

  @Test
  void theNecTasksOfAVersionShareOneReadingOfItsOverview() {
    passLeadership();
    Task review = tasks().single(TASK_REVIEW_DRAFT);

    SqlStatements.Counted counted = SqlStatements.on(jdbc)
        .count(() -> tasks().complete(review, Map.of(DECISION, "approve")));

    List<Task> necs = tasks().all(TASK_STATE_PARTICIPATION);
    assertThat(necs).hasSize(MEMBER_STATES);
    assertThat(necs).extracting(this::overview).containsOnly(overview(necs.get(0)))
        .allSatisfy(overview -> assertThat(overview).contains("UNDER_NEC_DISCUSSION", "26 operational action(s)",
            "OA 2.4 \"Central MED Route\" | leader: IT"));
    // the version's OAs and their leaders are read once for the 27 tasks, and so are the OA sheets
    // their forms show (briefing); each task only checks that the version did not change (before:
    // the OAP's OAs read twice per task, 637 statements)
    System.out.println("NEC tasks created: " + counted);
    assertThat(counted.on("participation")).as(counted.toString()).isEqualTo(2);
    assertThat(counted.on("kpi")).as(counted.toString()).isOne();
    assertThat(counted.total()).as(counted.toString()).isLessThan(4 * MEMBER_STATES + 10);
  }

  @Test
  void theNecTasksOfAVersionShareOneListOfItsOasThatTheirAnswersLeaveAsItIs() {
    passLeadership();
    tasks().complete(tasks().single(TASK_REVIEW_DRAFT), Map.of(DECISION, "approve"));
    List<Task> necs = tasks().all(TASK_STATE_PARTICIPATION);

    // one list for the 27 forms, on the adoption's instance, instead of one written and deleted per task
    for (String name : List.of(OA_OPTIONS, PARTICIPATING_OAS)) {
      assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(adoption.getId()).variableName(name)
          .list()).singleElement().satisfies(variable -> {
            assertThat(variable.getExecutionId()).isEqualTo(adoption.getId());
            // written once for the 27 tasks, not once by each
            assertThat(engine.getHistoryService().createHistoricDetailQuery().variableUpdates()
                .variableInstanceId(variable.getId()).count()).isOne();
          });
    }
    assertThat(necs).allSatisfy(nec -> assertThat(tasks.getVariable(nec.getId(), OA_OPTIONS).toString())
        .contains("\"value\":\"2.4\"", "\"label\":\"OA 2.4 ", "Central MED Route"));
    assertThat(tasks.getVariable(necs.get(0).getId(), PARTICIPATING_OAS).toString()).isEqualTo("[]");

    Task belgium = necs.stream().filter(t -> t.getName().startsWith("State participation of BE ")).findFirst()
        .orElseThrow();
    tasks().complete(belgium, Map.of(PARTICIPATING_OAS, SpinValues.jsonValue("[\"2.2\"]").create()));

    // the answer went to the registry; the next NEC's checklist still starts empty
    assertThat(consultation.answers(oapId, 0)).filteredOn(answer -> answer.memberState().equals("BE"))
        .singleElement().satisfies(answer -> assertThat(answer.participatesIn()).containsExactly("2.2"));
    Task next = necs.stream().filter(nec -> !nec.getId().equals(belgium.getId())).findFirst().orElseThrow();
    assertThat(tasks.getVariable(next.getId(), PARTICIPATING_OAS).toString()).isEqualTo("[]");
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(adoption.getId()).variableName(OA_OPTIONS)
        .count()).isOne();
  }

  @Test
  void aChangedDraftShowsItsNewOverview() {
    tasks().complete(tasks().single(TASK_DRAFT), Map.of());
    List<Task> leadership = tasks().all(TASK_CONFIRM_LEADERSHIP);
    assertThat(overview(leadership.get(0))).contains("OA 1.1 Situational picture of migrant smuggling | leader:");
    Task frontex = leadership.stream().filter(t -> t.getName().contains(" FRONTEX ")).findFirst().orElseThrow();
    tasks().complete(frontex, Map.of(DECISION, "decline", COMMENTS, "no capacity in 2024"));
    assertThat(adoption).isWaitingAt(TASK_DRAFT);

    OapDocument draft = registry.export(oapId);
    List<OapDocument.OperationalAction> actions = new ArrayList<>(draft.operationalActions());
    OapDocument.OperationalAction first = actions.get(0);
    actions.set(0, first.withTitle("Migrant smuggling picture, renamed"));
    registry.replaceDraft(oapId, new OapDocument(draft.priority(), draft.period(), draft.title(), draft.driver(),
        draft.coDrivers(), draft.classification(), draft.councilDocument(), draft.strategicGoals(), actions), "driver");
    tasks().complete(tasks().single(TASK_DRAFT), Map.of());

    assertThat(tasks().all(TASK_CONFIRM_LEADERSHIP)).extracting(this::overview)
        .allSatisfy(overview -> assertThat(overview).contains("OA 1.1 Migrant smuggling picture, renamed | leader:")
            .doesNotContain("Situational picture of migrant smuggling"));
  }

  private String overview(Task task) {
    Object value = tasks.getVariableLocal(task.getId(), OAP_OVERVIEW);
    return value instanceof SpinJsonNode json ? json.stringValue() : (String) value;
  }

  // --- steps

  private void passLeadership() {
    tasks().complete(tasks().single(TASK_DRAFT), Map.of());
    tasks().all(TASK_CONFIRM_LEADERSHIP).forEach(task -> tasks().complete(task, Map.of(DECISION, "accept")));
  }

  private void throughNecMeeting(String outcome, String comments) {
    passLeadership();
    tasks().complete(tasks().single(TASK_REVIEW_DRAFT), Map.of(DECISION, "approve"));
    answerAllNecs();
    Map<String, Object> decision = new HashMap<>(Map.of(DECISION, outcome));
    if (comments != null) {
      decision.put(COMMENTS, comments);
    }
    tasks().complete(tasks().single(TASK_RECORD_NEC_OUTCOME), decision);
  }

  private void answerAllNecs() {
    tasks().all(TASK_STATE_PARTICIPATION).forEach(task -> tasks().complete(task, Map.of()));
  }

  private ProcessInstance start(Map<String, Object> oap) {
    Map<String, Object> variables = new HashMap<>(Map.of(DRIVER, "DE", NEC_MEETING_DATE, "2023-10-26",
        COSI_TARGET_DATE, "2023-11-30"));
    variables.putAll(oap);
    return runtime.startProcessInstanceByKey(KEY, variables);
  }

  private ProcessTasks tasks() {
    return new ProcessTasks(tasks, adoption.getId());
  }
}
