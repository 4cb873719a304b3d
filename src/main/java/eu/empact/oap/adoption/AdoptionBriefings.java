package eu.empact.oap.adoption;

import static eu.empact.oap.tasks.FormMarkdown.*;

import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.NecConsultation.Answer;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.RegistryViews.VersionEvent;
import eu.empact.oap.registry.Tasking;
import eu.empact.oap.tasks.FormMarkdown;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each form of the adoption shows its user to decide on, as Markdown: the OA sheets in
 * question, what the previous step said, and the links to the OAP workspace. Built from what the
 * registry recorded, never from what a form sent.
 */
final class AdoptionBriefings {

  /**
   * The version a task is about as the forms show it. It is shared by the tasks of the version
   * ({@link AdoptionTask#version}), so each set of OA sheets is rendered once: the 27 NEC tasks of
   * a version show the same sheets.
   */
  static final class Version {
    private final String name;
    private final String link;
    private final Function<String, String> oaLink;
    private final List<StrategicGoal> goals;
    private final List<OperationalAction> actions;
    private final Map<List<OperationalAction>, String> rendered = new ConcurrentHashMap<>();

    /**
     * @param name "Migrant smuggling 2024-2025 REV 1"
     * @param link the version in the workspace
     * @param oaLink an OA's sheet in the workspace, by ref
     */
    Version(String name, String link, Function<String, String> oaLink, List<StrategicGoal> goals,
            List<OperationalAction> actions) {
      this.name = name;
      this.link = link;
      this.oaLink = oaLink;
      this.goals = goals;
      this.actions = actions;
    }

    List<OperationalAction> actions() {
      return actions;
    }

    String title() {
      return "**OAP:** " + FormMarkdown.link(name, link) + "\n\n";
    }

    /** The sheets of these OAs of the version, rendered once per set of OAs. */
    String sheets(List<OperationalAction> which) {
      if (which.isEmpty()) {
        return "*None.*\n";
      }
      return rendered.computeIfAbsent(List.copyOf(which), oas -> FormMarkdown.sheets(goals, oas, oaLink));
    }
  }

  private AdoptionBriefings() {}

  /** An Action Leader: the sheets of the OAs it is asked to lead, and the Driver's notes. */
  static String leadership(Version version, String actor, VersionEvent driverNotes) {
    // co-leaders are leaders (ADR 0016): they confirm their part too
    List<OperationalAction> led = version.actions().stream().filter(oa -> oa.actionLeaders().contains(actor)
        || oa.coActionLeaders() != null && oa.coActionLeaders().contains(actor)).toList();
    return version.title() + said("The Driver's notes to the Action Leaders and the Support Unit", driverNotes)
        + "\n#### The operational actions " + cell(actor) + " is asked to lead or co-lead (" + led.size() + ")\n\n"
        + version.sheets(led);
  }

  /** The Support Unit: the Driver's notes, the Action Leaders' answers, and every OA sheet. */
  static String supportUnitReview(Version version, VersionEvent driverNotes, List<VersionEvent> leadership) {
    return version.title() + said("The Driver's notes to the Action Leaders and the Support Unit", driverNotes)
        + "\n**The Action Leaders' answers:** " + (leadership.isEmpty() ? "none recorded" : leadership.stream()
        .map(event -> cell(event.comment()) + " (" + (event.event().endsWith("ACCEPTED") ? "accepted" : "declined")
            + ")").collect(Collectors.joining("; "))) + "\n\n"
        + "#### The operational actions (" + version.actions().size() + ")\n\n" + version.sheets(version.actions());
  }

  /** An NEC: every OA with its goal, leaders, activities and KPIs, in the order of the refs. */
  static String necAnswer(Version version) {
    return version.title() + "#### The operational actions (" + version.actions().size() + ")\n\n"
        + version.sheets(version.actions());
  }

  /** The Support Unit at the NEC meeting: every NEC's answer. */
  static String necOutcome(Version version, String answersLink, List<Answer> answers) {
    long answered = answers.stream().filter(a -> a.status() == NecConsultation.Status.ANSWERED)
        .count();
    return version.title() + "#### The NECs' answers (" + answered + " of " + answers.size() + " answered)\n"
        + link("The answers as a matrix in the OAP workspace", answersLink) + "\n\n"
        + table(List.of("Member State", "Participates in", "Comments"), answers.stream().map(answer -> List.of(
            answer.memberState(),
            switch (answer.status()) {
              case NO_ANSWER -> "no answer";
              case AWAITED -> "awaited";
              case ANSWERED -> answer.participatesIn().isEmpty() ? "no OA" : "OA " + String.join(", ",
                  answer.participatesIn().stream().sorted(OA_REFS).toList());
            },
            answer.comment() == null ? "" : answer.comment())).toList());
  }

  /** The COSI secretariat: the NEC meeting's outcome, what changed since the earlier revision, every OA sheet. */
  static String cosiReview(Version version, VersionEvent necOutcome, String changesLink) {
    return version.title() + said("The NEC meeting's outcome", necOutcome)
        + (changesLink == null ? "" : "\n" + link("What changed since the previous revision", changesLink)
        + "\n") + "\n#### The operational actions (" + version.actions().size() + ")\n\n"
        + version.sheets(version.actions());
  }

  /** The COSI secretariat recording COSI's decision: the NEC outcome and its own review. */
  static String cosiDecision(Version version, VersionEvent necOutcome, VersionEvent secretariat) {
    return version.title() + said("The NEC meeting's outcome", necOutcome) + "\n"
        + said("The COSI secretariat's review", secretariat);
  }

  /** An actor's tasking: each OA it leads or joins, with its role and the sheet. */
  static String tasking(Version version, Tasking.Sheet sheet, String taskingLink) {
    // a participation the NEC did not state (no answer) is kept as the OAP says, and says so
    Map<String, String> roles = sheet.lines().stream().collect(Collectors.toMap(Tasking.Line::ref,
        line -> line.role().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + (line.notStated() ? " (not stated: your NEC gave no answer, kept as the OAP says)" : ""),
        (a, b) -> a + ", " + b));
    return version.title() + link("The tasking sheets in the OAP workspace", taskingLink) + "\n\n"
        + "#### Your tasking (" + roles.size() + " operational actions)\n\n"
        + table(List.of("OA", "Title", "Led by", "Your role"), sheet.lines().stream()
            .sorted(Comparator.comparing(Tasking.Line::ref, OA_REFS))
            .map(line -> List.of(line.ref(), line.title(), line.ledBy(), roles.get(line.ref()))).distinct().toList())
        + "\n" + version.sheets(version.actions().stream().filter(oa -> roles.containsKey(oa.ref())).toList());
  }

  /** What a step said: who, when, and the comments; or that it has not happened. */
  static String said(String what, VersionEvent event) {
    if (event == null) {
      return "**" + cell(what) + ":** none\n";
    }
    return FormMarkdown.said(what, event.user(), event.at(), event.event(), event.comment());
  }
}
