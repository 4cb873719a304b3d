package eu.empact.oap.reporting;

import java.time.LocalDate;

/**
 * One reporting round of an OAP: the months it reports on, when the Action Leaders are asked,
 * and by when the reports are collected.
 */
public record ReportingRound(int number, Kind kind, LocalDate coversFrom, LocalDate coversTo, LocalDate opens,
                             LocalDate deadline, boolean annualFactSheet) {

  public enum Kind {
    /** Light reporting on progress in the first half of a year. */
    HALF_YEAR,
    /** Light reporting on the second half of a year, with the annual fact sheet. */
    ANNUAL,
    /** The last round of the period: comprehensive reporting on the results of the whole OAP. */
    COMPREHENSIVE
  }
}
