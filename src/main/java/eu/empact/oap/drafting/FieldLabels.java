package eu.empact.oap.drafting;

import eu.empact.oap.registry.Problem;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a problem of the registry ({@link Problem}: {@code $.operationalActions[OA 2.4].kpis[1].code})
 * lies on the drafting page: the field of the section it belongs to, named by its label as the page
 * shows it ("KPI 2, code"), or, for a problem elsewhere in the OAP, the place in words ("OA 3.1,
 * Strategic goal").
 */
final class FieldLabels {

  private static final Pattern ACTION = Pattern.compile("^\\$\\.operationalActions\\[(?:OA )?([^]]+)]");
  private static final Pattern GOAL = Pattern.compile("^\\$\\.strategicGoals\\[(\\d+)]");
  private static final Pattern ROW = Pattern.compile("^\\.(kpis|activities)\\[(\\d+)]\\.(\\w+)$");
  private static final Pattern ENTRY = Pattern.compile("^\\.(\\w+)(?:\\[(\\d+)])?$");
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("ref", "Ref"), Map.entry("strategicGoal", "Strategic goal"), Map.entry("title", "Title"),
      Map.entry("shortTitle", "Short title"), Map.entry("description", "Description"), Map.entry("target", "Target"),
      Map.entry("actionLeaders", "Action Leaders"), Map.entry("coActionLeaders", "Co-Action Leaders"),
      Map.entry("participants", "Participants"), Map.entry("types", "Types"),
      Map.entry("linksToOtherOaps", "Links to other OAPs"), Map.entry("jointActionDays", "Joint action days"),
      Map.entry("kpis.code", "code"), Map.entry("kpis.indicator", "indicator"), Map.entry("kpis.target", "target"),
      Map.entry("activities.description", "description"), Map.entry("activities.timing", "timing"),
      Map.entry("number", "Number"), Map.entry("chsg", "CHSG"), Map.entry("objective", "Objective"));

  private FieldLabels() {}

  /**
   * The problems on the page's fields of one OA sheet, the one at {@code index} in the document the
   * page sent (named by its index, or by its ref where the registry named it so); the others as
   * messages of the section.
   */
  static Messages ofSheet(List<Problem> problems, int index, String ref) {
    Messages messages = Messages.none();
    for (Problem problem : problems) {
      Matcher action = ACTION.matcher(problem.path());
      boolean here = action.find() && (action.group(0).equals("$.operationalActions[" + index + "]")
          || action.group(0).equals("$.operationalActions[OA " + ref + "]"));
      if (here) {
        field(messages, problem.path().substring(action.end()), problem.reason());
      } else {
        messages.section(place(problem.path()) + ": " + problem.reason());
      }
    }
    return messages;
  }

  /** The problems on the fields of the strategic goal at {@code index}; the others as messages of the section. */
  static Messages ofGoal(List<Problem> problems, int index) {
    Messages messages = Messages.none();
    for (Problem problem : problems) {
      Matcher goal = GOAL.matcher(problem.path());
      if (goal.find() && goal.group(1).equals(String.valueOf(index))) {
        field(messages, problem.path().substring(goal.end()), problem.reason());
      } else {
        messages.section(place(problem.path()) + ": " + problem.reason());
      }
    }
    return messages;
  }

  /** Every problem as a message of the section, its place in words (a move or a removal has no fields). */
  static Messages ofSection(List<Problem> problems) {
    Messages messages = Messages.none();
    problems.forEach(problem -> messages.section(place(problem.path()) + ": " + problem.reason()));
    return messages;
  }

  /** "OA 3.1, Strategic goal", "Strategic goal no. 2, Title", "KPI 2, code": a place in the OAP in words. */
  static String place(String path) {
    Matcher action = ACTION.matcher(path);
    if (action.find()) {
      String oa = action.group(0).contains("[OA ") ? "OA " + action.group(1)
          : "OA sheet no. " + (Integer.parseInt(action.group(1)) + 1);
      String rest = label(path.substring(action.end()));
      return rest == null ? oa : oa + ", " + rest;
    }
    Matcher goal = GOAL.matcher(path);
    if (goal.find()) {
      String rest = label(path.substring(goal.end()));
      String name = "Strategic goal no. " + (Integer.parseInt(goal.group(1)) + 1);
      return rest == null ? name : name + ", " + rest;
    }
    return switch (path) {
      case "$.strategicGoals" -> "Strategic goals";
      case "$.operationalActions" -> "OA sheets";
      case "$" -> "The OAP";
      default -> path;
    };
  }

  /** "Title", "KPI 2, code", "Action Leaders, line 2"; null for the section itself or what the page does not show. */
  static String label(String rest) {
    if (rest.isEmpty()) {
      return null;
    }
    Matcher row = ROW.matcher(rest);
    if (row.matches()) {
      return (row.group(1).equals("kpis") ? "KPI " : "Activity ") + (Integer.parseInt(row.group(2)) + 1) + ", "
          + LABELS.getOrDefault(row.group(1) + "." + row.group(3), row.group(3));
    }
    Matcher entry = ENTRY.matcher(rest);
    if (entry.matches() && LABELS.containsKey(entry.group(1))) {
      return LABELS.get(entry.group(1)) + (entry.group(2) == null || entry.group(1).equals("types") ? ""
          : ", line " + (Integer.parseInt(entry.group(2)) + 1));
    }
    return rest.substring(1);
  }

  /** A note of the registry on what it read from the sheet's field at {@code path}, next to that field. */
  static void note(Messages messages, String path, String note) {
    Matcher action = ACTION.matcher(path);
    if (action.find()) {
      field(messages, path.substring(action.end()), note);
    }
  }

  /** Puts a problem next to its field: {@code title}, {@code kpis[1].code}; an entry of a list next to the list. */
  private static void field(Messages messages, String rest, String reason) {
    String label = label(rest);
    Matcher row = ROW.matcher(rest);
    Matcher entry = ENTRY.matcher(rest);
    if (row.matches()) {
      messages.field(row.group(1) + "[" + row.group(2) + "]." + row.group(3), label + ": " + reason);
    } else if (entry.matches() && LABELS.containsKey(entry.group(1))) {
      messages.field(entry.group(1), label + ": " + reason);
    } else {
      messages.section((label == null ? "" : label + ": ") + reason);
    }
  }
}
