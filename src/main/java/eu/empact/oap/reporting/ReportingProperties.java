package eu.empact.oap.reporting;

import java.time.MonthDay;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When reporting rounds fall ({@code empact.reporting.*}).
 *
 * @param halfYearDeadline ("--MM-DD") each year's half-year round (January to June) is collected by this day
 *     of the same year: mid-October, as the 2012 monitoring was
 * @param annualDeadline ("--MM-DD") each year's second round (July to December, with the annual fact sheet)
 *     is collected by this day of the following year; in the last year of the period it is the
 *     comprehensive report on the whole OAP
 * @param opensDaysBeforeDeadline a round's reports are asked for this many days before its deadline
 * @param dueDays days each task after the Action Leaders' reports is due after it is created, by kind:
 *     driver-report, co-driver-review, support-unit, nec-outcome, cosi
 */
@ConfigurationProperties("empact.reporting")
public record ReportingProperties(String halfYearDeadline, String annualDeadline, int opensDaysBeforeDeadline,
                                  Map<String, Integer> dueDays) {

  /** Both deadlines are days of the year written "--MM-DD". */
  public ReportingProperties {
    MonthDay.parse(halfYearDeadline);
    MonthDay.parse(annualDeadline);
    dueDays = dueDays == null ? Map.of() : Map.copyOf(dueDays);
  }


  MonthDay halfYear() {
    return MonthDay.parse(halfYearDeadline);
  }

  MonthDay annual() {
    return MonthDay.parse(annualDeadline);
  }
}
