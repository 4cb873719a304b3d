package eu.empact.oap.reporting;

/** Where a reporting round stands, from planned to noted by COSI. */
public enum RoundStage {
  /** Waiting for its opening date. */
  PLANNED,
  /** The OAP was adopted after the round's deadline: nobody is asked to report for it. */
  NOT_HELD,
  /** The Action Leaders are reporting on their OAs. */
  COLLECTING,
  /** The Driver writes (or revises) the Driver's report. */
  DRIVER_REPORT,
  CO_DRIVER_REVIEW,
  /** The EMPACT Support Unit aligns and standardises the round. */
  SUPPORT_UNIT,
  NEC,
  /** With the COSI secretariat, for COSI Support Group / COSI. */
  COSI,
  /** COSI took note: the round is closed. */
  NOTED,
  /**
   * A round of an OAP registered with its past whose deadline had passed: nobody is asked, and its
   * record, as the documents of the time give it, may be registered ({@link PastCycles}).
   */
  NOT_RECORDED,
  /** A past round registered from the documents: its reports as written, no tasks, timers or escalations. */
  RECORDED
}
