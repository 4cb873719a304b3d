package eu.empact.oap.workspace;

import eu.empact.oap.exclusion.Escalation;
import eu.empact.oap.exclusion.Escalations;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Period;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.registry.RegistryViews.VersionEvent;
import eu.empact.oap.registry.RegistryViews.VersionView;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.ReportingRound;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.reporting.RoundStage;
import eu.empact.oap.workspace.OapTasks.OpenTask;
import eu.empact.oap.workspace.TimelinePicture.Item;
import eu.empact.oap.workspace.TimelinePicture.Lane;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The cycle of an OAP on one timeline: its versions and the steps of their adoption (as recorded on
 * each version), its reporting rounds (collection from opening to deadline, and their stage), the
 * deadlines of its open tasks, its escalations, and today. The same as a picture and as a table.
 */
@Component
class CycleTimeline {

  /** Events recorded on a version that the timeline leaves to the version's history (one per OA or actor). */
  private static final Set<String> DETAIL_EVENTS = Set.of("EDITED", "LEADERS_ASSIGNED", "CONTENT_FROZEN",
      "CONTENT_RELEASED", "LEADERSHIP_ACCEPTED", "PARTICIPATION_CONFIRMED", "MANAGEMENT_ASSIGNED");

  private final OapRegistry registry;
  private final ReportingRounds rounds;
  private final Escalations escalations;
  private final Clock clock;

  CycleTimeline(OapRegistry registry, ReportingRounds rounds, Escalations escalations, Clock clock) {
    this.registry = registry;
    this.rounds = rounds;
    this.escalations = escalations;
    this.clock = clock;
  }

  /** A row of the timeline's table. */
  record Event(LocalDate day, String lane, String what, String who) {}

  /** The picture, the same as rows by day, and where the cycle stands today. */
  record Cycle(TimelinePicture.Picture picture, List<Event> events, String standsNow) {}

  /**
   * The OAP's timeline with the deadlines of these open tasks (the user's own, or all of them for
   * the OAP's managers) and, for those who read them, its escalations.
   */
  Cycle of(long oapId, List<OpenTask> openTasks, boolean withEscalations) {
    OapSummary oap = registry.summary(oapId);
    Period period = Period.parse(oap.period());
    Instant now = clock.instant();
    LocalDate today = day(now);
    List<Event> events = new ArrayList<>();

    List<VersionView> versions = registry.versions(oapId);
    List<Item> adoption = new ArrayList<>();
    List<Item> revisions = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      VersionView version = versions.get(i);
      LocalDate created = day(version.createdAt());
      LocalDate until = i + 1 < versions.size() ? day(versions.get(i + 1).createdAt()) : today;
      revisions.add(new Item("REV " + version.revision() + " " + words(version.status().name()), created,
          until.isAfter(created) ? until : created, "version", "REV " + version.revision() + ": " + version.title()));
      for (VersionEvent event : version.history()) {
        if (DETAIL_EVENTS.contains(event.event())) {
          continue;
        }
        String what = "REV " + version.revision() + ": " + step(event);
        adoption.add(Item.point(what, day(event.at()), "step", what + " (" + event.user() + ")"));
        events.add(new Event(day(event.at()), "Adoption", what + (event.comment() == null ? "" : ": "
            + event.comment()), event.user()));
      }
    }

    List<Item> reporting = new ArrayList<>();
    List<ReportingRound> plan = rounds.plan(oapId);
    for (ReportingRound round : plan) {
      String what = "Round " + round.number() + " " + words(round.stage().name());
      reporting.add(new Item(what, round.opens(), round.deadline(),
          round.stage() == RoundStage.NOT_HELD ? "not-held" : round.stage() == RoundStage.NOTED ? "noted" : "round",
          what + ": " + round.covers() + ", reports " + round.opens() + " to " + round.deadline()));
      events.add(new Event(round.deadline(), "Reporting", "round " + round.number() + " (" + round.covers()
          + ") collected by " + round.deadline() + ": " + words(round.stage().name()), null));
    }

    Map<LocalDate, List<OpenTask>> byDay = new TreeMap<>();
    openTasks.stream().filter(task -> task.due() != null)
        .forEach(task -> byDay.computeIfAbsent(day(task.due()), d -> new ArrayList<>()).add(task));
    List<Item> deadlines = new ArrayList<>();
    byDay.forEach((day, due) -> {
      String what = due.size() == 1 ? shortened(due.get(0).name()) : due.size() + " tasks due";
      deadlines.add(Item.point(what, day, day.isBefore(today) ? "overdue" : "deadline",
          String.join("; ", due.stream().map(OpenTask::name).toList())));
      due.forEach(task -> events.add(new Event(day, "Deadline", task.name() + (day.isBefore(today) ? " (overdue)" : ""),
          task.waitsOn())));
    });

    List<Lane> lanes = new ArrayList<>(List.of(new Lane("Versions", revisions), new Lane("Adoption", adoption),
        new Lane("Reporting rounds", reporting), new Lane("Deadlines", deadlines)));
    if (withEscalations) {
      List<Item> escalated = new ArrayList<>();
      for (Escalation escalation : escalations.of(oapId)) {
        LocalDate started = day(escalation.startedAt());
        LocalDate closed = escalation.closedAt() == null ? today : day(escalation.closedAt());
        String what = escalation.actor() + (escalation.outcome() == null ? " (running)"
            : " " + words(escalation.outcome().name()));
        escalated.add(new Item(what, started, closed.isAfter(started) ? closed : started, "escalation", what));
        events.add(new Event(started, "Escalation", "escalation of " + escalation.actor() + " started: "
            + escalation.reason(), escalation.startedBy()));
      }
      lanes.add(new Lane("Escalations", escalated));
    }
    events.sort(Comparator.comparing(Event::day));
    TimelinePicture.Picture picture = TimelinePicture.of(LocalDate.of(period.start(), 1, 1),
        LocalDate.of(period.end(), 12, 31), today, lanes);
    return new Cycle(picture, events, standsNow(oap, plan, openTasks, now));
  }

  private static String standsNow(OapSummary oap, List<ReportingRound> plan, List<OpenTask> open, Instant now) {
    StringBuilder text = new StringBuilder("REV " + oap.revision() + " is " + words(oap.status().name()));
    plan.stream().filter(round -> round.stage() != RoundStage.PLANNED && round.stage() != RoundStage.NOT_HELD
            && round.stage() != RoundStage.NOTED).forEach(round -> text.append("; round ").append(round.number())
        .append(" is at ").append(words(round.stage().name())));
    if (oap.status() == VersionStatus.ADOPTED) {
      plan.stream().filter(round -> round.stage() == RoundStage.PLANNED).findFirst().ifPresent(round ->
          text.append("; next round ").append(round.number()).append(" opens on ").append(round.opens()));
    }
    long overdue = open.stream().filter(task -> task.overdue(now)).count();
    text.append("; ").append(open.size()).append(open.size() == 1 ? " open task" : " open tasks");
    if (overdue > 0) {
      text.append(", ").append(overdue).append(" overdue");
    }
    return text.append('.').toString();
  }

  /** A step of the adoption in words: "submitted to COSI", "DRAFT_SUBMITTED" as "draft submitted". */
  private static String step(VersionEvent event) {
    return event.event().equals("STATUS_CHANGED") ? words(event.status().name()) : words(event.event());
  }

  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\bcosi\\b", "COSI")
        .replaceAll("\\bnec\\b", "NEC");
  }

  private static String shortened(String text) {
    return text.length() <= 48 ? text : text.substring(0, 47) + "…";
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
