package eu.empact.oap.reporting;

import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When reporting rounds fall ({@code empact.reporting.*}).
 *
 * <p>The days each task after the Action Leaders' reports is due ({@code due-days.driver-report},
 * {@code co-driver-review}, {@code support-unit}, {@code nec-outcome}, {@code cosi}) are read by the
 * model's {@code ${tasks.due('reporting.cosi')}} ({@code TaskAssignment}).
 *
 * @param halfYearDeadline ("--MM-DD") each year's half-year round (January to June) is collected by this day
 *     of the same year: mid-October, as the 2012 monitoring was
 * @param annualDeadline ("--MM-DD") each year's second round (July to December, with the annual fact sheet)
 *     is collected by this day of the following year; in the last year of the period it is the
 *     comprehensive report on the whole OAP
 * @param opensDaysBeforeDeadline a round's reports are asked for this many days before its deadline
 */
@ConfigurationProperties("empact.reporting")
public record ReportingProperties(String halfYearDeadline, String annualDeadline, int opensDaysBeforeDeadline) {

  /** Both deadlines are days of the year written "--MM-DD". */
  public ReportingProperties {
    MonthDay.parse(halfYearDeadline);
    MonthDay.parse(annualDeadline);
  }

  MonthDay halfYear() {
    return MonthDay.parse(halfYearDeadline);
  }

  MonthDay annual() {
    return MonthDay.parse(annualDeadline);
  }
}
