package eu.empact.oap.exclusion;

import static eu.empact.oap.exclusion.ExclusionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.empact.oap.notification.Notification;
import eu.empact.oap.notification.Notifications;
import eu.empact.oap.notification.TaskNotice;
import eu.empact.oap.registry.ConfirmationsMissed;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Participation;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.registry.Tasking;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.Reporting;
import eu.empact.oap.reporting.ReportingRoundProcess;
import eu.empact.oap.reporting.RoundOpener;
import eu.empact.oap.support.KpiValues;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.ProcessTasks;
import eu.empact.oap.support.ProcessTestContext;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of {@code exclusion-clause} on the demo OAP (26 OAs; Italy leads OA 2.4, Europol
 * OA 1.1) adopted in December 2023: an escalation started by a report missed in round 1, or by
 * the Driver; exhortations answered, explained or left unanswered; the DMN proposal confirmed or
 * overridden; exclusion with a new Action Leader, and reinstatement.
 */
@ProcessTestContext
class ExclusionProcessTest {

  static final Instant ADOPTED = Instant.parse("2023-12-05T10:00:00Z");
  static final Instant ROUND_1_OPENS = Instant.parse("2024-09-15T00:00:01Z");
  static final Instant ROUND_1_DEADLINE_PASSED = Instant.parse("2024-10-16T00:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired OaReports reports;
  @Autowired Escalations escalations;
  @Autowired Commitments commitments;
  @Autowired ParticipationStatus participation;
  @Autowired Notifications notifications;
  @Autowired Reporting reporting;
  @Autowired RoundOpener opener;
  @Autowired ApplicationEventPublisher events;
  @Autowired JdbcClient jdbc;
  @Autowired Tasking tasking;

  long oapId;
  String contact;
  String nec;

  @BeforeEach
  void adoptTheOap() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(ADOPTED));
    oapId = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    contact = user("al-it-" + oapId, EmpactGroups.actionLeader(oapId, "IT"));
    nec = user("nec-it-" + oapId, EmpactGroups.nec("IT"));
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void curedAfterTheFirstExhortationWhenTheLateReportArrives() {
    ProcessInstance escalation = roundOneWithoutReportOn("2.4", "IT");

    Task send = single(escalation, TASK_SEND_EXHORTATION);
    assertThat(send.getName()).isEqualTo("Send exhortation 1 of 2 (IT, OAP " + registry.summary(oapId).displayName() + ")");
    assertThat(groups(escalation, send)).containsExactly(EmpactGroups.driver(oapId));
    assertThat((String) tasks.getVariable(send.getId(), RECORD)).contains("- report on OA 2.4, round 1 (missed)");
    assertThat((String) tasks.getVariable(send.getId(), EXHORTATION_TEXT)).contains("- report on OA 2.4, round 1");
    exhort(escalation);

    List<Notification> sent = notifications.forOap(oapId).stream()
        .filter(n -> n.kind() == TaskNotice.Kind.EXHORTATION).toList();
    // Italy's Action Leaders (of every test's OAP: the groups are per actor) receive it, its NECs in copy
    assertThat(sent).extracting(Notification::recipientUser).contains(contact).allMatch(u -> u.startsWith("al-it-"));
    Notification toContact = sent.stream().filter(n -> n.recipientUser().equals(contact)).findFirst().orElseThrow();
    assertThat(jdbc.sql("SELECT cc_emails FROM notification WHERE id = ?").param(toContact.id()).query(String.class)
        .single()).contains(nec + "@empact.example").doesNotContain("al-it-");
    Task answer = single(escalation, TASK_ANSWER_EXHORTATION);
    assertThat(groups(escalation, answer)).containsExactlyInAnyOrder(EmpactGroups.actionLeader(oapId, "IT"),
        EmpactGroups.contact(oapId, "IT"), "nec-IT");
    assertThat(answer.getName()).startsWith("Answer the Driver's exhortation: report on OA 2.4, round 1 (IT, OAP ");
    assertThat((String) tasks.getVariable(answer.getId(), EXHORTATION_TEXT)).startsWith("As Driver of the OAP ");
    Map<String, Object> late = new HashMap<>(lateReport("2.4"));
    late.put(ANSWER, "deliver");
    tasks(escalation).complete(answer, late);

    assertThat(escalation).isEnded().hasPassed(END_CURED);
    Escalation closed = escalations.of(oapId).get(0);
    assertThat(closed.outcome()).isEqualTo(Escalation.Outcome.CURED);
    assertThat(closed.running()).isFalse();
    assertThat(reports.summary(oapId, 1).reported()).isEqualTo(26);
    assertThat(reports.reports(oapId, 1).get("2.4").recordedBy()).isEqualTo("al-it");
    assertThat(commitments.of(oapId, "IT")).allMatch(Commitment::fulfilled);
    assertThat(participation.status(oapId, "IT")).contains(Participation.Status.ACTIVE);
  }

