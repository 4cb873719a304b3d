package eu.empact.oap.adoption;

/** Names of the {@code oap-adoption} process, as the model has them. */
public final class AdoptionProcess {

  public static final String KEY = "oap-adoption";
  /** The registry's cycle kind: one running adoption per OAP. */
  static final String CYCLE = "ADOPTION";

  public static final String TASK_DRAFT = "Task_DraftOap";
  public static final String TASK_CONFIRM_LEADERSHIP = "Task_ConfirmLeadership";
  public static final String TASK_REVIEW_DRAFT = "Task_ReviewDraft";
  public static final String TASK_STATE_PARTICIPATION = "Task_StateParticipation";
  public static final String TIMER_NEC_DEADLINE = "Timer_NecDeadline";
  public static final String TASK_RECORD_NEC_OUTCOME = "Task_RecordNecOutcome";
  public static final String TASK_REVIEW_FOR_COSI = "Task_ReviewForCosi";
  public static final String TASK_RECORD_COSI_DECISION = "Task_RecordCosiDecision";
  public static final String TASK_CONFIRM_PARTICIPATION = "Task_ConfirmParticipation";
  public static final String TIMER_TASKING_DEADLINE = "Timer_TaskingDeadline";
  public static final String TASK_NOTE_UNCONFIRMED = "Task_NoteUnconfirmed";
  public static final String END_ADOPTED = "EndEvent_OapAdopted";
  public static final String END_ADOPTED_UNCONFIRMED = "EndEvent_OapAdoptedUnconfirmed";

  /** Where a version was returned from; the Driver's revision goes back through the secretariat after COSI. */
  enum ReturnedAt { LEADERS, SUPPORT_UNIT, NEC, COSI_SECRETARIAT, COSI }

  private AdoptionProcess() {}
}
