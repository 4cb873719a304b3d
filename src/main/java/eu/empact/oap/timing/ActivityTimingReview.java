package eu.empact.oap.timing;

import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.ProcessVariables;

/**
 * The {@code activity-timing-review} process as the code knows it: its key, the element ids, every
 * process variable and the fields of its form ({@code ProcessKitsTest} checks them against the
 * deployed model and form).
 */
public final class ActivityTimingReview {

  public static final String PROCESS_KEY = "activity-timing-review";
  public static final String TASK_CHECK_TIMING = "Task_CheckActivityTiming";
  public static final String TIMER_REMINDER = "Timer_TimingReminder";
  public static final String TASK_SEND_REMINDERS = "Task_SendTimingReminders";

  /** Process variables: the OAP and revision whose timings are checked. */
  public static final String OAP_ID = ProcessVariables.OAP_ID;
  public static final String REVISION = "revision";
  /** Multi-instance element variable: the activity one task is about. */
  public static final String ACTIVITY_ID = "activityId";

  /** Task form fields. */
  public static final String OA_REF = "oaRef";
  public static final String ACTIVITY_DESCRIPTION = "activityDescription";
  public static final String TIMING_AS_WRITTEN = "timingAsWritten";
  public static final String PARSER_NOTE = "parserNote";
  public static final String BRIEFING = FormTaskListener.BRIEFING;
  public static final String TIMING_DECISION = "timingDecision";
  public static final String DECISION_CORRECT = "correct";
  public static final String DECISION_KEEP = "keep";
  public static final String CORRECTED_TIMING = "correctedTiming";
  public static final String TIMING_COMMENT = "timingComment";

  private ActivityTimingReview() {}
}
