package eu.empact.oap.timing;

import static eu.empact.oap.timing.ActivityTimingReview.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.notification.Notification;
import eu.empact.oap.notification.Notifications;
import eu.empact.oap.notification.TaskNotice;
import eu.empact.oap.registry.ActivityTiming;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryViews.ActivityView;
import eu.empact.oap.registry.RegistryViews.TimingCheck;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.ProcessTestContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of {@code activity-timing-review}, driven from an import with flagged timings. */
@ProcessTestContext
class ActivityTimingReviewProcessTest {

  static final Instant NOW = Instant.parse("2024-01-15T09:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired Notifications notifications;
  @Autowired IdentityService identity;

  @Autowired JdbcClient jdbc;

  long oapId;
  OapDocuments document;
  ProcessInstance review;

  @BeforeEach
  void importAnOapWithThreeFlaggedTimings() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    document = OapDocuments.demoUnderNewPriority();
    // besides OA 2.9's "Q1-Q4 202/25" of the plan itself
    document.action(0).withArray("activities").get(0).<ObjectNode>require()
        .put("timing", "April/May/June");
    document.action(1).withArray("activities").get(0).<ObjectNode>require()
        .put("timing", "Q4 2023");
    oapId = registry.importDocument(reader.read(document.json()), "esu").id();
    review = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-rev-0")
        .singleResult();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void givesTheDriverOfThatOapOneTaskPerFlaggedTiming() {
    assertThat(review).isWaitingAt(TASK_CHECK_TIMING);

    List<Task> open = openTasks();
    assertThat(open).extracting(Task::getName).containsExactly(
        "Check timing of OA 1.1 activity 1, OAP " + registry.summary(oapId).displayName() + " REV 0",
        "Check timing of OA 1.2 activity 1, OAP " + registry.summary(oapId).displayName() + " REV 0",
        "Check timing of OA 2.9 activity 2, OAP " + registry.summary(oapId).displayName() + " REV 0");
    for (Task task : open) {
      assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
          .containsExactly(EmpactGroups.driver(oapId));
      assertThat(task.getDueDate()).isEqualTo(Date.from(NOW.plus(14, ChronoUnit.DAYS)));
      assertThat(tasks.getVariableLocal(task.getId(), TIMING_AS_WRITTEN)).isNotNull();
    }
    assertThat(tasks.getVariableLocal(open.get(2).getId(), PARSER_NOTE))
        .isEqualTo("INTERPRETED: years '202/25' read as the OAP period 2024-2025");
  }

  @Test
  void recordsACorrectedReadingBesideTheTimingAsWrittenAndEndsWhenAllAreChecked() {
    List<Task> open = openTasks();

    complete(open.get(0), Map.of(TIMING_DECISION, DECISION_CORRECT, CORRECTED_TIMING, "Q2 2024"));
    complete(open.get(1), Map.of(TIMING_DECISION, DECISION_KEEP));
    assertThat(review).isWaitingAt(TASK_CHECK_TIMING);
    complete(open.get(2), Map.of(TIMING_DECISION, DECISION_CORRECT, CORRECTED_TIMING, "Q1-Q4 2024/25"));

    assertThat(review).isEnded();
    assertThat(registry.flaggedActivities(oapId)).isEmpty();
    ActivityView corrected = activity("1.1", 1);
    assertThat(corrected.timing().text()).isEqualTo("April/May/June");
    assertThat(corrected.timing().status()).isEqualTo(ActivityTiming.Status.READ);
    assertThat(corrected.timing().note()).isEqualTo("corrected by driver on 2024-01-15: read as 'Q2 2024'");
    assertThat(corrected.check()).isEqualTo(new TimingCheck("CORRECTED", "Q2 2024", "driver", NOW));
    ActivityView kept = activity("1.2", 1);
    assertThat(kept.timing().status()).isEqualTo(ActivityTiming.Status.OUTSIDE_PERIOD);
    assertThat(kept.check()).isEqualTo(new TimingCheck("KEPT", null, "driver", NOW));
    assertThat(registry.export(oapId).operationalActions().get(0).activities().get(0).timing())
        .isEqualTo("April/May/June");
    assertThat(registry.version(oapId, 0).history()).anySatisfy(event -> {
      assertThat(event.user()).isEqualTo("driver");
      assertThat(event.comment()).contains("timing 'April/May/June' (INTERPRETED) read as 'Q2 2024'");
    });
  }

  @Test
  void aCheckSurvivesAReplacedDraftThatMovesOrRemovesActivities() {
    List<Task> open = openTasks();
    long checked = activity("1.1", 1).id();
    long other = activity("1.1", 2).id();
    ClockUtil.setCurrentTime(Date.from(NOW.plus(3, ChronoUnit.DAYS)));
    // the Driver inserts an activity before the one checked and drops OA 1.2's flagged one
    document.action(0).withArray("activities").insertObject(0).put("description", "Kick-off meeting")
        .put("timing", "Q1 2024");
    document.action(1).withArray("activities").remove(0);
    registry.replaceDraft(oapId, reader.read(document.json()), "driver");

    assertThat(activity("1.1", 2).id()).isEqualTo(checked);
    assertThat(activity("1.1", 3).id()).isEqualTo(other);
    assertThat(activity("1.1", 1).id()).isNotIn(checked, other);
    complete(open.get(0), Map.of(TIMING_DECISION, DECISION_CORRECT, CORRECTED_TIMING, "Q2 2024"));
    complete(open.get(1), Map.of(TIMING_DECISION, DECISION_KEEP));

    assertThat(activity("1.1", 2).timing().text()).isEqualTo("April/May/June");
    assertThat(activity("1.1", 2).check().correctedAs()).isEqualTo("Q2 2024");
    assertThat(activity("1.1", 1).check()).isNull();
    assertThat(registry.version(oapId, 0).history()).anySatisfy(event -> {
      assertThat(event.event()).isEqualTo("TIMING_CHECK_CLOSED");
      assertThat(event.comment()).contains("is no longer in REV 0");
    });
    assertThat(review).isWaitingAt(TASK_CHECK_TIMING);

    // a check made stays with its timing through the next edit, unless the timing itself is rewritten
    registry.replaceDraft(oapId, reader.read(document.json()), "driver");
    assertThat(activity("1.1", 2).check().correctedAs()).isEqualTo("Q2 2024");
    document.action(0).withArray("activities").get(1).<ObjectNode>require().put("timing", "April to June 2024");
    registry.replaceDraft(oapId, reader.read(document.json()), "driver");
    assertThat(activity("1.1", 2).check()).isNull();
    assertThat(activity("1.1", 2).timing().status()).isEqualTo(ActivityTiming.Status.READ);
  }

  @Test
  void aCheckLeftOpenWhenTheVersionIsAdoptedMovesToTheNextDraft() {
    List<Task> open = openTasks();
    long oa11 = activity("1.1", 1).id();
    complete(open.get(1), Map.of(TIMING_DECISION, DECISION_KEEP));

    ClockUtil.setCurrentTime(Date.from(NOW.plus(60, ChronoUnit.DAYS)));
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi-secretariat", "adopted by COSI");

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(review.getId())
        .singleResult().getDeleteReason()).isEqualTo("REV 0 adopted with the timing as written and read; checked "
        + "again in the next draft");
    assertThat(registry.version(oapId, 0).history()).filteredOn(e -> e.event().equals("TIMING_CHECK_MOVED"))
        .extracting(e -> e.comment().substring(0, 19)).containsExactly("OA 1.1 activity 1 (", "OA 2.9 activity 2 (");

    ClockUtil.setCurrentTime(Date.from(NOW.plus(400, ChronoUnit.DAYS)));
    registry.createRevision(oapId, "driver", "mid-term revision");

    ProcessInstance next = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-rev-1")
        .singleResult();
    List<Task> moved = tasks.createTaskQuery().processInstanceId(next.getId()).orderByTaskName().asc().list();
    assertThat(moved).extracting(Task::getName).containsExactly(
        "Check timing of OA 1.1 activity 1, OAP " + registry.summary(oapId).displayName() + " REV 1",
        "Check timing of OA 2.9 activity 2, OAP " + registry.summary(oapId).displayName() + " REV 1");
    complete(moved.get(0), Map.of(TIMING_DECISION, DECISION_CORRECT, CORRECTED_TIMING, "Q2 2024"));
    complete(moved.get(1), Map.of(TIMING_DECISION, DECISION_KEEP));

    assertThat(next).isEnded();
    assertThat(activity("1.1", 1).id()).isEqualTo(oa11);
    assertThat(activity("1.1", 1).check().at()).isEqualTo(NOW.plus(400, ChronoUnit.DAYS));
    // the adopted REV 0 never changes
    assertThat(jdbc.sql("SELECT a.timing_status FROM activity a JOIN operational_action oa ON oa.id = a.oa_id "
            + "JOIN oap_version v ON v.id = oa.version_id WHERE a.activity_key = ? AND v.revision = 0").param(oa11)
        .query(String.class).single()).isEqualTo("INTERPRETED");
  }

