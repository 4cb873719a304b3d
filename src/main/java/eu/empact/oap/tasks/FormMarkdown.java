package eu.empact.oap.tasks;

import eu.empact.oap.registry.OapDocument.Activity;
import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a form shows of its subject as Markdown, which the forms' {@code text} components render
 * (form-js: GitHub tables, a line break per line, HTML sanitised): OA sheets, KPI tables, earlier
 * comments. Every text people wrote is escaped, so that a title or a comment shows as written and
 * never turns into a link, a heading or a table of its own.
 */
public final class FormMarkdown {

  /** OA refs as people count them: 2.2 before 2.10, 2 before 2.1. */
  public static final Comparator<String> OA_REFS = FormMarkdown::compareRefs;

  /** What Markdown reads anywhere in a line: emphasis, code, links, HTML, tables, headings. */
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]<>#|~])");
  /** What it reads at the start of a line: lists, quotes, rules. */
  private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)([-+>=])");
  private static final Pattern NUMBERED = Pattern.compile("(?m)^(\\s*\\d+)([.)])");
  private static final String NONE = "—";

  private FormMarkdown() {}

  /** A text as written, escaped; its line breaks stay. */
  public static String text(String written) {
    if (written == null || written.isBlank()) {
      return NONE;
    }
    String escaped = SPECIAL.matcher(written.strip().replace("\r", "")).replaceAll("\\\\$1");
    escaped = NUMBERED.matcher(LINE_START.matcher(escaped).replaceAll("$1\\\\$2")).replaceAll("$1\\\\$2");
    return escaped.replaceAll("\n{2,}", "\n\n");
  }

  /** A text within a line (a table cell, after a label): escaped, on one line. */
  public static String cell(String written) {
    if (written == null || written.isBlank()) {
      return NONE;
    }
    return SPECIAL.matcher(written.strip().replaceAll("\\s*\\R\\s*", " ")).replaceAll("\\\\$1");
  }

  /** A link; the label is escaped, the address is the server's own. */
  public static String link(String label, String url) {
    return "[" + cell(label) + "](" + url.replace(" ", "%20").replace("(", "%28").replace(")", "%29") + ")";
  }

  /** A table whose cells are texts as written. */
  public static String table(List<String> headers, List<List<String>> rows) {
    StringBuilder table = new StringBuilder();
    table.append(headers.stream().map(FormMarkdown::cell).collect(Collectors.joining(" | ", "| ", " |\n")));
    table.append(headers.stream().map(h -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
    rows.forEach(row -> table.append(row.stream().map(FormMarkdown::cell).collect(Collectors.joining(" | ", "| ", " |\n"))));
    return table.toString();
  }

  /** What someone wrote earlier, quoted under who wrote it: "**The Driver's notes**" then the text. */
  public static String quote(String who, String written) {
    if (written == null || written.isBlank()) {
      return "**" + cell(who) + ":** none\n";
    }
    return "**" + cell(who) + ":**\n\n" + text(written).lines().map(line -> "> " + line)
        .collect(Collectors.joining("\n")) + "\n";
  }

  /**
   * What a recorded step said, quoted under what it was, who took it and when: "**The NEC
   * meeting's outcome (esu, 2026-04-02, nec meeting revise):**" then the comments.
   */
  public static String said(String what, String user, Instant at, String event, String comments) {
    return quote(what + " (" + user + ", " + at.atZone(ZoneOffset.UTC).toLocalDate() + ", "
        + event.toLowerCase(Locale.ROOT).replace('_', ' ') + ")", comments == null ? "no comments" : comments);
  }

  /** Actors as a list: "IT, AT", or a dash for none. */
  public static String actors(List<String> codes) {
    return codes == null || codes.isEmpty() ? NONE : String.join(", ", codes);
  }

  /**
   * The OA sheets of a version under their strategic goals, in the order of their refs: each
   * sheet with its goal, leaders, co-leaders, participants, activities with timing and KPIs with
   * targets.
   *
   * @param link the address of an OA's sheet in the workspace, by ref
   */
  public static String sheets(List<StrategicGoal> goals, List<OperationalAction> actions, Function<String, String> link) {
    Map<Integer, StrategicGoal> byNumber = goals.stream()
        .collect(Collectors.toMap(StrategicGoal::number, goal -> goal, (a, b) -> a));
    return actions.stream().sorted(Comparator.comparing(OperationalAction::ref, OA_REFS))
        .map(oa -> sheet(oa, byNumber.get(oa.strategicGoal()), link.apply(oa.ref())))
        .collect(Collectors.joining("\n---\n\n"));
  }

  /** One OA sheet; {@code goal} may be null when the version has no such goal. */
  public static String sheet(OperationalAction oa, StrategicGoal goal, String link) {
    StringBuilder sheet = new StringBuilder();
    sheet.append("##### OA ").append(cell(oa.ref())).append(" ").append(cell(oa.title())).append("\n");
    sheet.append("**Strategic goal:** ").append(goal == null ? "SG " + oa.strategicGoal()
        : "SG " + goal.number() + " " + cell(goal.title())).append("  \n");
    sheet.append("**Action Leaders:** ").append(actors(oa.actionLeaders())).append("  \n");
    sheet.append("**Co-Action Leaders:** ").append(actors(oa.coActionLeaders())).append("  \n");
    sheet.append("**Participants:** ").append(actors(oa.participants())).append("  \n");
    if (!oa.types().isEmpty()) {
      sheet.append("**Types:** ").append(cell(String.join(", ", oa.types()))).append("  \n");
    }
    if (oa.target() != null && !oa.target().isBlank()) {
      sheet.append("**Target:** ").append(cell(oa.target())).append("  \n");
    }
    if (!oa.linksToOtherOaps().isEmpty()) {
      sheet.append("**Links to other OAPs:** ").append(cell(String.join("; ", oa.linksToOtherOaps()))).append("  \n");
    }
    if (link != null) {
      sheet.append(link("The sheet in the OAP workspace", link)).append("\n");
    }
    sheet.append("\n").append(activities(oa.activities())).append("\n").append(kpis(oa.kpis()));
    return sheet.toString();
  }

  /** The activities with their timing as written. */
  public static String activities(List<Activity> activities) {
    if (activities.isEmpty()) {
      return "*No activities.*\n";
    }
    return table(List.of("#", "Activity", "Timing"), IntStream.range(0, activities.size()).mapToObj(i ->
        List.of(String.valueOf(i + 1), activities.get(i).description(), orNone(activities.get(i).timing()))).toList());
  }

  /** The KPIs with their targets. */
  public static String kpis(List<Kpi> kpis) {
    if (kpis.isEmpty()) {
      return "*No KPIs.*\n";
    }
    return table(List.of("KPI", "Indicator", "Target"), kpis.stream()
        .map(kpi -> List.of(orNone(kpi.code()), orNone(kpi.indicator()), orNone(kpi.target()))).toList());
  }

  /** The KPIs with their targets and the values reported, by KPI code (a KPI without a value shows a dash). */
  public static String kpiValues(List<Kpi> kpis, Map<String, String> values) {
    List<List<String>> rows = new ArrayList<>();
    kpis.forEach(kpi -> rows.add(List.of(orNone(kpi.code()), orNone(kpi.indicator()), orNone(kpi.target()),
        orNone(values.get(kpi.code())))));
    values.forEach((code, value) -> {
      if (kpis.stream().noneMatch(kpi -> code.equals(kpi.code()))) {
        rows.add(List.of(code, NONE, NONE, orNone(value)));
      }
    });
    return rows.isEmpty() ? "*No KPIs.*\n" : table(List.of("KPI", "Indicator", "Target", "Value"), rows);
  }

  private static String orNone(String text) {
    return text == null || text.isBlank() ? NONE : text;
  }

  private static int compareRefs(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order = part(left[i], right[i]);
      if (order != 0) {
        return order;
      }
    }
    return left.length != right.length ? Integer.compare(left.length, right.length) : a.compareTo(b);
  }

  private static int part(String a, String b) {
    String digitsA = a.replaceAll("\\D.*", "");
    String digitsB = b.replaceAll("\\D.*", "");
    if (!digitsA.isEmpty() && !digitsB.isEmpty() && digitsA.length() < 10 && digitsB.length() < 10) {
      int order = Integer.compare(Integer.parseInt(digitsA), Integer.parseInt(digitsB));
      if (order != 0) {
        return order;
      }
    }
    return a.compareTo(b);
  }
}
