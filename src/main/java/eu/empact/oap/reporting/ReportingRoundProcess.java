package eu.empact.oap.reporting;

import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The {@code oap-reporting-round} process as the code knows it: its key, the element ids the code
 * and tests name, every process variable, and the fields of its forms ({@code ProcessKitsTest}
 * checks them against the deployed model and forms).
 */
public final class ReportingRoundProcess {

  public static final String KEY = "oap-reporting-round";

  public static final String TIMER_ROUND_OPENS = "Timer_RoundOpens";
  public static final String TASK_REPORT_ON_OA = "Task_ReportOnOa";
  public static final String TIMER_REPORT_DEADLINE = "Timer_ReportDeadline";
  public static final String TASK_WRITE_DRIVER_REPORT = "Task_WriteDriverReport";
  public static final String TASK_REVIEW_DRIVER_REPORT = "Task_ReviewDriverReport";
  public static final String TASK_ALIGN_ROUND = "Task_AlignRound";
  public static final String TASK_RECORD_NEC_MEETING = "Task_RecordNecMeeting";
  public static final String TASK_UPDATE_DRIVER_REPORT = "Task_UpdateDriverReport";
  public static final String TASK_SUBMIT_TO_COSI = "Task_SubmitToCosi";
  public static final String TASK_RECORD_COSI_NOTE = "Task_RecordCosiNote";
  public static final String END_ROUND_NOTED = "EndEvent_RoundNoted";

  // started with
  public static final String OAP_ID = ProcessVariables.OAP_ID;
  public static final String ROUND = "round";
  public static final String ROUND_OPENS = "roundOpens";
  public static final String ROUND_DEADLINE = "roundDeadline";
  // multi-instance element
  public static final String OA_REF = "oaRef";
  // forms
  public static final String REPORT_STATUS = "reportStatus";
  public static final String PROGRESS = "progress";
  public static final String KPI_VALUES = "kpiValues";
  public static final String HUMAN_RESOURCES = "humanResources";
  public static final String FINANCIAL_RESOURCES = "financialResources";
  public static final String COMMENTS = FormTaskListener.COMMENTS;
  public static final String ASSESSMENTS = "assessments";
  public static final String DECISION = FormTaskListener.DECISION;
  public static final String NEC_MEETING_DATE = "necMeetingDate";
  public static final String COUNCIL_DOCUMENT = "councilDocument";
  public static final String COSI_BODY = "cosiBody";
  public static final String NOTED_ON = "notedOn";
  // shown by the forms
  public static final String ROUND_OVERVIEW = "roundOverview";
  public static final String OA_OVERVIEW = "oaOverview";
  public static final String BRIEFING = FormTaskListener.BRIEFING;
  public static final String ROUND_SUMMARY = "roundSummary";
  public static final String REPORT_DOCUMENT = "reportDocument";
  public static final String RETURN_COMMENTS = "returnComments";
  // set by the process
  public static final String OUTCOME = FormTaskListener.OUTCOME;

  private ReportingRoundProcess() {}

  public static long oapId(VariableScope scope) {
    return ProcessVariables.id(scope, OAP_ID);
  }

  public static int round(VariableScope scope) {
    return ProcessVariables.integer(scope, ROUND);
  }
}
