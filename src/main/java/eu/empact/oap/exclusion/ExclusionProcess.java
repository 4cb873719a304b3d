package eu.empact.oap.exclusion;

import eu.empact.oap.reporting.ReportingRoundProcess;
import eu.empact.oap.tasks.FormRefusal;
import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The {@code exclusion-clause} process and its decision {@code exclusion-assessment} as the code
 * knows them: keys, the element ids the code and tests name, every process variable, and the
 * fields of its forms ({@code ProcessKitsTest} checks them against the deployed models and forms).
 */
public final class ExclusionProcess {

  public static final String KEY = "exclusion-clause";
  public static final String DECISION_KEY = "exclusion-assessment";
  /** The message that starts an escalation when missed commitments cross a threshold. */
  public static final String MISSED_COMMITMENTS = "missed-commitments";
  public static final String START_MISSED_COMMITMENTS = "StartEvent_MissedCommitments";

  public static final String TASK_SEND_EXHORTATION = "Task_SendExhortation";
  public static final String TASK_ANSWER_EXHORTATION = "Task_AnswerExhortation";
  public static final String TIMER_RESPONSE_PERIOD = "Timer_ResponsePeriod";
  public static final String TASK_CONSIDER_EXPLANATION = "Task_ConsiderExplanation";
  public static final String TASK_ASSESS = "Task_AssessJeopardy";
  public static final String TASK_REPORT_AGENCY = "Task_ReportAgencyCommitments";
  public static final String TASK_ASSIGN_NEW_LEADER = "Task_AssignNewLeader";
  public static final String TASK_EMAIL_EXHORTATION = "Task_EmailExhortation";
  public static final String TASK_INFORM_EXCLUSION = "Task_InformExclusion";
  public static final String END_CURED = "EndEvent_Cured";
  public static final String END_EXPLANATION_ACCEPTED = "EndEvent_ExplanationAccepted";
  public static final String END_NOT_JEOPARDISING = "EndEvent_NotJeopardising";
  public static final String END_EXCLUDED = "EndEvent_NoLongerParticipant";
  public static final String END_AGENCY_REPORTED = "EndEvent_AgencyReported";

  // started with (the Driver's start form, or the starter)
  public static final String OAP_ID = ProcessVariables.OAP_ID;
  public static final String ACTOR = "actor";
  public static final String REASON = "reason";
  // set by the process
  public static final String ESCALATION_ID = "escalationId";
  public static final String MEMBER_STATE = "memberState";
  public static final String EXHORTATION_NUMBER = "exhortationNumber";
  public static final String RESPONSE_DEADLINE = "responseDeadline";
  public static final String CURED = "cured";
  public static final String EXPLAINED = "explained";
  public static final String MORE_EXHORTATIONS = "moreExhortations";
  public static final String PROPOSED_JEOPARDISES = "proposedJeopardises";
  public static final String PROPOSED_RATIONALE = "proposedRationale";
  public static final String LED_OAS = "ledOas";
  public static final String OUTCOME = FormTaskListener.OUTCOME;
  /** The DMN result of the business rule task, before it is kept as the two proposal variables. */
  public static final String DECISION_RESULT = "decisionResult";
  // decision inputs
  public static final String MONTHS_LEFT = "monthsLeft";
  public static final String LEAD_SHARE = "leadShare";
  /** How many of the OAs the Member State leads have no other active leader. */
  public static final String LED_WITHOUT_OTHER_LEADER = "ledWithoutOtherLeader";
  public static final String MISSED_REPORTS = "missedReports";
  public static final String UNANSWERED_EXHORTATIONS = "unansweredExhortations";
  // multi-instance elements
  public static final String COMMITMENT_ID = "commitmentId";
  public static final String OA_REF = "oaRef";
  // forms
  public static final String RECORD = "record";
  public static final String BRIEFING = FormTaskListener.BRIEFING;
  public static final String EXPLANATIONS = "explanations";
  public static final String PROPOSAL_TEXT = "proposalText";
  public static final String EXHORTATION_TEXT = "exhortationText";
  public static final String COMMITMENT = "commitment";
  public static final String COMMITMENT_KIND = "commitmentKind";
  public static final String ANSWER = "answer";
  public static final String EXPLANATION = "explanation";
  public static final String CONFIRMED = "confirmed";
  public static final String FULFILMENT = "fulfilment";
  public static final String DECISION = FormTaskListener.DECISION;
  public static final String COMMENTS = FormTaskListener.COMMENTS;
  public static final String FACTS = "facts";
  public static final String NEW_LEADER = "newLeader";
  // a late report answering an exhortation: the fields of the round's report (OaReportForm)
  public static final String REPORT_STATUS = ReportingRoundProcess.REPORT_STATUS;
  public static final String PROGRESS = ReportingRoundProcess.PROGRESS;
  public static final String KPI_VALUES = ReportingRoundProcess.KPI_VALUES;
  public static final String HUMAN_RESOURCES = ReportingRoundProcess.HUMAN_RESOURCES;
  public static final String FINANCIAL_RESOURCES = ReportingRoundProcess.FINANCIAL_RESOURCES;
  public static final String OA_OVERVIEW = ReportingRoundProcess.OA_OVERVIEW;

  private ExclusionProcess() {}

  /** The OAP a process of the exclusion clause is about; refuses a start that names none. */
  public static long oapId(VariableScope scope) {
    if (!(scope.getVariable(OAP_ID) instanceof Number number)) {
      throw FormRefusal.of(OAP_ID, "the registry id of the OAP is required");
    }
    return number.longValue();
  }

  public static long escalationId(VariableScope scope) {
    return ProcessVariables.id(scope, ESCALATION_ID);
  }

  public static String actor(VariableScope scope) {
    return (String) scope.getVariable(ACTOR);
  }

  public static int exhortationNumber(VariableScope scope) {
    return ProcessVariables.integer(scope, EXHORTATION_NUMBER);
  }
}