  @Test
  void excludedAfterTwoUnansweredExhortationsAndAConfirmedAssessment() {
    ProcessInstance escalation = roundOneWithoutReportOn("2.4", "IT");
    assertThatThrownBy(() -> startByDriver("IT", "not at the meetings"))
        .hasMessageContaining("an escalation for IT in OAP " + oapId + " is already running");
    events.publishEvent(new ConfirmationsMissed(oapId, 0, List.of("IT")));
    assertThat(commitments.ofEscalation(escalations.running(oapId, "IT").orElseThrow().id())).hasSize(2);

    exhort(escalation);
    passResponsePeriod(escalation);
    exhort(escalation);
    passResponsePeriod(escalation);

    Task assess = single(escalation, TASK_ASSESS);
    assertThat((String) tasks.getVariable(assess.getId(), FACTS)).contains("IT leads 1 of the OAP's 26 OAs (4%)",
        "missed reports not delivered: 1", "exhortations unanswered: 2 of 2");
    assertThat(tasks.getVariable(assess.getId(), "proposalText"))
        .isEqualTo("Exclude: It left two or more of the Driver's exhortations unanswered.");
    // an open task of Italy elsewhere in the OAP: round 2 opened early, Italy reports on OA 2.4
    opener.openNow(oapId, 2, "esu");
    ProcessInstance round2 = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-round-2")
        .singleResult();
    assertThat(tasks(round2).all(ReportingRoundProcess.TASK_REPORT_ON_OA)).hasSize(26);
    tasks(escalation).complete(assess, Map.of(DECISION, "exclude"));

    assertThat(participation.status(oapId, "IT")).contains(Participation.Status.EXCLUDED);
    assertThat(participation.history(oapId, "IT")).singleElement().satisfies(change -> {
      assertThat(change.status()).isEqualTo(Participation.Status.EXCLUDED);
      assertThat(change.reason()).contains("jeopardises the delivery of the OAP");
      assertThat(change.recordedBy()).isEqualTo("driver");
    });
    assertThat(tasks(round2).all(ReportingRoundProcess.TASK_REPORT_ON_OA)).hasSize(25)
        .noneMatch(t -> t.getName().startsWith("Report on OA 2.4:"));
    Escalation excluded = escalations.of(oapId).get(0);
    assertThat(excluded.outcome()).isEqualTo(Escalation.Outcome.EXCLUDED);
    assertThat(excluded.proposal()).isTrue();
    assertThat(excluded.assessment()).isTrue();
    assertThat(escalations.history(excluded.id())).filteredOn(e -> e.event().equals("CLOSED_EXCLUDED"))
        .singleElement().satisfies(e -> assertThat(e.details()).contains("open tasks cancelled: Report on OA 2.4:"));

    execute(job(escalation, TASK_INFORM_EXCLUSION));
    assertThat(notifications.forOap(oapId)).filteredOn(n -> n.kind() == TaskNotice.Kind.EXCLUSION)
        .extracting(Notification::recipientUser).contains(nec);
    Task newLeader = single(escalation, TASK_ASSIGN_NEW_LEADER);
    assertThat(newLeader.getName()).startsWith("Assign a new Action Leader to OA 2.4 (IT, OAP ");
    assertThatThrownBy(() -> tasks(escalation).complete(newLeader, Map.of(NEW_LEADER, "Italy")))
        .hasMessageContaining("New Action Leader: IT is no longer participant in the OAP");
    tasks(escalation).complete(newLeader, Map.of(NEW_LEADER, "France", COMMENTS, "France leads OA 2.5 on the same route"));

    assertThat(escalation).isEnded().hasPassed(END_EXCLUDED);
    assertThat(reporting.leaderGroups(oapId, 3, "2.4")).isEqualTo(EmpactGroups.actionLeader(oapId, "FR"));
    reportAll(round2);
    assertThat(round2).isWaitingAt(ReportingRoundProcess.TASK_WRITE_DRIVER_REPORT);
    assertThat(reports.summary(oapId, 2).missing()).containsExactly("2.4");
    assertThat(commitments.of(oapId, "IT")).extracting(Commitment::reference).doesNotContain("report on OA 2.4, round 2");

    registry.createRevision(oapId, "driver", "a revision after the exclusion");
    assertThat(participation.status(oapId, "IT")).contains(Participation.Status.EXCLUDED);
    assertThat(tasking.participatingActors(oapId)).doesNotContain("IT").contains("FR");
    assertThat(tasking.leadingActors(oapId)).doesNotContain("IT");

    ProcessInstance reinstatement = startReinstatement("IT", "Italy has named a new contact and reported");
    Task confirm = single(reinstatement, ReinstatementProcess.TASK_CONFIRM_REINSTATEMENT);
    assertThat(groups(reinstatement, confirm)).containsExactly(EmpactGroups.SUPPORT_UNIT);
    tasks(reinstatement).complete(confirm, Map.of(DECISION, "confirm"));
    assertThat(reinstatement).isEnded().hasPassed(ReinstatementProcess.END_REINSTATED);
    assertThat(participation.status(oapId, "IT")).contains(Participation.Status.ACTIVE);
    assertThat(participation.history(oapId, "IT")).extracting(ParticipationStatus.StatusChange::status)
        .containsExactly(Participation.Status.EXCLUDED, Participation.Status.ACTIVE);
    assertThat(tasking.participatingActors(oapId)).contains("IT");
  }