  @Test
  void refusesACorrectionWithoutATiming() {
    Task task = openTasks().get(0);

    assertThatThrownBy(() -> complete(task, Map.of(TIMING_DECISION, DECISION_CORRECT)))
        .hasMessageContaining("Corrected timing: enter the corrected timing");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void remindsAtEachPointBeforeTheDueDateThenWeeklyWhileOverdueAndStopsWhenDone() {
    driverWithEmail();
    Instant due = NOW.plus(14, ChronoUnit.DAYS);
    assertThat(reminderJob().getDuedate()).isEqualTo(Date.from(due.minus(7, ChronoUnit.DAYS)));

    fireReminderAt(due.minus(7, ChronoUnit.DAYS));
    assertThat(reminderJob().getDuedate()).isEqualTo(Date.from(due.minus(1, ChronoUnit.DAYS)));
    fireReminderAt(due.minus(1, ChronoUnit.DAYS));
    fireReminderAt(due.plus(7, ChronoUnit.DAYS));
    fireReminderAt(due.plus(14, ChronoUnit.DAYS));

    List<Notification> sent = notices();
    // three open tasks, each reminded 7 and 1 day before and 7 and 14 days after its due date
    assertThat(sent).filteredOn(n -> n.kind() == TaskNotice.Kind.REMINDER).hasSize(3 * 2);
    assertThat(sent).filteredOn(n -> n.kind() == TaskNotice.Kind.OVERDUE).hasSize(3 * 2);
    assertThat(sent).filteredOn(n -> n.kind() == TaskNotice.Kind.LATE).hasSize(2)
        .allSatisfy(n -> assertThat(n.details()).contains("Check timing of OA 1.1 activity 1")
            .contains("Check timing of OA 2.9 activity 2"));
    assertThat(sent).allSatisfy(n -> assertThat(n.recipientUser()).isEqualTo("test-driver-" + oapId));

    openTasks().forEach(task -> complete(task, Map.of(TIMING_DECISION, DECISION_KEEP)));
    assertThat(review).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(review.getId()).count()).isZero();
    assertThat(notices()).hasSize(sent.size());
  }

