package eu.empact.oap.benchmark;

import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.support.CountedStatements;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completions per second and SQL statements per completion, ours (a "Report on OA", an NEC's
 * "State participation" and an Action Leader's "Confirm action leadership", each through its form)
 * beside a plain user task, with 1 and 2 clients; and the Tasklist filter "My group's
 * tasks" (sorted by due date, authorization on) per role; each at every volume of open tasks.
 */
final class CompletionFigures {

  static final Instant ADOPTION = Instant.parse("2023-12-05T10:00:00Z");
  static final Instant ROUND_OPENS = Instant.parse("2024-09-15T00:00:01Z");
  static final LocalDate NEC_MEETING = LocalDate.of(2030, 6, 1);
  static final List<String> ROLES = List.of("nec-fr", "al-it", "esu");
  static final int WARM_UP_CALLS = 50;
  /** Completions in each turn of ours and plain ({@link #alternately}). */
  static final int TURN = 8;

  private final Bench bench;
  private final OapLifecycle oaps;
  private final Figures figures;
  private final Deque<Runnable> reports = new ArrayDeque<>();
  private final Deque<Runnable> necAnswers = new ArrayDeque<>();
  private final Deque<Runnable> leaderships = new ArrayDeque<>();
  private final boolean showStatements;
  private int plainBatches;

  CompletionFigures(Bench bench, OapLifecycle oaps, Figures figures, boolean showStatements) {
    this.bench = bench;
    this.showStatements = showStatements;
    this.oaps = oaps;
    this.figures = figures;
  }

  void run(List<Integer> volumes, int perMeasure, int samples) {
    for (int volume : volumes) {
      System.out.println("open tasks " + volume + ":");
      String italy = bench.italysActionLeaderGroup();
      Kind reportKind = new Kind("reports/s", "\"Report on OA\"", reports(perMeasure), reports(perMeasure),
          plain(perMeasure, italy, "al-it"), plain(perMeasure, italy, "al-it"));
      Kind necKind = new Kind("NEC answers/s", "\"State participation\"", necAnswers(perMeasure),
          necAnswers(perMeasure), plain(perMeasure, "nec-FR", "nec-fr"), plain(perMeasure, "nec-FR", "nec-fr"));
      Kind leadershipKind = new Kind("leadership confirmations/s", "\"Confirm action leadership\"",
          leaderships(perMeasure), leaderships(perMeasure), plain(perMeasure, italy, "al-it"),
          plain(perMeasure, italy, "al-it"));
      long open = fill(volume);
      String at = String.format("%,d open tasks", open);
      for (String user : ROLES) {
        figures.ours("\"My group's tasks\" p95 ms, " + user + ", " + at, filterP95(user, samples));
      }
      measure(reportKind, at);
      measure(necKind, at);
      measure(leadershipKind, at);
    }
  }

  /** Completions of one kind of task, twice (1 and 2 clients), and as many plain ones beside each. */
  private record Kind(String rate, String task, List<Runnable> ours1, List<Runnable> ours2, List<Runnable> plain1,
                      List<Runnable> plain2) {}

  private void measure(Kind kind, String at) {
    List<Runnable> ours1 = kind.ours1();
    List<Runnable> plain1 = kind.plain1();
    if (showStatements) {
      show(kind.task() + " (claim + submit)", ours1.get(0));
      show("plain task (claim + complete)", plain1.get(0));
      ours1 = ours1.subList(1, ours1.size());
      plain1 = plain1.subList(1, plain1.size());
    }
    Turns one = alternately(ours1, plain1, 1);
    Turns two = alternately(kind.ours2(), kind.plain2(), 2);
    figures.compare(kind.rate() + ", 1 client, " + at, one.ours().perSecond(), one.plain().perSecond());
    figures.compare(kind.rate() + ", 2 clients, " + at, two.ours().perSecond(), two.plain().perSecond());
    figures.compare(kind.rate() + " refused or failed, 2 clients, " + at, two.ours().failed(), two.plain().failed());
    figures.compare("SQL statements per " + kind.task() + " (claim + submit), " + at, one.ours().statementsEach(),
        one.plain().statementsEach());
  }

  /** Report tasks of adopted OAPs' first round, opened as needed, each ready to be submitted. */
  private List<Runnable> reports(int count) {
    while (reports.size() < count) {
      Bench.clock(ADOPTION);
      long oapId = oaps.importNew();
      oaps.adoptAtOnce(oapId, LocalDate.of(2023, 12, 5));
      Bench.clock(ROUND_OPENS);
      bench.executeDueJobs();
      for (Task task : oaps.reportTasks(oapId, 1)) {
        String user = bench.userFor(task);
        Map<String, Object> report = oaps.report(oapId, 1, task);
        reports.add(() -> bench.submit(user, task.getId(), report));
      }
    }
    return take(reports, count);
  }

  /**
   * The NECs' answer tasks of new adoption cycles (after the draft, its leadership confirmations
   * and its review), opened as needed, each ready to be answered.
   */
  private List<Runnable> necAnswers(int count) {
    return adoptionTasks(necAnswers, count, oaps::draftAndLeadership, AdoptionProcess.TASK_STATE_PARTICIPATION,
        OapLifecycle.NEC_ANSWER);
  }

  /**
   * The Action Leaders' leadership confirmations (a decision: accept or decline) of new adoption
   * cycles, after the draft, opened as needed, each ready to be accepted.
   */
  private List<Runnable> leaderships(int count) {
    return adoptionTasks(leaderships, count, oaps::draft, AdoptionProcess.TASK_CONFIRM_LEADERSHIP,
        OapLifecycle.LEADERSHIP_ACCEPTED);
  }

  /**
   * Tasks of one activity of new adoption cycles, each cycle taken up to it; each task ready to be
   * submitted with the values. Their NEC meeting is years after the benchmark's clock, so that no
   * deadline of theirs falls due meanwhile.
   */
  private List<Runnable> adoptionTasks(Deque<Runnable> ready, int count, Consumer<String> upTo, String activity,
                                       Map<String, Object> values) {
    while (ready.size() < count) {
      Bench.clock(ROUND_OPENS);
      String instance = oaps.startAdoption(oaps.importNew(), NEC_MEETING, NEC_MEETING.plusMonths(1));
      upTo.accept(instance);
      for (Task task : bench.tasks(instance, activity)) {
        String user = bench.userFor(task);
        ready.add(() -> bench.submit(user, task.getId(), values));
      }
    }
    return take(ready, count);
  }

  private static List<Runnable> take(Deque<Runnable> ready, int count) {
    List<Runnable> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      taken.add(ready.poll());
    }
    return taken;
  }

  /** The first tasks of new plain processes for the group, each ready to be completed by the user. */
  private List<Runnable> plain(int count, String group, String user) {
    String batch = "plain-" + (++plainBatches) + "-";
    RuntimeService runtime = bench.bean(RuntimeService.class);
    for (int i = 0; i < count; i++) {
      runtime.startProcessInstanceByKey(PlainModels.TASKS, batch + i,
          Map.of("group", group, "due", java.util.Date.from(ROUND_OPENS.plusSeconds(86400L * 30))));
    }
    return bench.bean(TaskService.class).createTaskQuery().processInstanceBusinessKeyLike(batch + "%").list().stream()
        .map(task -> (Runnable) () -> bench.submit(user, task.getId(), Map.of())).toList();
  }

  /**
   * Starts plain tasks for the role groups in turn until the open tasks reach the volume; the open
   * tasks then. They stand for the tasks created in the months before: their new-task e-mails are
   * taken as sent then, not as tens of thousands of e-mails going out while the figures are measured.
   */
  private long fill(int volume) {
    TaskService tasks = bench.bean(TaskService.class);
    long missing = volume - tasks.createTaskQuery().count();
    if (missing > 0) {
      List<String> groups = bench.bean(IdentityService.class).createGroupQuery().list().stream().map(Group::getId)
          .filter(g -> g.startsWith("nec-") || EmpactGroups.actorInOap(g).isPresent() || g.equals("esu")).toList();
      RuntimeService runtime = bench.bean(RuntimeService.class);
      int half = (int) (missing / 2);
      parallel(List.of(() -> PlainModels.startTasks(runtime, half, groups, ROUND_OPENS),
          () -> PlainModels.startTasks(runtime, (int) missing - half, groups, ROUND_OPENS)), 2);
    }
    bench.outboxAsLongAgo();
    bench.statisticsUpToDate();
    return tasks.createTaskQuery().count();
  }

  private double filterP95(String user, int samples) {
    String filter = bench.get(user, "/engine-rest/filter?name="
        + URLEncoder.encode("My group's tasks", StandardCharsets.UTF_8)).get(0).get("id").asText();
    String path = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=50";
    String sorted = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
    // a server in use has run these statements before: the first calls compile them (JIT, plans)
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      Bench.expect(200, bench.post(user, path, sorted), "filter of " + user);
    }
    long[] millis = new long[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      Bench.expect(200, bench.post(user, path, sorted), "filter of " + user);
      millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
    Arrays.sort(millis);
    return millis[(int) Math.ceil(samples * 0.95) - 1];
  }

  /**
   * Runs one completion and prints the statements it caused, on every thread (the request's, and
   * the notification senders' until its e-mails are sent), by thread and text: where a
   * completion's statements go. The polling's own statements are among them.
   */
  private void show(String what, Runnable completion) {
    CountedStatements.record();
    completion.run();
    // the e-mail of a task the completion created goes out in the background: until it is sent
    JdbcClient jdbc = bench.bean(JdbcClient.class);
    Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
        .until(() -> jdbc.sql("SELECT COUNT(*) FROM notification WHERE status IN ('PENDING', 'SENDING')")
            .query(Long.class).single() == 0);
    List<String> statements = CountedStatements.recorded();
    System.out.println("  statements of one " + what + ": " + statements.size());
    Map<String, Long> counted = new TreeMap<>();
    statements.forEach(sql -> counted.merge(sql.replaceAll("\\s+", " "), 1L, Long::sum));
    counted.forEach((sql, n) -> System.out.printf("  %3d %s%n", n, sql.length() > 200 ? sql.substring(0, 200) + "…" : sql));
  }

  record Rate(int completions, double seconds, long statements, int failed) {
    static final Rate NONE = new Rate(0, 0, 0, 0);

    Rate plus(Rate other) {
      return new Rate(completions + other.completions, seconds + other.seconds, statements + other.statements,
          failed + other.failed);
    }

    double perSecond() {
      return (completions - failed) / seconds;
    }

    double statementsEach() {
      return (double) statements / completions;
    }
  }

  /**
   * Ours and plain in turns of {@value #TURN} completions each, ours first, each turn timed by itself
   * and added up: whatever drifts during a run (the e-mails of earlier steps still going out, the
   * database's background work, the JIT) falls on both alike rather than on whichever ran first.
   */
  static Turns alternately(List<Runnable> ours, List<Runnable> plain, int clients) {
    Turns turns = new Turns(Rate.NONE, Rate.NONE);
    for (int from = 0; from < Math.max(ours.size(), plain.size()); from += TURN) {
      turns = new Turns(turns.ours().plus(complete(turn(ours, from), clients)),
          turns.plain().plus(complete(turn(plain, from), clients)));
    }
    return turns;
  }

  /** What ours and plain took over all their turns. */
  record Turns(Rate ours, Rate plain) {}

  private static List<Runnable> turn(List<Runnable> completions, int from) {
    return completions.subList(Math.min(from, completions.size()), Math.min(from + TURN, completions.size()));
  }

  /** Runs the completions from this many clients at once; a refused or failed one is counted, not retried. */
  static Rate complete(List<Runnable> completions, int clients) {
    AtomicInteger failed = new AtomicInteger();
    ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>(completions);
    List<Runnable> workers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      workers.add(() -> {
        for (Runnable next = queue.poll(); next != null; next = queue.poll()) {
          try {
            next.run();
          } catch (RuntimeException e) {
            failed.incrementAndGet();
          }
        }
      });
    }
    CountedStatements.reset();
    long start = System.nanoTime();
    parallel(workers, clients);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Rate(completions.size(), seconds, CountedStatements.count(), failed.get());
  }

  static void parallel(List<Runnable> work, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (var future : pool.invokeAll(work.stream().map(Executors::callable).toList())) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }
}
