package eu.empact.oap.benchmark;

import static eu.empact.oap.exclusion.ExclusionProcess.DECISION;
import static eu.empact.oap.exclusion.ExclusionProcess.EXHORTATION_TEXT;
import static eu.empact.oap.exclusion.ExclusionProcess.NEW_LEADER;
import static eu.empact.oap.exclusion.ExclusionProcess.TASK_ASSESS;
import static eu.empact.oap.exclusion.ExclusionProcess.TASK_ASSIGN_NEW_LEADER;
import static eu.empact.oap.exclusion.ExclusionProcess.TASK_SEND_EXHORTATION;

import eu.empact.oap.reporting.ReportingRound;
import eu.empact.oap.support.CountedStatements;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * A two-year cycle of N OAPs as its people live it, through the REST API and the due jobs: each
 * adopted with its 14 leadership confirmations, 27 NEC answers and 14 tasking confirmations; four
 * reporting rounds of 26 OAs each up to COSI's note; the reminders that fall due on the way; and
 * one escalation (Italy misses a report of the first OAP's first round, is exhorted twice, and is
 * no longer participant). Then the same number of plain task completions and timer jobs.
 */
final class SimulatedCycle {

  /** How many of the cycle's most frequent statements {@code show-statements} prints. */
  private static final int SHOWN_STATEMENTS = 40;

  private final Bench bench;
  private final OapLifecycle oaps;
  private final Figures figures;
  private final boolean showStatements;

  SimulatedCycle(Bench bench, OapLifecycle oaps, Figures figures, boolean showStatements) {
    this.bench = bench;
    this.oaps = oaps;
    this.figures = figures;
    this.showStatements = showStatements;
  }

  void run(int count) {
    System.out.println("two-year cycle of " + count + " OAPs:");
    at(LocalDate.of(2023, 9, 1));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(oaps.importNew());
    }
    int completionsBefore = oaps.completions.get();
    int jobs = 0;
    if (showStatements) {
      CountedStatements.record();
    }
    CountedStatements.reset();
    long start = System.nanoTime();

    List<String> adoptions = ids.stream()
        .map(id -> oaps.startAdoption(id, LocalDate.of(2023, 11, 15), LocalDate.of(2023, 12, 15))).toList();
    jobs += at(LocalDate.of(2023, 9, 20));
    adoptions.forEach(oaps::draftAndLeadership);
    jobs += at(LocalDate.of(2023, 10, 20));
    adoptions.forEach(oaps::necAnswers);
    jobs += at(LocalDate.of(2023, 11, 16));
    adoptions.forEach(oaps::toCosi);
    jobs += at(LocalDate.of(2023, 12, 5));
    adoptions.forEach(instance -> oaps.adoptAndConfirm(instance, LocalDate.of(2023, 12, 5)));

