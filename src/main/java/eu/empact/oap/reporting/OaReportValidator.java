package eu.empact.oap.reporting;

import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an Action Leader's report before it is accepted: a status written (any wording: the
 * table reads it, and flags one it does not know, {@link StatusWordings}), progress written, a
 * value for every KPI of the OA (any text: {@link KpiValue} reads it, and flags what it cannot read
 * as written; only a negative count is refused, as no document can mean it), and no placeholder
 * left from the templates ("000", "XXX", "OOO"). Returns every problem.
 */
public final class OaReportValidator {

  /**
   * The templates' fill-in marks standing alone: "000: Fields to be filled...", "Baseline: XXX",
   * "OOO"; not the zeros of a number such as "1,000", "10.000", "10 000" or "1'000".
   */
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)(?<![\\p{Alnum},.'\u2019])(?<!\\d[ \u00A0\u202F])(0{3,}|x{3,}|o{3,})(?![\\p{Alnum},.'\u2019])");

  /** The longest status and KPI value kept (their columns; the forms' maxLength). */
  public static final int STATUS_LENGTH = 500;
  public static final int VALUE_LENGTH = 500;

  private OaReportValidator() {}

  public static List<Problem> validate(OaReport report, List<Kpi> kpis) {
    return validate(report, kpis, false);
  }

  /**
   * As {@link #validate(OaReport, List)}; for a report of a past round ({@code past}) the progress
   * and a KPI's value may be absent, as the documents of the time often give none.
   */
  public static List<Problem> validate(OaReport report, List<Kpi> kpis, boolean past) {
    List<Problem> problems = new ArrayList<>();
    if (report.status() == null || report.status().isBlank()) {
      problems.add(new Problem("status", "the stage and status is required (e.g. " + ReportStatus.labels() + ")"));
    } else if (text(problems, "status", report.status(), true) && report.status().trim().length() > STATUS_LENGTH) {
      problems.add(new Problem("status", "must be at most " + STATUS_LENGTH + " characters long"));
    }
    text(problems, "progress", report.progress(), !past);
    for (Kpi kpi : kpis) {
      String path = "kpis." + kpi.code();
      String value = report.kpiValues().get(kpi.code());
      if (!text(problems, path, value, !past)) {
        continue;
      }
      if (value.trim().length() > VALUE_LENGTH) {
        problems.add(new Problem(path, "must be at most " + VALUE_LENGTH + " characters long"));
      }
      KpiValue read = KpiValue.read(value, counts(kpi));
      if (counts(kpi) && read.number() != null && read.number().signum() < 0) {
        problems.add(new Problem(path, "a count cannot be negative (" + value.trim() + ")"));
      }
    }
    report.kpiValues().keySet().stream()
        .filter(code -> kpis.stream().noneMatch(kpi -> code.equals(kpi.code())))
        .forEach(code -> problems.add(new Problem("kpis." + code, "OA " + report.oaRef() + " has no KPI " + code)));
    if (report.humanResources() != null && !report.humanResources().isBlank()) {
      try {
        if (new BigDecimal(report.humanResources().trim()).signum() < 0) {
          problems.add(new Problem("humanResources", "full-time equivalents cannot be negative"));
        }
      } catch (NumberFormatException e) {
        problems.add(new Problem("humanResources", "'" + report.humanResources() + "' is not a number of full-time equivalents"));
      }
    }
    text(problems, "financialResources", report.financialResources(), false);
    text(problems, "comments", report.comments(), false);
    return problems;
  }

  /** The KPI values of a form: "a: 12" lines, one per KPI; a line without "code:" is a problem. */
  public static Map<String, String> kpiLines(String text, List<Problem> problems) {
    Map<String, String> values = new LinkedHashMap<>();
    if (text == null) {
      return values;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 1) {
        problems.add(new Problem("kpiValues", "'" + line.trim() + "' is not 'code: value' (e.g. 'a: 12')"));
        continue;
      }
      values.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return values;
  }

  /** KPIs that count something ("Number of OCGs dismantled") take whole numbers. */
  public static boolean counts(Kpi kpi) {
    return kpi.indicator().toLowerCase(Locale.ROOT).startsWith("number");
  }

  /** Checks a text; returns whether there is one to check further. */
  static boolean text(List<Problem> problems, String path, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(new Problem(path, "required"));
      }
      return false;
    }
    var placeholder = PLACEHOLDER.matcher(value);
    if (placeholder.find()) {
      problems.add(new Problem(path, "'" + placeholder.group() + "' is a placeholder left from the template; "
          + "enter the real value"));
      return false;
    }
    return true;
  }
}
