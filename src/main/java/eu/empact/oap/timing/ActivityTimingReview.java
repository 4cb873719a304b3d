package eu.empact.oap.timing;

/** Names of the {@code activity-timing-review} process, as the model has them. */
final class ActivityTimingReview {

  static final String PROCESS_KEY = "activity-timing-review";
  static final String TASK_CHECK_TIMING = "Task_CheckActivityTiming";
  static final String TIMER_REMINDER = "Timer_TimingReminder";
  static final String TASK_SEND_REMINDERS = "Task_SendTimingReminders";

  /** Process variables: the OAP and revision whose timings are checked. */
  static final String OAP_ID = "oapId";
  static final String REVISION = "revision";
  /** Multi-instance element variable: the activity one task is about. */
  static final String ACTIVITY_ID = "activityId";

  /** Task form fields. */
  static final String OA_REF = "oaRef";
  static final String ACTIVITY_DESCRIPTION = "activityDescription";
  static final String TIMING_AS_WRITTEN = "timingAsWritten";
  static final String PARSER_NOTE = "parserNote";
  static final String DECISION = "timingDecision";
  static final String DECISION_CORRECT = "correct";
  static final String DECISION_KEEP = "keep";
  static final String CORRECTED_TIMING = "correctedTiming";

  private ActivityTimingReview() {}
}