    for (ReportingRound round : oaps.rounds(ids.get(0))) {
      jobs += at(round.opens());
      jobs += at(round.deadline().minusDays(7));
      for (long oapId : ids) {
        for (Task task : oaps.reportTasks(oapId, round.number())) {
          boolean missed = round.number() == 1 && oapId == ids.get(0) && OapLifecycle.oaRef(task).equals("2.4");
          if (!missed) {
            oaps.complete(bench.userFor(task), task, oaps.report(oapId, round.number(), task));
          }
        }
      }
      jobs += at(round.deadline().plusDays(1));
      oaps.roundsToCosi(ids, round);
      if (round.number() == 1) {
        jobs += escalation(ids.get(0));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long statements = CountedStatements.count();
    int completions = oaps.completions.get() - completionsBefore;
    if (showStatements) {
      show(CountedStatements.recorded());
      oaps.steps.print("the cycle");
    }

    double plainSeconds = plain(completions, jobs);
    long plainStatements = CountedStatements.count();
    figures.ours("cycle of " + count + " OAPs: task completions", completions);
    figures.ours("cycle of " + count + " OAPs: jobs executed (timers, reminders, asynchronous steps)", jobs);
    figures.compare("cycle of " + count + " OAPs: total seconds (plain: as many completions and timer jobs)",
        seconds, plainSeconds);
    figures.compare("cycle of " + count + " OAPs: SQL statements, every thread's (the benchmark's own reads too)",
        statements, plainStatements);
  }

  /** The cycle's most frequent statements, by text, with how often each ran. */
  private static void show(List<String> recorded) {
    Map<String, Long> counted = recorded.stream()
        .map(statement -> statement.substring(statement.indexOf(": ") + 2).replaceAll("\\s+", " "))
        .collect(Collectors.groupingBy(sql -> sql.length() > 160 ? sql.substring(0, 160) + "…" : sql,
            Collectors.counting()));
    System.out.println("  the cycle's " + SHOWN_STATEMENTS + " most frequent of " + recorded.size() + " statements:");
    counted.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(SHOWN_STATEMENTS)
        .forEach(entry -> System.out.printf("  %6d %s%n", entry.getValue(), entry.getKey()));
  }

  /** Italy is exhorted twice, answers neither, and the Driver confirms its exclusion; the jobs executed. */
  private int escalation(long oapId) {
    String instance = bench.bean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey("exclusion-" + oapId + "-IT").singleResult().getId();
    int jobs = bench.executeDueJobs();
    for (int exhortation = 1; exhortation <= 2; exhortation++) {
      Task send = bench.tasks(instance, TASK_SEND_EXHORTATION).get(0);
      String text = bench.get("driver", "/engine-rest/task/" + send.getId() + "/form-variables?variableNames="
          + EXHORTATION_TEXT).get(EXHORTATION_TEXT).get("value").asText();
      oaps.complete("driver", send, Map.of(EXHORTATION_TEXT, text));
      jobs += bench.executeDueJobs();
      Bench.clock(ClockUtil.getCurrentTime().toInstant().plusSeconds(15 * 24 * 3600));
      jobs += bench.executeDueJobs();
    }
    oaps.complete("driver", bench.tasks(instance, TASK_ASSESS).get(0), Map.of(DECISION, "exclude"));
    jobs += bench.executeDueJobs();
    oaps.complete("driver", bench.tasks(instance, TASK_ASSIGN_NEW_LEADER).get(0), Map.of(NEW_LEADER, "France"));
    return jobs;
  }

  /** As many plain task completions (through the REST API, one client) and plain timer jobs; the seconds. */
  private double plain(int completions, int jobs) {
    RuntimeService runtime = bench.bean(RuntimeService.class);
    TaskService tasks = bench.bean(TaskService.class);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int instances = (completions + PlainModels.TASKS_IN_A_ROW - 1) / PlainModels.TASKS_IN_A_ROW;
    String italy = bench.italysActionLeaderGroup();
    for (int i = 0; i < instances; i++) {
      runtime.startProcessInstanceByKey(PlainModels.TASKS, "cycle-" + i,
          Map.of("group", italy, "due", java.util.Date.from(now.plusSeconds(86400))));
    }
    PlainModels.startTimers(runtime, jobs, now);
    CountedStatements.reset();
    long start = System.nanoTime();
    int done = 0;
    while (done < completions) {
      for (Task task : tasks.createTaskQuery().processInstanceBusinessKeyLike("cycle-%").listPage(0, 500)) {
        if (done++ < completions) {
          bench.submit("al-it", task.getId(), Map.of());
        }
      }
    }
    bench.executeDueJobs(PlainModels.TIMER);
    return (System.nanoTime() - start) / 1e9;
  }

  /** Moves the clock to 9:00 on the day and executes what falls due; the jobs executed. */
  private int at(LocalDate day) {
    Bench.clock(day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600));
    return oaps.steps.measure("jobs due (timers, reminders, asynchronous steps)", bench::executeDueJobs);
  }
}