  @Test
  void aPersonWithoutEmailAddressIsRecordedAndShownOnTheProcess() {
    User silent = identity.newUser("no-mail-" + oapId);
    identity.saveUser(silent);
    identity.createMembership(silent.getId(), EmpactGroups.driver(oapId));

    fireReminderAt(NOW.plus(7, ChronoUnit.DAYS));

    assertThat(notices()).isNotEmpty().allSatisfy(n ->
        assertThat(n.status()).isEqualTo(Notification.Status.NO_EMAIL_ADDRESS));
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "notificationsNotDelivered"))
        .isEqualTo("no-mail-" + oapId + " (no e-mail address)");
  }

  @Test
  void aRetriedReminderJobSendsNothingTwice() {
    driverWithEmail();
    fireReminderAt(NOW.plus(7, ChronoUnit.DAYS));
    int sent = notices().size();

    notifications.record(new TaskNotice(TaskNotice.Kind.REMINDER, 2, oapId, openTasks().get(0).getId(), "any",
        NOW.plus(14, ChronoUnit.DAYS), null, List.of(EmpactGroups.driver(oapId))), null);

    assertThat(notices()).hasSize(sent);
  }

  private void driverWithEmail() {
    String user = "test-driver-" + oapId;
    User driver = identity.newUser(user);
    driver.setEmail(user + "@empact.example");
    identity.saveUser(driver);
    identity.createMembership(user, EmpactGroups.driver(oapId));
  }

  private Job reminderJob() {
    return engine.getManagementService().createJobQuery().processInstanceId(review.getId())
        .activityId(TIMER_REMINDER).singleResult();
  }

  /** Moves the clock to the reminder point and runs the timer, then the async "Send reminders" it started. */
  private void fireReminderAt(Instant point) {
    ClockUtil.setCurrentTime(Date.from(point.plusSeconds(1)));
    ManagementService management = engine.getManagementService();
    management.executeJob(reminderJob().getId());
    Job send = management.createJobQuery().processInstanceId(review.getId()).activityId(TASK_SEND_REMINDERS)
        .singleResult();
    management.executeJob(send.getId());
  }

  private List<Notification> notices() {
    return notifications.forOap(oapId);
  }

  @Test
  void startsNoReviewWhenEveryTimingReads() {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.action(10).withArray("activities").get(1).<ObjectNode>require()
        .put("timing", "Q1-Q4 2024/25");
    long clean = registry.importDocument(reader.read(document.json()), "esu").id();

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + clean + "-rev-0").count())
        .isZero();
  }

  private List<Task> openTasks() {
    return tasks.createTaskQuery().processInstanceBusinessKey("oap-" + oapId + "-rev-0")
        .taskDefinitionKey(TASK_CHECK_TIMING).orderByTaskName().asc().list();
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.setAssignee(task.getId(), "driver");
    tasks.complete(task.getId(), variables);
  }

  private ActivityView activity(String oaRef, int number) {
    return registry.actions(oapId).stream().filter(a -> a.ref().equals(oaRef)).findFirst().orElseThrow()
        .activities().get(number - 1);
  }
}
