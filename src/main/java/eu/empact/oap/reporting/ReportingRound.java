package eu.empact.oap.reporting;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * One reporting round of an OAP: the months it reports on, when the Action Leaders are asked,
 * and by when the reports are collected.
 */
public record ReportingRound(int number, Kind kind, LocalDate coversFrom, LocalDate coversTo, LocalDate opens,
                             LocalDate deadline, boolean annualFactSheet, RoundStage stage) {

  /** "January-June 2024", "July-December 2024". */
  public String covers() {
    String months = month(coversFrom) + "-" + month(coversTo) + " " + coversTo.getYear();
    return coversFrom.getYear() == coversTo.getYear() ? months : coversFrom + " to " + coversTo;
  }

  private static String month(LocalDate day) {
    return day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  ReportingRound withStage(RoundStage newStage) {
    return new ReportingRound(number, kind, coversFrom, coversTo, opens, deadline, annualFactSheet, newStage);
  }

  public enum Kind {
    /** Light reporting on progress in the first half of a year. */
    HALF_YEAR,
    /** Light reporting on the second half of a year, with the annual fact sheet. */
    ANNUAL,
    /** The last round of the period: comprehensive reporting on the whole OAP; KPI figures for its last six months. */
    COMPREHENSIVE
  }
}
