package eu.empact.oap.adoption;

import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The {@code oap-adoption} process as the code knows it: its key, the element ids the code and
 * tests name, every process variable, and the fields of its forms. {@code ProcessKitsTest} checks
 * them against the deployed model and forms. Variables carry identifiers, dates and routing; the
 * OAP itself, its versions, decisions and answers live in the registry.
 */
public final class AdoptionProcess {

  public static final String KEY = "oap-adoption";
  /** The registry's cycle kind: one running adoption per OAP. */
  static final String CYCLE = "ADOPTION";

  // element ids
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

  // start form
  public static final String OAP_ID = ProcessVariables.OAP_ID;
  public static final String PRIORITY = "priority";
  public static final String PERIOD = "period";
  public static final String DRIVER = "driver";
  public static final String CO_DRIVERS = "coDrivers";
  public static final String NEC_MEETING_DATE = "necMeetingDate";
  public static final String COSI_TARGET_DATE = "cosiTargetDate";
  // set by the process
  public static final String REVISION = "revision";
  public static final String NEC_DEADLINE = "necDeadline";
  public static final String NEC_OUTCOME_DUE = "necOutcomeDue";
  public static final String TASKING_DEADLINE = "taskingDeadline";
  public static final String LEADERSHIP_DECLINED = "leadershipDeclined";
  public static final String RETURNED_AT = "returnedAt";
  public static final String RETURN_COMMENTS = "returnComments";
  public static final String OUTCOME = FormTaskListener.OUTCOME;
  public static final String ADOPTION_DATE = "adoptionDate";
  // multi-instance element variables: the actor a task is for
  public static final String LEADING_ACTOR = "leadingActor";
  public static final String MEMBER_STATE = "memberState";
  public static final String PARTICIPANT = "participant";
  // shown by the task forms
  public static final String OAP_OVERVIEW = "oapOverview";
  public static final String SUMMARY = "summary";
  public static final String OA_OPTIONS = "oaOptions";
  /** The NECs' answers as a Markdown table (Member States x OAs), shown by the NEC outcome's form. */
  public static final String NEC_MATRIX = "necMatrix";
  public static final String BRIEFING = FormTaskListener.BRIEFING;
  /** The draft's link to the drafting page, where the Driver and the Support Unit edit the draft. */
  public static final String DRAFTING_PAGE = "draftingPage";
  // sent by the task forms
  public static final String DECISION = FormTaskListener.DECISION;
  public static final String COMMENTS = FormTaskListener.COMMENTS;
  public static final String PARTICIPATING_OAS = "participatingOas";
  public static final String LINKS_TO_OTHER_OAPS = "linksToOtherOaps";
  public static final String COUNCIL_DOCUMENT = "councilDocument";
  public static final String CONFIRMED = "confirmed";

  /** Where a version was returned from; the Driver's revision goes back through the secretariat after COSI. */
  enum ReturnedAt { LEADERS, SUPPORT_UNIT, NEC, COSI_SECRETARIAT, COSI }

  private AdoptionProcess() {}

  /** The business key of the OAP's adoption, one running at a time: "oap-12". */
  public static String businessKey(long oapId) {
    return "oap-" + oapId;
  }

  /** Where the OAP is drafted on screen, after the application's public address. */
  public static String draftingPage(long oapId) {
    return "/oaps/" + oapId + "/draft";
  }

  public static long oapId(VariableScope scope) {
    return ProcessVariables.id(scope, OAP_ID);
  }

  public static int revision(VariableScope scope) {
    return ProcessVariables.integer(scope, REVISION);
  }
}
