package eu.empact.oap.workspace;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.ApiAccess;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapAccess;
import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.ActorReading;
import eu.empact.oap.registry.Participation;
import eu.empact.oap.registry.Reading;
import eu.empact.oap.registry.RegistryViews.ActionView;
import eu.empact.oap.registry.RegistryViews.ActorCell;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.registry.RegistryViews.VersionView;
import eu.empact.oap.registry.Tasking;
import eu.empact.oap.reporting.ReportingRound;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.reporting.RoundStage;
import eu.empact.oap.workspace.OapTasks.OpenTask;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The OAP workspace's pages about the plan itself: the OAPs a user reads, an OAP as a document (any
 * revision), the differences between two revisions, the NECs' answers as a matrix and the tasking
 * sheets. Each page reads as {@code /api} does and refuses what {@code /api} refuses
 * ({@link OapAccess}).
 */
@Controller
class OapPages {

  private final OapRegistry registry;
  private final ApiAccess access;
  private final OapAccess oapAccess;
  private final NecConsultation consultation;
  private final Tasking tasking;
  private final ActorDirectory actors;
  private final ReportingRounds rounds;
  private final OapTasks tasks;
  private final Clock clock;

  OapPages(OapRegistry registry, ApiAccess access, OapAccess oapAccess, NecConsultation consultation, Tasking tasking,
           ActorDirectory actors, ReportingRounds rounds, OapTasks tasks, Clock clock) {
    this.registry = registry;
    this.access = access;
    this.oapAccess = oapAccess;
    this.consultation = consultation;
    this.tasking = tasking;
    this.actors = actors;
    this.rounds = rounds;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** An OAP in the list: where it stands, its next deadline, and the user's own open tasks in it. */
  record OapRow(OapSummary oap, Instant nextDeadline, String nextDeadlineWhat, List<OpenTask> myTasks, long late) {}

  @GetMapping("/oaps")
  String list(Authentication user, Model model) {
    access.requireEmpactRole(user);
    Instant now = clock.instant();
    List<OapRow> rows = registry.list().stream().filter(oap -> oapAccess.mayRead(user, oap.id())).map(oap -> {
      List<OpenTask> mine = tasks.mine(oap.id(), user.getName());
      boolean manages = oapAccess.manages(user, oap.id());
      List<OpenTask> visible = manages ? tasks.allUnnamed(oap.id()) : mine;
      Optional<OpenTask> nextTask = visible.stream().filter(task -> task.due() != null && !task.overdue(now))
          .min(Comparator.comparing(OpenTask::due));
      Optional<ReportingRound> nextRound = rounds.rounds(oap.id()).stream()
          .filter(round -> round.stage() != RoundStage.NOT_HELD && round.stage() != RoundStage.NOTED)
          .filter(round -> !round.deadline().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))).findFirst();
      Instant roundDeadline = nextRound.map(round -> endOfDay(round.deadline())).orElse(null);
      boolean taskFirst = nextTask.isPresent()
          && (roundDeadline == null || !nextTask.get().due().isAfter(roundDeadline));
      long late = manages ? visible.stream().filter(task -> task.overdue(now)).count() : 0;
      return taskFirst ? new OapRow(oap, nextTask.get().due(), nextTask.get().name(), mine, late)
          : new OapRow(oap, roundDeadline, nextRound.map(round -> "reports of round " + round.number() + " ("
              + round.covers() + ")").orElse(null), mine, late);
    }).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("now", now);
    return "workspace/list";
  }

  /** An OA sheet: the OA as written, and as the registry resolved it (actors read, KPI codes, timings read). */
  record OaSheet(OperationalAction written, ActionView read) {

    /** The actor entries of one role ({@code LEADER}, {@code CO_LEADER}, {@code PARTICIPANT}), with what was read. */
    public List<ActorCell> cells(String role) {
      return read.actors().stream().filter(cell -> cell.role().name().equals(role)).toList();
    }

    /** What was read from an entry: actors by code, collective forms by their term. */
    public String readAs(ActorCell cell) {
      return cell.readings().stream().map(reading -> reading.actor() != null ? reading.actor() : reading.collective())
          .filter(Objects::nonNull).distinct().collect(Collectors.joining(", "));
    }

    /** The readings of an entry that a person should look at (not plainly read), with their notes. */
    public List<ActorReading> flagged(ActorCell cell) {
      return cell.readings().stream().filter(reading -> reading.status() != Reading.READ).toList();
    }

    /** How many actors take part through a collective form ("All MS": 27 Member States). */
    public Map<String, Long> viaCollective() {
      return read.participations().stream().filter(part -> part.viaCollective() != null)
          .collect(Collectors.groupingBy(Participation::viaCollective, TreeMap::new, Collectors.counting()));
    }
  }

  record GoalSection(StrategicGoal goal, List<OaSheet> actions) {}

  @GetMapping("/oaps/{id}")
  String document(@PathVariable long id, @RequestParam(required = false) Integer rev, Authentication user,
                  Model model) {
    oapAccess.requireRead(user, id);
    OapSummary oap = registry.summary(id);
    int revision = rev == null ? oap.revision() : rev;
    VersionView version = registry.version(id, revision);
    OapDocument document = registry.export(id, revision);
    Map<String, ActionView> read = registry.actions(id, revision).stream()
        .collect(Collectors.toMap(ActionView::ref, Function.identity()));
    List<GoalSection> goals = document.strategicGoals().stream().map(goal -> new GoalSection(goal,
        document.operationalActions().stream().filter(oa -> oa.strategicGoal() == goal.number())
            .map(oa -> new OaSheet(oa, read.get(oa.ref()))).toList())).toList();
    model.addAttribute("oap", oap);
    model.addAttribute("version", version);
    model.addAttribute("versions", registry.versions(id));
    model.addAttribute("document", document);
    model.addAttribute("goals", goals);
    return page(model, id, user, "document", "workspace/oap");
  }

  @GetMapping("/oaps/{id}/diff")
  String diff(@PathVariable long id, @RequestParam(required = false) Integer from,
              @RequestParam(required = false) Integer to, Authentication user, Model model) {
    oapAccess.requireRead(user, id);
    OapSummary oap = registry.summary(id);
    int later = to == null ? oap.revision() : to;
    int earlier = from == null ? Math.max(0, later - 1) : from;
    model.addAttribute("oap", oap);
    model.addAttribute("versions", registry.versions(id));
    model.addAttribute("diff", VersionDiff.between(earlier, registry.export(id, earlier), later,
        registry.export(id, later)));
    return page(model, id, user, "diff", "workspace/diff");
  }

  /** A Member State's row of the matrix: its answer (or none yet), and per OA of the version whether it joins. */
  record AnswerRow(Actor memberState, NecConsultation.Answer answer, List<Boolean> joins) {}

  @GetMapping("/oaps/{id}/nec-answers")
  String necAnswers(@PathVariable long id, @RequestParam(required = false) Integer rev, Authentication user,
                    Model model) {
    Predicate<String> readable = oapAccess.necAnswersReadable(user, id);
    OapSummary oap = registry.summary(id);
    List<VersionView> versions = registry.versions(id);
    int revision = rev != null ? rev : versions.stream().map(VersionView::revision)
        .sorted(Comparator.reverseOrder()).filter(r -> !consultation.answers(id, r).isEmpty()).findFirst()
        .orElse(oap.revision());
    Map<String, NecConsultation.Answer> answers = consultation.answers(id, revision).stream()
        .collect(Collectors.toMap(NecConsultation.Answer::memberState, Function.identity()));
    List<String> refs = registry.export(id, revision).operationalActions().stream().map(OperationalAction::ref)
        .toList();
    List<AnswerRow> rows = actors.all().stream().filter(Actor::isMemberState)
        .filter(state -> readable.test(state.code())).map(state -> {
          NecConsultation.Answer answer = answers.get(state.code());
          return new AnswerRow(state, answer, refs.stream()
              .map(ref -> answer != null && answer.participatesIn().contains(ref)).toList());
        }).toList();
    List<Long> joining = refs.stream().map(ref -> rows.stream()
        .filter(row -> row.answer() != null && row.answer().participatesIn().contains(ref)).count()).toList();
    model.addAttribute("oap", oap);
    model.addAttribute("versions", versions);
    model.addAttribute("revision", revision);
    model.addAttribute("refs", refs);
    model.addAttribute("rows", rows);
    model.addAttribute("joining", joining);
    model.addAttribute("answered", rows.stream().filter(row -> row.answer() != null
        && row.answer().status() == NecConsultation.Status.ANSWERED).count());
    return page(model, id, user, "nec-answers", "workspace/nec-answers");
  }

  @GetMapping("/oaps/{id}/tasking")
  String tasking(@PathVariable long id, Authentication user, Model model) {
    oapAccess.requireRead(user, id);
    List<Tasking.Sheet> sheets = tasking.participatingActors(id).stream()
        .filter(actor -> oapAccess.mayReadActor(user, id, actor)).map(actor -> tasking.sheet(id, actor)).toList();
    model.addAttribute("oap", registry.summary(id));
    model.addAttribute("sheets", sheets);
    return page(model, id, user, "tasking", "workspace/tasking");
  }

  /** The OAP's pages that the user may open, for the navigation of every page of an OAP. */
  private String page(Model model, long id, Authentication user, String current, String view) {
    model.addAttribute("nav", WorkspaceNavigation.of(id, current, oapAccess.manages(user, id), user));
    return view;
  }

  static Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
  }
}
