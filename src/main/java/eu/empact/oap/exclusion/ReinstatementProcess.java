package eu.empact.oap.exclusion;

import eu.empact.oap.tasks.FormTaskListener;

/**
 * The {@code participation-reinstatement} process as the code knows it: the Driver proposes that an
 * actor no longer participant participates again; the EMPACT Support Unit confirms or refuses.
 */
public final class ReinstatementProcess {

  public static final String KEY = "participation-reinstatement";

  public static final String TASK_CONFIRM_REINSTATEMENT = "Task_ConfirmReinstatement";
  public static final String END_REINSTATED = "EndEvent_Reinstated";
  public static final String END_REINSTATEMENT_REFUSED = "EndEvent_ReinstatementRefused";

  // start form
  public static final String OAP_ID = ExclusionProcess.OAP_ID;
  public static final String ACTOR = ExclusionProcess.ACTOR;
  public static final String REASON = ExclusionProcess.REASON;
  // set by the process
  public static final String OUTCOME = FormTaskListener.OUTCOME;
  /** What the Support Unit said when it confirmed, for the participation record. */
  public static final String SUPPORT_UNIT_COMMENTS = "supportUnitComments";
  // the confirmation form
  public static final String RECORD = ExclusionProcess.RECORD;
  public static final String BRIEFING = ExclusionProcess.BRIEFING;
  public static final String DECISION = FormTaskListener.DECISION;
  public static final String COMMENTS = FormTaskListener.COMMENTS;

  private ReinstatementProcess() {}
}
