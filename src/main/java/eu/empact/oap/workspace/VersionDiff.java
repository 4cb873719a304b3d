package eu.empact.oap.workspace;

import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The differences between two revisions of an OAP, as written, per part and field: the header,
 * each strategic goal (by number) and each OA (by ref). A text field that changed shows what it
 * was and what it is; a list (leaders, KPIs, activities ...) shows the entries taken out and the
 * entries put in, so that a long list with one new KPI shows that KPI only.
 */
final class VersionDiff {

  private VersionDiff() {}

  enum Kind { ADDED, REMOVED, CHANGED }

  /** A field that differs: the entries (one for a text field) only in the earlier and only in the later revision. */
  record Change(String field, List<String> removed, List<String> added) {}

  /** A strategic goal or OA that differs, with its anchor in the later (or, removed, the earlier) revision. */
  record Part(String anchor, String name, Kind kind, List<Change> changes) {}

  record Result(int from, int to, List<Change> header, List<Part> goals, List<Part> actions) {

    public boolean none() {
      return header.isEmpty() && goals.isEmpty() && actions.isEmpty();
    }
  }

  private record Field<T>(String label, Function<T, List<String>> entries) {}

  private static final List<Field<OapDocument>> HEADER = List.of(
      text("Title", OapDocument::title),
      text("Classification", OapDocument::classification),
      text("Council document", OapDocument::councilDocument),
      text("Aim of the priority", document -> document.priority().aim()),
      text("Driver", OapDocument::driver),
      new Field<>("Co-Drivers", OapDocument::coDrivers));

  private static final List<Field<StrategicGoal>> GOAL = List.of(
      text("Common horizontal strategic goal", StrategicGoal::chsg),
      text("Title", StrategicGoal::title),
      text("Objective", StrategicGoal::objective));

  private static final List<Field<OperationalAction>> ACTION = List.of(
      text("Strategic goal", oa -> "SG " + oa.strategicGoal()),
      text("Title", OperationalAction::title),
      text("Short title", OperationalAction::shortTitle),
      text("Description", OperationalAction::description),
      text("Target", OperationalAction::target),
      new Field<>("Action Leaders", OperationalAction::actionLeaders),
      new Field<>("Co-leaders", OperationalAction::coActionLeaders),
      new Field<>("Participants", OperationalAction::participants),
      new Field<>("Types", OperationalAction::types),
      new Field<>("KPIs", oa -> oa.kpis().stream().map(kpi -> (kpi.code() == null ? "" : kpi.code() + ": ")
          + kpi.indicator() + (kpi.target() == null ? "" : " (target: " + kpi.target() + ")")).toList()),
      new Field<>("Activities", oa -> oa.activities().stream()
          .map(activity -> activity.description() + " (timing: " + activity.timing() + ")").toList()),
      new Field<>("Links to other OAPs", OperationalAction::linksToOtherOaps),
      new Field<>("Joint action days", OperationalAction::jointActionDays),
      new Field<>("Cross-referenced goals", OperationalAction::crossReferencedGoals),
      new Field<>("Cross-referenced OAs", OperationalAction::crossReferencedActions),
      new Field<>("Footnotes", oa -> oa.footnotes().stream().map(note -> note.marker() + " " + note.text()).toList()));

  static Result between(int from, OapDocument earlier, int to, OapDocument later) {
    return new Result(from, to, changes(HEADER, earlier, later),
        parts(earlier.strategicGoals(), later.strategicGoals(), goal -> String.valueOf(goal.number()),
            goal -> "goal-" + goal.number(), goal -> "SG " + goal.number() + ": " + goal.title(), GOAL),
        parts(earlier.operationalActions(), later.operationalActions(), OperationalAction::ref,
            oa -> "oa-" + oa.ref(), oa -> "OA " + oa.ref() + ": " + oa.title(), ACTION));
  }

  /** The parts that differ, in the later revision's order; those taken out after them, in the earlier's. */
  private static <T> List<Part> parts(List<T> earlier, List<T> later, Function<T, String> key,
                                      Function<T, String> anchor, Function<T, String> name, List<Field<T>> fields) {
    Map<String, T> before = new LinkedHashMap<>();
    earlier.forEach(part -> before.put(key.apply(part), part));
    Map<String, T> after = new LinkedHashMap<>();
    later.forEach(part -> after.put(key.apply(part), part));
    List<Part> parts = new ArrayList<>();
    after.forEach((k, part) -> {
      T was = before.get(k);
      List<Change> changes = changes(fields, was, part);
      if (!changes.isEmpty()) {
        parts.add(new Part(anchor.apply(part), name.apply(part), was == null ? Kind.ADDED : Kind.CHANGED, changes));
      }
    });
    before.forEach((k, part) -> {
      if (!after.containsKey(k)) {
        parts.add(new Part(anchor.apply(part), name.apply(part), Kind.REMOVED, changes(fields, part, null)));
      }
    });
    return parts;
  }

  /** The fields that differ between two versions of a part; either may be null (added, removed). */
  private static <T> List<Change> changes(List<Field<T>> fields, T before, T after) {
    List<Change> changes = new ArrayList<>();
    for (Field<T> field : fields) {
      List<String> was = before == null ? List.of() : field.entries().apply(before);
      List<String> is = after == null ? List.of() : field.entries().apply(after);
      if (!was.equals(is)) {
        List<String> removed = was.stream().filter(entry -> !is.contains(entry)).toList();
        List<String> added = is.stream().filter(entry -> !was.contains(entry)).toList();
        // the same entries in another order
        changes.add(removed.isEmpty() && added.isEmpty() ? new Change(field.label() + " (order)", was, is)
            : new Change(field.label(), removed, added));
      }
    }
    return changes;
  }

  private static <T> Field<T> text(String label, Function<T, String> value) {
    return new Field<>(label, part -> Stream.of(value.apply(part)).filter(Objects::nonNull)
        .filter(text -> !text.isBlank()).toList());
  }
}
