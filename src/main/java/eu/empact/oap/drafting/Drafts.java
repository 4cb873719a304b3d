package eu.empact.oap.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.registry.InvalidOapDocumentException;
import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.OperationalActionType;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.registry.RegistryViews.ActivityView;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.registry.RegistryViews.ReadingNote;
import eu.empact.oap.registry.VersionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * Drafting an OAP on screen: each save changes one part of the current draft (a strategic goal, an
 * OA sheet, their order) and writes the whole draft again through the registry's own checks, as
 * {@code PUT /api/oaps/{id}} does ({@link OapDocumentReader}, {@link OapRegistry#replaceDraft}): a
 * save the registry refuses writes nothing and comes back with every problem next to its field.
 * Only while the version is a draft and the Driver's draft task is open. A save holds the OAP from
 * reading the draft to writing it, so saves at the same moment run one after the other, each on
 * what the one before saved.
 */
@Service
class Drafts {

  private final OapRegistry registry;
  private final OapDocumentReader reader;
  private final ObjectMapper json;
  private final DraftTasks draftTasks;

  Drafts(OapRegistry registry, OapDocumentReader reader, ObjectMapper json, DraftTasks draftTasks) {
    this.registry = registry;
    this.reader = reader;
    this.json = json;
    this.draftTasks = draftTasks;
  }

  /** What a save did: saved (what, and where on the page), or refused with what the page shows. */
  record Outcome(String saved, String anchor, Refusal refusal) {
    static Outcome saved(String what, String anchor) {
      return new Outcome(what, anchor, null);
    }

    static Outcome refused(Refusal refusal) {
      return new Outcome(null, refusal.anchor(), refusal);
    }
  }

  /**
   * A save that wrote nothing: the section as it was sent with its messages (a goal or a sheet), or
   * a message of the page (a read-only draft); 400 for what the checks refuse, 409 for a draft that
   * cannot change.
   */
  record Refusal(HttpStatus status, String anchor, GoalForm goal, SheetForm sheet, String message) {}

  /** The page: the draft as stored, with a refused section as it was sent; read-only says why, or is null. */
  record Page(OapSummary oap, String readOnly, List<GoalForm> goals, List<SheetForm> sheets, GoalForm newGoal,
              SheetForm newSheet, List<String> types, String message, String refusedAt) {}

  Page page(long oapId, Refusal refusal) {
    OapSummary oap = registry.summary(oapId);
    OapDocument document = registry.export(oapId);
    List<GoalForm> goals = document.strategicGoals().stream().map(GoalForm::of)
        .map(goal -> refusal != null && refusal.goal() != null && refusal.goal().key().equals(goal.key())
            ? refusal.goal() : goal).toList();
    List<ReadingNote> readings = registry.readingNotes(oapId);
    List<ActivityView> flagged = registry.flaggedActivities(oapId);
    List<SheetForm> sheets = document.operationalActions().stream()
        .map(oa -> noted(SheetForm.of(oa), readings, flagged))
        .map(sheet -> refusal != null && refusal.sheet() != null && refusal.sheet().key().equals(sheet.key())
            ? refusal.sheet() : sheet).toList();
    int nextGoal = document.strategicGoals().stream().mapToInt(StrategicGoal::number).max().orElse(0) + 1;
    GoalForm newGoal = refusal != null && refusal.goal() != null && refusal.goal().key().equals(SheetForm.NEW)
        ? refusal.goal() : GoalForm.empty(nextGoal);
    SheetForm newSheet = refusal != null && refusal.sheet() != null && refusal.sheet().key().equals(SheetForm.NEW)
        ? refusal.sheet() : SheetForm.empty(goals.isEmpty() ? "1" : goals.get(0).key());
    return new Page(oap, readOnly(oap).orElse(null), goals, sheets, newGoal, newSheet, OperationalActionType.labels(),
        refusal == null ? null : message(refusal), refusal == null ? null : refusal.anchor());
  }

  /** What the top of the page says of a refusal: its own message, or where its problems are shown. */
  private static String message(Refusal refusal) {
    if (refusal.message() != null) {
      return refusal.message();
    }
    Messages messages = refusal.goal() != null ? refusal.goal().messages() : refusal.sheet().messages();
    String part;
    if (refusal.goal() != null) {
      part = SheetForm.NEW.equals(refusal.goal().key()) ? "The new strategic goal"
          : "Strategic goal " + refusal.goal().key();
    } else {
      part = SheetForm.NEW.equals(refusal.sheet().key()) ? "The new OA sheet" : "OA " + refusal.sheet().key();
    }
    int problems = messages.all().size();
    return part + " was not saved, nothing was written: " + problems
        + (problems == 1 ? " problem, shown next to its field below." : " problems, shown next to their fields below.");
  }

  /** Why the draft cannot be edited on the page now; empty while it can. */
  Optional<String> readOnly(OapSummary oap) {
    if (oap.status() != VersionStatus.DRAFT) {
      return Optional.of("OAP " + oap.displayName() + " REV " + oap.revision() + " is " + oap.status()
          + (oap.status() == VersionStatus.ADOPTED ? ": an adopted version never changes." : ": it is read-only; "
          + "only a draft is edited here."));
    }
    if (!draftTasks.open(oap.id())) {
      return Optional.of("The draft is read-only: it can be edited here only while the Driver's draft task is "
          + "open in Tasklist (it was submitted, or no adoption cycle is running for this OAP).");
    }
    return Optional.empty();
  }

  @Transactional
  Outcome saveGoal(long oapId, String key, MultiValueMap<String, String> form, String user) {
    registry.holdForChange(oapId);
    OapDocument document = registry.export(oapId);
    List<StrategicGoal> goals = new ArrayList<>(document.strategicGoals());
    int index = SheetForm.NEW.equals(key) ? goals.size() : indexOf(goals, g -> String.valueOf(g.number()), key);
    GoalForm sent = GoalForm.sent(key, form);
    Integer number = wholeNumber(sent.number());
    if (number == null) {
      return Outcome.refused(new Refusal(HttpStatus.BAD_REQUEST, sent.anchor(), sent.with(Messages.none()
          .field("number", "Number: must be a whole number (1, 2 ...)")), null, null));
    }
    if (SheetForm.NEW.equals(key)) {
      goals.add(sent.goal(number));
    } else {
      goals.set(index, sent.goal(number));
    }
    try {
      write(oapId, with(document, goals, document.operationalActions()), user);
    } catch (InvalidOapDocumentException e) {
      return Outcome.refused(new Refusal(HttpStatus.BAD_REQUEST, sent.anchor(),
          sent.with(FieldLabels.ofGoal(e.problems(), index)), null, null));
    }
    return Outcome.saved("Strategic goal " + number + " saved.", "goal-" + number);
  }

  @Transactional
  Outcome saveSheet(long oapId, String key, MultiValueMap<String, String> form, String action, String user) {
    registry.holdForChange(oapId);
    OapDocument document = registry.export(oapId);
    List<OperationalAction> actions = new ArrayList<>(document.operationalActions());
    boolean added = SheetForm.NEW.equals(key);
    int index = added ? -1 : indexOf(actions, OperationalAction::ref, key);
    SheetForm sent = SheetForm.sent(key, form, action);
    Integer goal = wholeNumber(sent.strategicGoal());
    if (goal == null) {
      return Outcome.refused(new Refusal(HttpStatus.BAD_REQUEST, sent.anchor(), null, sent.with(Messages.none()
          .field("strategicGoal", "Strategic goal: must be the number of one of the OAP's strategic goals")), null));
    }
    OperationalAction written = sent.action(goal, added ? null : actions.get(index));
    if (added) {
      index = afterLastOfGoal(actions, goal);
      actions.add(index, written);
    } else {
      actions.set(index, written);
    }
    try {
      write(oapId, with(document, document.strategicGoals(), actions), user);
    } catch (InvalidOapDocumentException e) {
      return Outcome.refused(new Refusal(HttpStatus.BAD_REQUEST, sent.anchor(), null,
          sent.with(FieldLabels.ofSheet(e.problems(), index, written.ref())), null));
    }
    return Outcome.saved("OA " + written.ref() + (added ? " added." : " saved."), "oa-" + written.ref());
  }

  /** Moves a strategic goal up or down, or removes it. */
  @Transactional
  Outcome changeGoal(long oapId, String key, String operation, String user) {
    registry.holdForChange(oapId);
    OapDocument document = registry.export(oapId);
    List<StrategicGoal> goals = document.strategicGoals();
    int index = indexOf(goals, g -> String.valueOf(g.number()), key);
    List<StrategicGoal> changed = SheetForm.Lists.change(goals, operation, index);
    try {
      write(oapId, with(document, changed, document.operationalActions()), user);
    } catch (InvalidOapDocumentException e) {
      return Outcome.refused(new Refusal(HttpStatus.BAD_REQUEST, "goal-" + key,
          GoalForm.of(goals.get(index)).with(FieldLabels.ofSection(e.problems())), null, null));
    }
    return Outcome.saved("Strategic goal " + key + (operation.equals("remove") ? " removed." : " moved."),
        operation.equals("remove") ? "goals" : "goal-" + key);
  }

  /** Moves an OA sheet up or down, or removes it. */
  @Transactional
  Outcome changeSheet(long oapId, String key, String operation, String user) {
    registry.holdForChange(oapId);
    OapDocument document = registry.export(oapId);
    List<OperationalAction> actions = document.operationalActions();
    int index = indexOf(actions, OperationalAction::ref, key);
    List<OperationalAction> changed = SheetForm.Lists.change(actions, operation, index);
    try {
      write(oapId, with(document, document.strategicGoals(), changed), user);
    } catch (InvalidOapDocumentException e) {
      SheetForm sheet = SheetForm.of(actions.get(index));
      return Outcome.refused(new Refusal(HttpStatus.BAD_REQUEST, sheet.anchor(), null,
          sheet.with(FieldLabels.ofSection(e.problems())), null));
    }
    return Outcome.saved("OA " + key + (operation.equals("remove") ? " removed." : " moved."),
        operation.equals("remove") ? "sheets" : "oa-" + key);
  }

  /** Writes the draft through the registry's checks, as {@code PUT /api/oaps/{id}} does. */
  private void write(long oapId, OapDocument document, String user) {
    OapSummary oap = registry.summary(oapId);
    readOnly(oap).ifPresent(reason -> {
      throw new RegistryConflictException(reason + " Nothing was saved.");
    });
    String body;
    try {
      body = json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the draft of OAP " + oapId + " cannot be written as JSON", e);
    }
    registry.replaceDraft(oapId, reader.read(body, oap), user);
  }

  /** Adds the registry's notes on what it read (actor cells, flagged timings) next to the sheet's fields. */
  private static SheetForm noted(SheetForm sheet, List<ReadingNote> readings, List<ActivityView> flagged) {
    Messages notes = Messages.none();
    readings.stream().filter(note -> sheet.key().equals(note.oaRef())).forEach(note -> FieldLabels.note(notes,
        note.path(), "'" + note.written() + "' " + note.status().name().toLowerCase(Locale.ROOT) + ": " + note.note()));
    List<SheetForm.ActivityRow> activities = new ArrayList<>(sheet.activities());
    flagged.stream().filter(a -> sheet.key().equals(a.oaRef()) && a.number() <= activities.size()).forEach(a -> {
      SheetForm.ActivityRow row = activities.get(a.number() - 1);
      activities.set(a.number() - 1, new SheetForm.ActivityRow(row.description(), row.timing(),
          List.of("Timing " + a.timing().status().name().toLowerCase(Locale.ROOT) + ": " + a.timing().note())));
    });
    return sheet.noted(notes, activities);
  }

  private static OapDocument with(OapDocument document, List<StrategicGoal> goals, List<OperationalAction> actions) {
    return new OapDocument(document.priority(), document.period(), document.title(), document.driver(),
        document.coDrivers(), document.classification(), document.councilDocument(), goals, actions);
  }

  private static <T> int indexOf(List<T> list, Function<T, String> key, String wanted) {
    for (int i = 0; i < list.size(); i++) {
      if (key.apply(list.get(i)).equals(wanted)) {
        return i;
      }
    }
    throw new RegistryConflictException("'" + wanted + "' is no longer in the draft: it was changed meanwhile. "
        + "The page shows the draft as it is now; nothing was saved.");
  }

  /** Where a new OA of the goal goes: after the goal's last OA, or after the OAs of the goals before it. */
  private static int afterLastOfGoal(List<OperationalAction> actions, int goal) {
    int at = 0;
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).strategicGoal() <= goal) {
        at = i + 1;
      }
    }
    return at;
  }

  private static Integer wholeNumber(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
