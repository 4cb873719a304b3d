package eu.empact.oap.exclusion;

/** Names of the {@code exclusion-clause} and {@code participation-reinstatement} processes. */
public final class ExclusionProcess {

  public static final String KEY = "exclusion-clause";
  public static final String REINSTATEMENT_KEY = "participation-reinstatement";
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
  public static final String TASK_CONFIRM_REINSTATEMENT = "Task_ConfirmReinstatement";
  public static final String END_REINSTATED = "EndEvent_Reinstated";
  public static final String END_REINSTATEMENT_REFUSED = "EndEvent_ReinstatementRefused";

  // started with (the Driver's start form, or the starter)
  public static final String OAP_ID = "oapId";
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
  // decision inputs
  public static final String MONTHS_LEFT = "monthsLeft";
  public static final String LEAD_SHARE = "leadShare";
  public static final String MISSED_REPORTS = "missedReports";
  public static final String UNANSWERED_EXHORTATIONS = "unansweredExhortations";
  // multi-instance elements
  public static final String COMMITMENT_ID = "commitmentId";
  public static final String OA_REF = "oaRef";
  // forms
  public static final String RECORD = "record";
  public static final String EXHORTATION_TEXT = "exhortationText";
  public static final String COMMITMENT = "commitment";
  public static final String COMMITMENT_KIND = "commitmentKind";
  public static final String ANSWER = "answer";
  public static final String EXPLANATION = "explanation";
  public static final String CONFIRMED = "confirmed";
  public static final String FULFILMENT = "fulfilment";
  public static final String DECISION = "decision";
  public static final String COMMENTS = "comments";
  public static final String FACTS = "facts";
  public static final String NEW_LEADER = "newLeader";

  private ExclusionProcess() {}
}
