package eu.empact.oap.drafting;

import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocument.Activity;
import eu.empact.oap.registry.OapDocument.Kpi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.util.MultiValueMap;

/**
 * An OA sheet as the drafting page shows and sends it: every text as written, each actor entry and
 * each link on a line of its own, the KPIs and activities as rows (the page adds an empty row to
 * fill; rows left empty are dropped). {@code key} is the ref the sheet had when the page was shown
 * ("new" for the form that adds a sheet), so that a changed ref still finds its sheet. The
 * cross-references and footnotes of older plans are kept as they are. {@code messages} are a
 * refused save's, next to their fields; {@code notes} the registry's on what it read from the
 * sheet (an actor entry it could not read for sure).
 */
public record SheetForm(String key, String ref, String strategicGoal, String title, String shortTitle,
                        String description, String target, String actionLeaders, String coActionLeaders,
                        String participants, List<String> types, List<KpiRow> kpis, List<ActivityRow> activities,
                        String linksToOtherOaps, String jointActionDays, Messages messages, Messages notes) {

  public static final String NEW = "new";
  private static final Pattern ROW_FIELD = Pattern.compile("(kpis|activities)\\[(\\d{1,4})]\\.(\\w+)");

  public record KpiRow(String code, String indicator, String target, List<String> notes) {
    boolean blank() {
      return Stream.of(code, indicator, target).allMatch(SheetForm::blank);
    }
  }

  public record ActivityRow(String description, String timing, List<String> notes) {
    boolean blank() {
      return SheetForm.blank(description) && SheetForm.blank(timing);
    }
  }

  /** The sheet of an OA as stored. */
  static SheetForm of(OapDocument.OperationalAction oa) {
    return new SheetForm(oa.ref(), oa.ref(), String.valueOf(oa.strategicGoal()), oa.title(), oa.shortTitle(),
        oa.description(), oa.target(), lines(oa.actionLeaders()), lines(oa.coActionLeaders()),
        lines(oa.participants()), oa.types(),
        oa.kpis().stream().map(k -> new KpiRow(k.code(), k.indicator(), k.target(), List.of())).toList(),
        oa.activities().stream().map(a -> new ActivityRow(a.description(), a.timing(), List.of())).toList(),
        lines(oa.linksToOtherOaps()), lines(oa.jointActionDays()), Messages.none(), Messages.none());
  }

  /** An empty sheet to add under a strategic goal. */
  static SheetForm empty(String strategicGoal) {
    return new SheetForm(NEW, "", strategicGoal, "", "", "", "", "", "", "", List.of(), List.of(), List.of(), "", "",
        Messages.none(), Messages.none());
  }

  /**
   * What the page sent, with a row moved up or removed where {@code action} says so
   * ({@code up-row:kpis:2}, {@code remove-row:activities:0}: rows numbered from 0 as the page shows
   * them); rows left empty are dropped after that.
   */
  static SheetForm sent(String key, MultiValueMap<String, String> form, String action) {
    String[] operation = action == null ? new String[0] : action.split("-row:|:", 3);
    List<KpiRow> kpis = changed(rows(form, "kpis").values().stream()
        .map(row -> new KpiRow(row.get("code"), row.get("indicator"), row.get("target"), List.of())).toList(),
        "kpis", operation).stream().filter(row -> !row.blank()).toList();
    List<ActivityRow> activities = changed(rows(form, "activities").values().stream()
        .map(row -> new ActivityRow(row.get("description"), row.get("timing"), List.of())).toList(),
        "activities", operation).stream().filter(row -> !row.blank()).toList();
    List<String> types = form.getOrDefault("types", List.of()).stream().filter(t -> !blank(t)).distinct().toList();
    return new SheetForm(key, text(form, "ref"), text(form, "strategicGoal"), text(form, "title"),
        text(form, "shortTitle"), text(form, "description"), text(form, "target"), text(form, "actionLeaders"),
        text(form, "coActionLeaders"), text(form, "participants"), types, kpis, activities,
        text(form, "linksToOtherOaps"), text(form, "jointActionDays"), Messages.none(), Messages.none());
  }

  /** The rows with the operation ({@code up}/{@code remove}, list, row number) applied if it is on this list. */
  private static <T> List<T> changed(List<T> rows, String list, String[] operation) {
    if (operation.length != 3 || !operation[1].equals(list) || !operation[2].matches("\\d{1,4}")) {
      return rows;
    }
    return Lists.change(rows, operation[0], Integer.parseInt(operation[2]));
  }

  /**
   * The OA this sheet writes, keeping what the page does not edit from the OA it replaces (none for
   * a new sheet). Blank optional texts are left out; a blank title is sent as written, for the
   * registry to refuse.
   */
  OapDocument.OperationalAction action(int strategicGoal, OapDocument.OperationalAction replaced) {
    return new OapDocument.OperationalAction(ref.strip(), strategicGoal, title.strip(), optional(shortTitle),
        optional(description), optional(target), entries(actionLeaders), entries(coActionLeaders),
        entries(participants), types,
        kpis.stream().map(k -> new Kpi(optional(k.code()), k.indicator() == null ? "" : k.indicator().strip(),
            optional(k.target()))).toList(),
        activities.stream().map(a -> new Activity(a.description() == null ? "" : a.description().strip(),
            optional(a.timing()))).toList(),
        entries(linksToOtherOaps), entries(jointActionDays),
        replaced == null ? List.of() : replaced.crossReferencedGoals(),
        replaced == null ? List.of() : replaced.crossReferencedActions(),
        replaced == null ? List.of() : replaced.footnotes());
  }

  SheetForm with(Messages messages) {
    return new SheetForm(key, ref, strategicGoal, title, shortTitle, description, target, actionLeaders,
        coActionLeaders, participants, types, kpis, activities, linksToOtherOaps, jointActionDays, messages, notes);
  }

  /** The same sheet with the registry's notes on what it read, and activities that carry theirs. */
  SheetForm noted(Messages notes, List<ActivityRow> activities) {
    return new SheetForm(key, ref, strategicGoal, title, shortTitle, description, target, actionLeaders,
        coActionLeaders, participants, types, kpis, activities, linksToOtherOaps, jointActionDays, messages, notes);
  }

  /** The rows to show: the sheet's, and an empty one of each to fill. */
  public List<KpiRow> kpiRows() {
    return Stream.concat(kpis.stream(), Stream.of(new KpiRow("", "", "", List.of()))).toList();
  }

  public List<ActivityRow> activityRows() {
    return Stream.concat(activities.stream(), Stream.of(new ActivityRow("", "", List.of()))).toList();
  }

  /** The page's anchor of the sheet, as the workspace names it: {@code oa-2.4}. */
  public String anchor() {
    return NEW.equals(key) ? "new-oa" : "oa-" + key;
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String lines(List<String> entries) {
    return String.join("\n", entries);
  }

  /** One entry per line; empty lines are dropped. */
  static List<String> entries(String lines) {
    return lines == null ? List.of() : Arrays.stream(lines.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
        .toList();
  }

  static String optional(String text) {
    return blank(text) ? null : text.strip();
  }

  static String text(MultiValueMap<String, String> form, String field) {
    String value = form.getFirst(field);
    return value == null ? "" : value;
  }

  /** {@code kpis[2].code} and the like, by row number in the order the page sent them. */
  private static Map<Integer, Map<String, String>> rows(MultiValueMap<String, String> form, String list) {
    Map<Integer, Map<String, String>> rows = new TreeMap<>();
    form.forEach((name, values) -> {
      Matcher field = ROW_FIELD.matcher(name);
      if (field.matches() && field.group(1).equals(list) && !values.isEmpty()) {
        rows.computeIfAbsent(Integer.parseInt(field.group(2)), i -> new HashMap<>())
            .put(field.group(3), values.get(0));
      }
    });
    return rows;
  }

  /** Row operations on a list. */
  static final class Lists {
    private Lists() {}

    static <T> List<T> change(List<T> list, String operation, int index) {
      if (index < 0 || index >= list.size()) {
        return list;
      }
      List<T> changed = new ArrayList<>(list);
      switch (operation) {
        case "remove" -> changed.remove(index);
        case "up" -> {
          if (index > 0) {
            changed.add(index - 1, changed.remove(index));
          }
        }
        case "down" -> {
          if (index < changed.size() - 1) {
            changed.add(index + 1, changed.remove(index));
          }
        }
        default -> {
          return list;
        }
      }
      return changed;
    }
  }
}
