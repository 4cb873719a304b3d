package eu.empact.oap.workspace;

import eu.empact.oap.exclusion.Commitment;
import eu.empact.oap.exclusion.Commitments;
import eu.empact.oap.exclusion.Escalation;
import eu.empact.oap.exclusion.Escalations;
import eu.empact.oap.registry.ApiAccess;
import eu.empact.oap.registry.OapAccess;
import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.reporting.RecordedReport;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.reporting.RoundRecord;
import eu.empact.oap.reporting.RoundRecords;
import eu.empact.oap.workspace.OapTasks.OpenTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The OAP workspace's pages about the cycle: a reporting round with every OA's report, the
 * escalations of the exclusion clause with the participation history, the OAP's processes
 * (finished ones too, which Community Cockpit does not show), the timeline of the cycle as a
 * picture, and the late view for the Driver and Co-Drivers.
 */
@Controller
class CyclePages {

  private final OapRegistry registry;
  private final ApiAccess access;
  private final OapAccess oapAccess;
  private final RoundRecords roundRecords;
  private final ReportingRounds rounds;
  private final Escalations escalations;
  private final Commitments commitments;
  private final ParticipationStatus participation;
  private final OapTasks tasks;
  private final CycleTimeline timeline;
  private final OapProcesses processes;
  private final Clock clock;

  CyclePages(OapRegistry registry, ApiAccess access, OapAccess oapAccess, RoundRecords roundRecords,
             ReportingRounds rounds, Escalations escalations, Commitments commitments,
             ParticipationStatus participation, OapTasks tasks, CycleTimeline timeline, OapProcesses processes,
             Clock clock) {
    this.registry = registry;
    this.access = access;
    this.oapAccess = oapAccess;
    this.roundRecords = roundRecords;
    this.rounds = rounds;
    this.escalations = escalations;
    this.commitments = commitments;
    this.participation = participation;
    this.tasks = tasks;
    this.timeline = timeline;
    this.processes = processes;
    this.clock = clock;
  }

  /** A KPI of an OA with the value the report gives it (null: none given, or no report). */
  record KpiLine(Kpi kpi, String value) {}

  /** An OA of the round: the OA as the version has it, its report (null: none yet), its KPIs with their values. */
  record ReportSheet(OperationalAction oa, RecordedReport report, RecordedReport addendum, List<KpiLine> kpis) {}

  record GoalReports(int number, String title, String assessment, List<ReportSheet> actions) {}

  @GetMapping("/oaps/{id}/rounds/{round}")
  String round(@PathVariable long id, @PathVariable int round, Authentication user, Model model) {
    oapAccess.requireRead(user, id);
    RoundRecord record = roundRecords.round(id, round);
    List<GoalReports> goals = record.goals().stream().map(goal -> new GoalReports(goal.number(), goal.title(),
        record.assessments().get(goal.number()), record.actions().stream()
            .filter(oa -> oa.strategicGoal() == goal.number()).map(oa -> {
              RecordedReport report = record.reports().get(oa.ref());
              return new ReportSheet(oa, report, record.addenda().get(oa.ref()), oa.kpis().stream()
                  .map(kpi -> new KpiLine(kpi, report == null ? null : report.kpiValues().get(kpi.code())))
                  .toList());
            }).toList())).toList();
    model.addAttribute("oap", registry.summary(id));
    model.addAttribute("record", record);
    model.addAttribute("goals", goals);
    model.addAttribute("history", rounds.history(id, round));
    model.addAttribute("reportDocument", "/api/oaps/" + id + "/rounds/" + round + "/report.pdf");
    model.addAttribute("factSheet", record.round().annualFactSheet()
        ? "/api/oaps/" + id + "/fact-sheets/" + record.round().coversTo().getYear() + ".pdf" : null);
    return page(model, id, user, "timeline", "workspace/round");
  }

  /** An escalation with its missed commitments and what happened in it. */
  record EscalationRecord(Escalation escalation, List<Commitment> commitments,
                          List<Escalations.EscalationEvent> history) {}

  /** An actor whose participation changed, or that was escalated: its status history. */
  record ActorHistory(String actor, List<ParticipationStatus.StatusChange> changes) {}

  @GetMapping("/oaps/{id}/escalations")
  String escalations(@PathVariable long id, Authentication user, Model model) {
    oapAccess.requireCanReadEscalations(user, id);
    List<EscalationRecord> records = escalations.of(id).stream().map(escalation -> new EscalationRecord(escalation,
        commitments.ofEscalation(escalation.id()), escalations.history(escalation.id()))).toList();
    TreeSet<String> actors = new TreeSet<>(participation.excludedActors(id));
    records.forEach(record -> actors.add(record.escalation().actor()));
    model.addAttribute("oap", registry.summary(id));
    model.addAttribute("escalations", records);
    model.addAttribute("participation", actors.stream()
        .map(actor -> new ActorHistory(actor, participation.history(id, actor))).toList());
    return page(model, id, user, "escalations", "workspace/escalations");
  }

  @GetMapping("/oaps/{id}/processes")
  String processes(@PathVariable long id, Authentication user, Model model) {
    oapAccess.requireRead(user, id);
    access.requireOneOf(user, "read the processes of OAP " + id, WorkspaceNavigation.processReaders());
    model.addAttribute("oap", registry.summary(id));
    model.addAttribute("processes", processes.of(id));
    return page(model, id, user, "processes", "workspace/processes");
  }

  @GetMapping("/oaps/{id}/timeline")
  String timeline(@PathVariable long id, Authentication user, Model model) {
    oapAccess.requireRead(user, id);
    boolean manages = oapAccess.manages(user, id);
    // the OAP's managers see every open task and the escalations; anyone else the deadlines of its own tasks
    CycleTimeline.Cycle cycle = timeline.of(id, manages ? tasks.all(id) : tasks.mine(id, user.getName()), manages);
    model.addAttribute("oap", registry.summary(id));
    model.addAttribute("cycle", cycle);
    model.addAttribute("plan", rounds.plan(id));
    return page(model, id, user, "timeline", "workspace/timeline");
  }

  /** Who is late in the OAP: its open tasks past their due date, by whom they wait on. */
  @GetMapping("/oaps/{id}/late")
  String late(@PathVariable long id, Authentication user, Model model) {
    oapAccess.requireRead(user, id);
    access.requireOneOf(user, "read who is late in OAP " + id, WorkspaceNavigation.lateViewReaders(id));
    Instant now = clock.instant();
    Map<String, List<OpenTask>> byActor = new LinkedHashMap<>();
    tasks.late(id, now).forEach(task ->
        byActor.computeIfAbsent(task.waitsOn(), who -> new ArrayList<>()).add(task));
    model.addAttribute("oap", registry.summary(id));
    model.addAttribute("late", byActor);
    model.addAttribute("now", now);
    return page(model, id, user, "late", "workspace/late");
  }

  private String page(Model model, long id, Authentication user, String current, String view) {
    model.addAttribute("nav", WorkspaceNavigation.of(id, current, oapAccess.manages(user, id), user));
    return view;
  }
}