  @Test
  void aReportMissedOnAnOaWithSeveralLeadersIsOneCommitmentThatOneLeadersDeliveryCuresForAll() {
    adoptWithOa24LedBy("IT", "ES");
    ProcessInstance italy = roundOneWithoutReportOn("2.4", "IT");
    ProcessInstance spain = escalationOf("ES");
    execute(job(spain, START_MISSED_COMMITMENTS));
    assertThat(commitments.of(oapId, "IT")).singleElement().satisfies(c ->
        assertThat(commitments.sharers(c)).extracting(Commitment::actor).containsExactly("ES"));

    exhort(italy);
    exhort(spain);
    Task italysAnswer = single(italy, TASK_ANSWER_EXHORTATION);
    assertThat((String) tasks.getVariable(italysAnswer.getId(), EXHORTATION_TEXT)).contains("- report on OA 2.4, "
        + "round 1 (shared with ES, which also leads OA 2.4: a report by any of its leaders meets it)");
    ClockUtil.setCurrentTime(Date.from(ROUND_1_DEADLINE_PASSED.plusSeconds(3 * 86_400)));
    Map<String, Object> late = new HashMap<>(lateReport("2.4"));
    late.put(ANSWER, "deliver");
    tasks(spain).complete(single(spain, TASK_ANSWER_EXHORTATION), late);

    assertThat(spain).isEnded().hasPassed(END_CURED);
    assertThat(italy).isEnded();
    assertThat(tasks.createTaskQuery().processInstanceId(italy.getId()).count()).isZero();
    assertThat(escalations.of(oapId)).extracting(Escalation::actor, Escalation::outcome, Escalation::running)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("IT", Escalation.Outcome.CURED, false),
            org.assertj.core.groups.Tuple.tuple("ES", Escalation.Outcome.CURED, false));
    assertThat(commitments.of(oapId, "IT")).singleElement().satisfies(c -> {
      assertThat(c.fulfilled()).isTrue();
      assertThat(c.fulfilledBy()).isEqualTo("al-es");
      assertThat(c.fulfilment()).isEqualTo("delivered by ES, which leads the OA too: late report filed");
    });
    long italysEscalation = escalations.of(oapId).stream().filter(e -> e.actor().equals("IT")).findFirst()
        .orElseThrow().id();
    assertThat(escalations.history(italysEscalation)).extracting(Escalations.EscalationEvent::event)
        .endsWith("FULFILLED", "CLOSED_CURED");
    assertThat(reports.reports(oapId, 1).get("2.4").recordedBy()).isEqualTo("al-es");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals(OAP_ID, oapId)
        .count()).isZero();
  }

  @Test
  void aCoLeaderWhoseOaKeepsAnotherActiveLeaderIsProposedToStayAndTheNewLeaderMustNotLeadItAlready() {
    adoptWithOa24LedBy("IT", "ES");
    ProcessInstance escalation = startByDriver("IT", "absent from the meetings of OA 2.4");
    exhort(escalation);
    passResponsePeriod(escalation);
    exhort(escalation);
    passResponsePeriod(escalation);

    Task assess = single(escalation, TASK_ASSESS);
    assertThat((String) tasks.getVariable(assess.getId(), FACTS)).contains("IT leads 1 of the OAP's 26 OAs (4%), "
        + "0 of them without another active leader", "exhortations unanswered: 2 of 2");
    assertThat(tasks.getVariable(assess.getId(), "proposalText")).isEqualTo("Keep: Every OA it leads still has "
        + "another active leader and no report is missing: the delivery does not depend on it.");
    tasks(escalation).complete(assess, Map.of(DECISION, "exclude", COMMENTS, "absent for a year, Spain carries it alone"));
    assertThat(participation.status(oapId, "IT")).contains(Participation.Status.EXCLUDED);
    execute(job(escalation, TASK_INFORM_EXCLUSION));

    Task newLeader = single(escalation, TASK_ASSIGN_NEW_LEADER);
    assertThatThrownBy(() -> tasks(escalation).complete(newLeader, Map.of(NEW_LEADER, "Spain")))
        .hasMessageContaining("New Action Leader: ES leads OA 2.4 already; name a Member State or agency that does not");
    assertThat(participation.leadersNow(oapId, "2.4")).containsExactly("ES");
    tasks(escalation).complete(newLeader, Map.of(NEW_LEADER, "France"));

    assertThat(escalation).isEnded().hasPassed(END_EXCLUDED);
    assertThat(participation.leadersNow(oapId, "2.4")).containsExactly("ES", "FR");
  }

  @Test
  void theDriverOverridesAProposalToExcludeAndTheMemberStateStays() {
    ProcessInstance escalation = roundOneWithoutReportOn("2.4", "IT");
    exhort(escalation);
    passResponsePeriod(escalation);
    exhort(escalation);
    passResponsePeriod(escalation);

    Task assess = single(escalation, TASK_ASSESS);
    assertThatThrownBy(() -> tasks(escalation).complete(assess, Map.of(DECISION, "keep")))
        .hasMessageContaining("Reason: say why you decide against the proposal");
    tasks(escalation).complete(assess, Map.of(DECISION, "keep", COMMENTS, "Italy's police were on a national operation"));

    assertThat(escalation).isEnded().hasPassed(END_NOT_JEOPARDISING);
    Escalation kept = escalations.of(oapId).get(0);
    assertThat(kept.proposal()).isTrue();
    assertThat(kept.assessment()).isFalse();
    assertThat(kept.assessmentReason()).isEqualTo("Italy's police were on a national operation");
    assertThat(escalations.history(kept.id())).extracting(Escalations.EscalationEvent::details)
        .contains("does not jeopardise (proposal overridden): Italy's police were on a national operation");
    assertThat(participation.status(oapId, "IT")).contains(Participation.Status.ACTIVE);
  }

  @Test
  void startedByTheDriverNearTheEndOfThePeriodTheDriverExcludesAgainstTheProposal() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-10-20T09:00:00Z")));
    String germanContact = user("al-de-" + oapId, EmpactGroups.actionLeader(oapId, "DE"));
    assertThatThrownBy(() -> startByDriverAs(nec, List.of(EmpactGroups.nec("IT")), "DE", "absent"))
        .hasMessageContaining("does not have 'CREATE' permission on resource 'ProcessInstance'");
    long otherOap = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    assertThatThrownBy(() -> startByDriverAs("driver-of-" + otherOap, List.of(EmpactGroups.driver(otherOap)), "DE",
        "absent")).hasMessageContaining("OAP (registry id): only the Driver of OAP " + oapId + " may start this");
    assertThatThrownBy(() -> startByDriver("DE", " "))
        .hasMessageContaining("Which commitments are not met: is required");
    assertThatThrownBy(() -> startByDriver("Atlantis", "absent"))
        .hasMessageContaining("Member State, agency or partner: 'Atlantis' is not a known Member State, agency or partner");
    assertThat(escalations.of(oapId)).isEmpty();

    ProcessInstance escalation = startByDriver("Germany", "did not take part in the activities and meetings of OA 2.3 "
        + "since March although registered");
    assertThat(escalations.running(oapId, "DE").orElseThrow().startedBy()).isEqualTo("driver");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(escalation.getId()).singleResult()
        .getBusinessKey()).isEqualTo("exclusion-" + oapId + "-DE");
    exhort(escalation);
    assertThat(notifications.forOap(oapId)).filteredOn(n -> n.kind() == TaskNotice.Kind.EXHORTATION)
        .extracting(Notification::recipientUser).contains(germanContact).allMatch(u -> u.startsWith("al-de-"));
    passResponsePeriod(escalation);
    exhort(escalation);
    passResponsePeriod(escalation);

    Task assess = single(escalation, TASK_ASSESS);
    assertThat(tasks.getVariable(assess.getId(), "proposalText")).isEqualTo("Keep: The OAP period ends within three "
        + "months: excluding the Member State would not change the delivery.");
    tasks(escalation).complete(assess, Map.of(DECISION, "exclude", COMMENTS, "its absence blocks OA 2.3 for 2026"));

    assertThat(participation.status(oapId, "DE")).contains(Participation.Status.EXCLUDED);
    Escalation excluded = escalations.of(oapId).get(0);
    assertThat(excluded.proposal()).isFalse();
    assertThat(excluded.assessment()).isTrue();
    assertThat(escalations.history(excluded.id())).extracting(Escalations.EscalationEvent::details)
        .contains("jeopardises (proposal overridden): its absence blocks OA 2.3 for 2026");
  }

  @Test
  void anAgencyIsExhortedAndReportedButNeverExcluded() {
    ProcessInstance escalation = roundOneWithoutReportOn("1.1", "EUROPOL");
    assertThat(escalation.getBusinessKey()).isEqualTo("exclusion-" + oapId + "-EUROPOL");
    exhort(escalation);
    Task answer = single(escalation, TASK_ANSWER_EXHORTATION);
    // nobody acts for EUROPOL in this OAP: the Support Unit answers on its behalf
    assertThat(groups(escalation, answer)).containsExactlyInAnyOrder(EmpactGroups.actionLeader(oapId, "EUROPOL"),
        EmpactGroups.contact(oapId, "EUROPOL"), EmpactGroups.SUPPORT_UNIT);
    passResponsePeriod(escalation);
    exhort(escalation);
    passResponsePeriod(escalation);

    Task report = single(escalation, TASK_REPORT_AGENCY);
    tasks(escalation).complete(report, Map.of(COMMENTS, "Europol's report on OA 1.1 for the first half of 2024 is missing"));

    assertThat(escalation).isEnded().hasPassed(END_AGENCY_REPORTED).hasNotPassed(TASK_ASSESS);
    assertThat(escalations.of(oapId).get(0).outcome()).isEqualTo(Escalation.Outcome.REPORTED);
    assertThat(participation.status(oapId, "EUROPOL")).contains(Participation.Status.ACTIVE);
  }

  @Test
  void anExplanationTheDriverAcceptsClosesTheEscalation() {
    ProcessInstance escalation = roundOneWithoutReportOn("2.4", "IT");
    exhort(escalation);
    Task answer = single(escalation, TASK_ANSWER_EXHORTATION);
    assertThatThrownBy(() -> tasks(escalation).complete(answer, Map.of(ANSWER, "explain")))
        .hasMessageContaining("Explanation: say why the commitment cannot be met");
    tasks(escalation).complete(answer, Map.of(ANSWER, "explain", EXPLANATION, "the Action Leader was on sick leave"));

    Task consider = single(escalation, TASK_CONSIDER_EXPLANATION);
    assertThat((String) tasks.getVariable(consider.getId(), "explanations")).contains("the Action Leader was on sick leave");
    tasks(escalation).complete(consider, Map.of(DECISION, "accept"));

    assertThat(escalation).isEnded().hasPassed(END_EXPLANATION_ACCEPTED);
    assertThat(escalations.of(oapId).get(0).outcome()).isEqualTo(Escalation.Outcome.EXPLANATION_ACCEPTED);
  }

  // --- steps

  /** Replaces the OAP of the test by one whose OA 2.4 has these Action Leaders, adopted in December 2023. */
  private void adoptWithOa24LedBy(String... leaders) {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    com.fasterxml.jackson.databind.node.ArrayNode cells = document.action(5).putArray("actionLeaders");
    for (String leader : leaders) {
      cells.add(leader);
    }
    oapId = registry.importDocument(reader.read(document.json()), "esu").id();
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    user("al-es-" + oapId, EmpactGroups.actionLeader(oapId, "ES"));
  }

  private ProcessInstance escalationOf(String actor) {
    ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey("exclusion-" + oapId + "-" + actor).singleResult();
    assertThat(escalation).as("escalation of " + actor).isNotNull();
    return escalation;
  }

  /** Round 1 collects every report but one; the deadline passes; the escalation of its leader starts. */
  private ProcessInstance roundOneWithoutReportOn(String oaRef, String leader) {
    ProcessInstance round = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-round-1")
        .singleResult();
    ClockUtil.setCurrentTime(Date.from(ROUND_1_OPENS));
    execute(job(round, ReportingRoundProcess.TIMER_ROUND_OPENS));
    tasks(round).all(ReportingRoundProcess.TASK_REPORT_ON_OA).stream()
        .filter(t -> !t.getName().startsWith("Report on OA " + oaRef + ":"))
        .forEach(t -> tasks(round).complete(t, lateReport((String) tasks.getVariable(t.getId(), "oaRef"))));
    ClockUtil.setCurrentTime(Date.from(ROUND_1_DEADLINE_PASSED));
    execute(job(round, ReportingRoundProcess.TIMER_REPORT_DEADLINE));
    ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey("exclusion-" + oapId + "-" + leader).singleResult();
    assertThat(escalation).as("escalation of " + leader).isNotNull();
    assertThat(round).isWaitingAt(ReportingRoundProcess.TASK_WRITE_DRIVER_REPORT);
    execute(job(escalation, START_MISSED_COMMITMENTS));
    return escalation;
  }

  private void reportAll(ProcessInstance round) {
    tasks(round).all(ReportingRoundProcess.TASK_REPORT_ON_OA)
        .forEach(t -> tasks(round).complete(t, lateReport((String) tasks.getVariable(t.getId(), "oaRef"))));
  }

  private Map<String, Object> lateReport(String oaRef) {
    return Map.of("reportStatus", "ongoing", "progress", "on track", "kpiValues",
        KpiValues.lines(reports.action(oapId, 1, oaRef), "1"));
  }

  private void exhort(ProcessInstance escalation) {
    Task send = single(escalation, TASK_SEND_EXHORTATION);
    tasks(escalation).complete(send, Map.of(EXHORTATION_TEXT, tasks.getVariable(send.getId(), EXHORTATION_TEXT)));
    execute(job(escalation, TASK_EMAIL_EXHORTATION));
  }

  private void passResponsePeriod(ProcessInstance escalation) {
    Date deadline = (Date) runtime.getVariable(escalation.getId(), RESPONSE_DEADLINE);
    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 1000));
    execute(job(escalation, TIMER_RESPONSE_PERIOD));
  }

  private ProcessInstance startByDriver(String actor, String reason) {
    return startByDriverAs("driver", List.of(EmpactGroups.driver(oapId)), actor, reason);
  }

  private ProcessInstance startByDriverAs(String user, List<String> groups, String actor, String reason) {
    identity.setAuthentication(user, groups);
    try {
      return runtime.startProcessInstanceByKey(KEY, Map.of(OAP_ID, oapId, ACTOR, actor, REASON, reason));
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance startReinstatement(String actor, String reason) {
    identity.setAuthentication("driver", List.of(EmpactGroups.driver(oapId)));
    try {
      return runtime.startProcessInstanceByKey(ReinstatementProcess.KEY, Map.of(OAP_ID, oapId, ACTOR, actor, REASON, reason));
    } finally {
      identity.clearAuthentication();
    }
  }

  private String user(String id, String group) {
    User user = identity.newUser(id);
    user.setEmail(id + "@empact.example");
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }

  private Job job(ProcessInstance instance, String activity) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
    assertThat(job).as(activity).isNotNull();
    return job;
  }

  private void execute(Job job) {
    management.executeJob(job.getId());
  }

  private Task single(ProcessInstance instance, String activity) {
    return tasks(instance).single(activity);
  }

  private List<String> groups(ProcessInstance instance, Task task) {
    return tasks(instance).groups(task);
  }

  private ProcessTasks tasks(ProcessInstance instance) {
    return new ProcessTasks(tasks, instance.getId());
  }
}
