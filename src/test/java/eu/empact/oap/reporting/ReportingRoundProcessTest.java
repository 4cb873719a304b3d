package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.empact.oap.notification.Notification;
import eu.empact.oap.notification.Notifications;
import eu.empact.oap.notification.TaskNotice;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.support.KpiValues;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.ProcessTasks;
import eu.empact.oap.support.ProcessTestContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code oap-reporting-round}, on the demo OAP (26 OAs, 8 goals) adopted in December 2023. */
@ProcessTestContext
class ReportingRoundProcessTest {

  static final Instant ADOPTED = Instant.parse("2023-12-05T10:00:00Z");
  /** Round 1 (January-June 2024) opens on 15 September and its reports are due by 15 October 2024. */
  static final Instant OPENS = Instant.parse("2024-09-15T00:00:00Z");
  static final Instant DEADLINE = Instant.parse("2024-10-15T23:59:00Z");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired ReportingRounds rounds;
  @Autowired OaReports reports;
  @Autowired DriverReports drivers;
  @Autowired Notifications notifications;
  @Autowired IdentityService identity;

  long oapId;
  ProcessInstance round1;

  @BeforeEach
  void adoptTheOap() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(ADOPTED));
    oapId = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    round1 = instance(1);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyRoundOfThePeriodWaitsForItsDayAfterAdoption() {
    List<ProcessInstance> started = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(OAP_ID, oapId).list();
    assertThat(started).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(
        "oap-" + oapId + "-round-1", "oap-" + oapId + "-round-2", "oap-" + oapId + "-round-3",
        "oap-" + oapId + "-round-4");
    assertThat(round1).isWaitingAt(TIMER_ROUND_OPENS);
    assertThat(job(TIMER_ROUND_OPENS).getDuedate()).isEqualTo(Date.from(OPENS));
    assertThat(rounds.plan(oapId)).extracting(ReportingRound::stage).containsOnly(RoundStage.PLANNED);
  }

  @Test
  void everyOaReportedAndTheRoundGoesStraightToCosi() {
    open();
    List<Task> reportTasks = tasks().all(TASK_REPORT_ON_OA);
    assertThat(reportTasks).hasSize(26);
    Task oa24 = reportTask("2.4");
    assertThat(oa24.getName()).isEqualTo("Report on OA 2.4: " + registry.summary(oapId).displayName()
        + ", round 1 (January-June 2024)");
    assertThat(tasks().groups(oa24)).containsExactly(EmpactGroups.actionLeader(oapId, "IT"));
    assertThat(oa24.getDueDate()).isEqualTo(Date.from(DEADLINE));
    assertThat((String) tasks.getVariable(oa24.getId(), KPI_VALUES)).startsWith("a: \n");
    assertThat(rounds.round(oapId, 1).stage()).isEqualTo(RoundStage.COLLECTING);

    reportAll(reportTasks, "ongoing");

    Task driver = tasks().single(TASK_WRITE_DRIVER_REPORT);
    assertThat(tasks().groups(driver)).containsExactly(EmpactGroups.driver(oapId));
    assertThat((String) tasks.getVariable(driver.getId(), ROUND_SUMMARY))
        .isEqualTo("26 OAs planned, 26 reported (ongoing 26); none missing");
    assertThat(briefing(driver)).contains("##### OA 2.4 ").contains("**Status:** ongoing  \n")
        .contains("**Progress toward the target:** on track").contains("| KPI | Indicator | Target | Value |");
    writeDriverReport(driver);
    assertThat(rounds.round(oapId, 1).stage()).isEqualTo(RoundStage.SUPPORT_UNIT);

    tasks().complete(tasks().single(TASK_ALIGN_ROUND), Map.of(DECISION, "accept"));
    assertThatThrownBy(() -> tasks().complete(tasks().single(TASK_RECORD_NEC_MEETING), Map.of(DECISION, "noted",
        NEC_MEETING_DATE, "2024-11-14"))).hasMessageContaining("Date of the NEC meeting: 14 November 2024 is in the future");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-11-15T09:00:00Z")));
    tasks().complete(tasks().single(TASK_RECORD_NEC_MEETING), Map.of(DECISION, "noted", NEC_MEETING_DATE, "2024-11-14"));
    tasks().complete(tasks().single(TASK_SUBMIT_TO_COSI), Map.of(COUNCIL_DOCUMENT, "15020/24", COSI_BODY, "COSI Support Group"));
    assertThatThrownBy(() -> tasks().complete(tasks().single(TASK_RECORD_COSI_NOTE), Map.of(NOTED_ON, "2030-01-01")))
        .hasMessageContaining("COSI took note on: 1 January 2030 is in the future");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-12-10T12:00:00Z")));
    tasks().complete(tasks().single(TASK_RECORD_COSI_NOTE), Map.of(NOTED_ON, "2024-12-09"));

    assertThat(round1).isEnded().hasPassed(END_ROUND_NOTED).hasNotPassed(TASK_REVIEW_DRIVER_REPORT,
        TASK_UPDATE_DRIVER_REPORT);
    assertThat(rounds.round(oapId, 1).stage()).isEqualTo(RoundStage.NOTED);
    assertThat(rounds.state(oapId, 1).councilDocument()).isEqualTo("15020/24");
    assertThat(rounds.history(oapId, 1)).extracting(RoundEvent::event).containsSubsequence("OPENED",
        "REPORTS_MISSED", "COLLECTION_CLOSED", "DRIVER_REPORT_WRITTEN", "SUPPORT_UNIT_ACCEPT", "NEC_MEETING_NOTED",
        "SUBMITTED_TO_COSI", "NOTED_BY_COSI");
    assertThat(rounds.history(oapId, 1)).filteredOn(e -> e.event().equals("NOTED_BY_COSI"))
        .extracting(RoundEvent::user).containsExactly("cosi");
  }

  @Test
  void whatAReportTaskShowsAndTheRoundsCountersLeaveNoHistoryWhileTheRoundsVariablesKeepTheirs() {
    open();
    Task oa24 = reportTask("2.4");
    HistoryService history = engine.getHistoryService();
    assertThat(briefing(oa24)).contains("OA 2.4");
    assertThat(tasks.getVariablesLocal(oa24.getId())).containsKeys(BRIEFING, OA_OVERVIEW, ROUND_OVERVIEW);

    tasks().complete(oa24, validReport("2.4", "ongoing"));

    // the task's own variables, written by the server for its form, left no history
    assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(oa24.getId()).count()).isZero();
    assertThat(history.createHistoricDetailQuery().taskId(oa24.getId()).count()).isZero();
    // nor did the engine's counters of the round's 26 report tasks, which each report updates
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(round1.getId())
        .variableNameIn("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter").count())
        .isZero();
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(round1.getId())
        .variableName("nrOfCompletedInstances").singleResult().getValue()).isEqualTo(1);
    // the values of its multi-instance execution (its OA among them) and of the round keep their full history
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(round1.getId())
        .variableName(KPI_VALUES).count()).isEqualTo(26);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(round1.getId())
        .variableName(OA_REF).count()).isEqualTo(26);
    assertThat(history.createHistoricDetailQuery().processInstanceId(round1.getId()).variableUpdates().count())
        .isPositive();
    // the task itself, who completed it and when, as before
    assertThat(history.createHistoricTaskInstanceQuery().taskId(oa24.getId()).finished().count()).isOne();
    // the database keeps the full level's number: `camunda.bpm.history-level: full` runs on it as it is
    assertThat(management.getProperties()).containsEntry("historyLevel", "3");
  }

  @Test
  void anOaNotReportedByTheDeadlineIsRecordedMissedAndTheDriverSeesIt() {
    open();
    List<Task> reportTasks = tasks().all(TASK_REPORT_ON_OA);
    reportAll(reportTasks.stream().filter(t -> !t.getName().startsWith("Report on OA 2.4:")).toList(), "ongoing");
    assertThat(round1).isWaitingAt(TASK_REPORT_ON_OA);

    ClockUtil.setCurrentTime(Date.from(DEADLINE.plusSeconds(1)));
    management.executeJob(job(TIMER_REPORT_DEADLINE).getId());

    assertThat(tasks().all(TASK_REPORT_ON_OA)).isEmpty();
    RoundSummary summary = reports.summary(oapId, 1);
    assertThat(summary.planned()).isEqualTo(26);
    assertThat(summary.reported()).isEqualTo(25);
    assertThat(summary.missing()).containsExactly("2.4");
    assertThat(reports.reports(oapId, 1).get("2.4").missed()).isTrue();
    Task driver = tasks().single(TASK_WRITE_DRIVER_REPORT);
    assertThat((String) tasks.getVariable(driver.getId(), ROUND_SUMMARY))
        .isEqualTo("26 OAs planned, 25 reported (ongoing 25); missing: 2.4");
    assertThat(briefing(driver)).contains("**Action Leaders:** IT  \n**No report** (missed at the deadline)");
    assertThat(rounds.history(oapId, 1)).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("REPORTS_MISSED");
      assertThat(e.details()).isEqualTo("no report by the deadline on OA 2.4");
    });
  }

  @Test
  void theSupportUnitReturnsTheRoundAndTheDriverRevisesIt() {
    toDriverReport();
    writeDriverReport(tasks().single(TASK_WRITE_DRIVER_REPORT));

    assertThatThrownBy(() -> tasks().complete(tasks().single(TASK_ALIGN_ROUND), Map.of(DECISION, "return")))
        .hasMessageContaining("Comments: say what the Driver should change");
    tasks().complete(tasks().single(TASK_ALIGN_ROUND), Map.of(DECISION, "return", COMMENTS, "use the KPI wording of the template"));

    Task again = tasks().single(TASK_WRITE_DRIVER_REPORT);
    assertThat(tasks.getVariable(again.getId(), RETURN_COMMENTS))
        .isEqualTo("EMPACT Support Unit: use the KPI wording of the template");
    assertThat((String) tasks.getVariable(again.getId(), ASSESSMENTS)).contains("## SG 2 ")
        .contains("Good progress on SG 2.");
    writeDriverReport(again);
    tasks().complete(tasks().single(TASK_ALIGN_ROUND), Map.of(DECISION, "accept"));

    assertThat(round1).isWaitingAt(TASK_RECORD_NEC_MEETING);
    assertThat(rounds.history(oapId, 1)).extracting(RoundEvent::event).containsSubsequence("DRIVER_REPORT_WRITTEN",
        "SUPPORT_UNIT_RETURN", "DRIVER_REPORT_WRITTEN", "SUPPORT_UNIT_ACCEPT");
    assertThat(rounds.history(oapId, 1)).filteredOn(e -> e.event().equals("DRIVER_REPORT_WRITTEN"))
        .extracting(RoundEvent::details).containsExactly("edition 1", "edition 2");
  }

  @Test
  void theNecsAskForAnUpdateAndTheDriverUpdatesBeforeCosi() {
    toDriverReport();
    writeDriverReport(tasks().single(TASK_WRITE_DRIVER_REPORT));
    tasks().complete(tasks().single(TASK_ALIGN_ROUND), Map.of(DECISION, "accept"));
    assertThatThrownBy(() -> tasks().complete(tasks().single(TASK_RECORD_NEC_MEETING), Map.of(DECISION, "noted")))
        .hasMessageContaining("Date of the NEC meeting: pick the day of the NEC meeting");

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-11-15T09:00:00Z")));
    tasks().complete(tasks().single(TASK_RECORD_NEC_MEETING), Map.of(DECISION, "update", NEC_MEETING_DATE, "2024-11-14",
        COMMENTS, "add the joint action day results of OA 2.5"));

    Task update = tasks().single(TASK_UPDATE_DRIVER_REPORT);
    assertThat(tasks().groups(update)).containsExactly(EmpactGroups.driver(oapId));
    assertThat(tasks.getVariable(update.getId(), RETURN_COMMENTS))
        .isEqualTo("NEC meeting of 2024-11-14: add the joint action day results of OA 2.5");
    assertThat(rounds.round(oapId, 1).stage()).isEqualTo(RoundStage.DRIVER_REPORT);
    writeDriverReport(update);

    assertThat(round1).isWaitingAt(TASK_SUBMIT_TO_COSI);
    assertThat(drivers.latest(oapId, 1)).hasSize(8);
  }

  @Test
  void theCoDriversReviewAndSendTheReportBackBeforeAgreeing() {
    User coDriver = engine.getIdentityService().newUser("codriver-" + oapId);
    engine.getIdentityService().saveUser(coDriver);
    engine.getIdentityService().createMembership(coDriver.getId(), EmpactGroups.coDriver(oapId));
    toDriverReport();
    writeDriverReport(tasks().single(TASK_WRITE_DRIVER_REPORT));

    Task review = tasks().single(TASK_REVIEW_DRIVER_REPORT);
    assertThat(tasks().groups(review)).containsExactly(EmpactGroups.coDriver(oapId));
    assertThat(rounds.round(oapId, 1).stage()).isEqualTo(RoundStage.CO_DRIVER_REVIEW);
    tasks().complete(review, Map.of(DECISION, "revise", COMMENTS, "SG 5 misses the training figures"));
    assertThat(tasks.getVariable(tasks().single(TASK_WRITE_DRIVER_REPORT).getId(), RETURN_COMMENTS))
        .isEqualTo("Co-Drivers: SG 5 misses the training figures");
    writeDriverReport(tasks().single(TASK_WRITE_DRIVER_REPORT));
    tasks().complete(tasks().single(TASK_REVIEW_DRIVER_REPORT), Map.of(DECISION, "agree", COMMENTS, "fine now"));

    assertThat(round1).isWaitingAt(TASK_ALIGN_ROUND);
    assertThat(rounds.history(oapId, 1)).extracting(RoundEvent::event).contains("CO_DRIVER_REVISE", "CO_DRIVER_AGREE");
  }

  @Test
  void aReportWithProblemsIsRefusedWithEveryProblemNamedAndNothingRecorded() {
    open();
    Task oa24 = reportTask("2.4");
    Map<String, Object> bad = new HashMap<>(validReport("2.4", "ongoing"));
    bad.put(REPORT_STATUS, "almost done");
    bad.put(PROGRESS, "000: to be filled");
    String kpis = (String) bad.get(KPI_VALUES);
    bad.put(KPI_VALUES, kpis.replaceFirst("a: 3", "a: -2") + "\nwhatever");

    assertThatThrownBy(() -> tasks().complete(oa24, bad))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("KPI values: 'whatever' is not 'code: value'")
        .hasMessageContaining("Progress toward the target: '000' is a placeholder")
        .hasMessageContaining("KPI values: KPI a: a count cannot be negative (-2)");
    assertThatThrownBy(() -> tasks().complete(oa24, bad)).hasMessageNotContaining("Stage and status");
    assertThat(reports.reports(oapId, 1)).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(oa24.getId()).count()).isOne();
  }

  @Test
  void aDriverReportWithoutAnAssessmentForEveryGoalIsRefused() {
    toDriverReport();
    Task driver = tasks().single(TASK_WRITE_DRIVER_REPORT);
    String onlyTheFirst = drivers.goals(oapId, 1).stream().limit(1)
        .map(goal -> DriverReports.heading(goal) + "\nSteady.").collect(Collectors.joining());

    assertThatThrownBy(() -> tasks().complete(driver, Map.of(ASSESSMENTS, onlyTheFirst + "\n## SG 12 Unknown\nx")))
        .hasMessageContaining("Assessment per strategic goal: the OAP has no strategic goal SG 12")
        .hasMessageContaining("Assessment per strategic goal: SG 2: required");
    assertThat(drivers.latest(oapId, 1)).isEmpty();
  }

  @Test
  void actionLeadersAreRemindedBeforeTheDeadline() {
    User leader = engine.getIdentityService().newUser("al-it-" + oapId);
    leader.setEmail("al-it-" + oapId + "@empact.example");
    engine.getIdentityService().saveUser(leader);
    engine.getIdentityService().createMembership(leader.getId(), EmpactGroups.actionLeader(oapId, "IT"));
    open();

    for (int daysBefore : List.of(14, 7, 1)) {
      ClockUtil.setCurrentTime(Date.from(DEADLINE.minus(daysBefore, ChronoUnit.DAYS).plusSeconds(1)));
      management.executeJob(job("Timer_ReportOnOaReminder").getId());
      management.executeJob(job("Task_SendReportOnOaReminders").getId());
    }

    // told when the task is created, then reminded at each point before the deadline
    assertThat(notifications.forOap(oapId)).filteredOn(n -> n.recipientUser().equals(leader.getId()))
        .extracting(Notification::kind).containsExactly(TaskNotice.Kind.NEW_TASK, TaskNotice.Kind.REMINDER,
            TaskNotice.Kind.REMINDER, TaskNotice.Kind.REMINDER);
  }

  @Test
  void aRoundWhoseDeadlinePassedBeforeAdoptionIsNotHeld() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-01-10T09:00:00Z")));
    long late = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    registry.changeStatus(late, 0, VersionStatus.ADOPTED, "cosi", "adopted late");

    assertThat(rounds.plan(late)).extracting(ReportingRound::stage).containsExactly(RoundStage.NOT_HELD,
        RoundStage.PLANNED, RoundStage.PLANNED, RoundStage.PLANNED);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals(OAP_ID, late)
        .count()).isEqualTo(3);
  }

  @Test
  void aCoLeaderContributesAndTheLeaderSubmits() {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.action(5).putArray("coActionLeaders").add("MT");
    long coLed = registry.importDocument(reader.read(document.json()), "esu").id();
    registry.changeStatus(coLed, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    String italy = user("al-it-" + coLed, EmpactGroups.actionLeader(coLed, "IT"));
    String malta = user("al-mt-" + coLed, EmpactGroups.actionLeader(coLed, "MT"));
    ProcessInstance round = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey("oap-" + coLed + "-round-1").singleResult();
    ClockUtil.setCurrentTime(Date.from(OPENS.plusSeconds(1)));
    management.executeJob(management.createJobQuery().processInstanceId(round.getId())
        .activityId(TIMER_ROUND_OPENS).singleResult().getId());
    Task oa24 = tasks.createTaskQuery().processInstanceId(round.getId()).taskDefinitionKey(TASK_REPORT_ON_OA).list()
        .stream().filter(t -> t.getName().startsWith("Report on OA 2.4:")).findFirst().orElseThrow();
    assertThat(tasks.getIdentityLinksForTask(oa24.getId())).extracting(IdentityLink::getGroupId)
        .contains(EmpactGroups.actionLeader(coLed, "IT"), EmpactGroups.actionLeader(coLed, "MT"));
    Map<String, Object> report = Map.of(REPORT_STATUS, "ongoing", PROGRESS, "on track",
        KPI_VALUES, KpiValues.lines(reports.action(coLed, 1, "2.4"), "3"));

    // the co-leader's person sees the task and saves a contribution, but does not submit the report
    tasks.setAssignee(oa24.getId(), malta);
    assertThatThrownBy(() -> tasks.complete(oa24.getId(), report)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("co-leads OA 2.4");
    assertThat(reports.reports(coLed, 1)).doesNotContainKey("2.4");

    tasks.setAssignee(oa24.getId(), italy);
    tasks.complete(oa24.getId(), report);
    assertThat(reports.reports(coLed, 1).get("2.4").recordedBy()).isEqualTo(italy);
  }

  // --- steps

  private void open() {
    ClockUtil.setCurrentTime(Date.from(OPENS.plusSeconds(1)));
    management.executeJob(job(TIMER_ROUND_OPENS).getId());
  }

  private void toDriverReport() {
    open();
    reportAll(tasks().all(TASK_REPORT_ON_OA), "finished / on time");
  }

  private void reportAll(List<Task> reportTasks, String status) {
    reportTasks.forEach(task -> tasks().complete(task, validReport((String) tasks.getVariable(task.getId(), OA_REF), status)));
  }

  private Map<String, Object> validReport(String oaRef, String status) {
    String kpis = KpiValues.lines(reports.action(oapId, 1, oaRef), "3");
    return Map.of(REPORT_STATUS, status, PROGRESS, "on track", KPI_VALUES, kpis, HUMAN_RESOURCES, "1.5");
  }

  private void writeDriverReport(Task task) {
    String text = drivers.goals(oapId, 1).stream()
        .map(goal -> DriverReports.heading(goal) + "\nGood progress on SG " + goal.number() + ".")
        .collect(Collectors.joining("\n\n"));
    tasks().complete(task, Map.of(ASSESSMENTS, text));
  }

  private ProcessInstance instance(int round) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-round-" + round)
        .singleResult();
  }

  private Job job(String activity) {
    return management.createJobQuery().processInstanceId(round1.getId()).activityId(activity).singleResult();
  }

  private Task reportTask(String oaRef) {
    return tasks().all(TASK_REPORT_ON_OA).stream().filter(t -> t.getName().startsWith("Report on OA " + oaRef + ":"))
        .findFirst().orElseThrow();
  }

  private String user(String id, String group) {
    User user = identity.newUser(id);
    user.setEmail(id + "@empact.example");
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }

  private ProcessTasks tasks() {
    return new ProcessTasks(tasks, round1.getId());
  }

  /** What the task's form shows of what its user decides on (a long text is kept as a JSON string). */
  private String briefing(Task task) {
    Object value = tasks.getVariableLocal(task.getId(), BRIEFING);
    return value instanceof org.camunda.spin.json.SpinJsonNode json ? json.stringValue() : (String) value;
  }
}
