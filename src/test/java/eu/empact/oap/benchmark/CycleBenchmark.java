package eu.empact.oap.benchmark;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;

/**
 * Ours beside plain Camunda on the same embedded PostgreSQL, in one run: completions per second
 * with 1 and 2 clients and SQL statements per completion at each volume of open tasks, the
 * Tasklist filter per role, reminder jobs with a real SMTP server against plain timer jobs, and a
 * simulated two-year cycle of OAPs against as many plain completions and timer jobs. Not a test;
 * the README gives the command, the figures it measured and what they mean. Arguments (all
 * optional, the numbers by default): {@code open-tasks=1000,50000 completions=104
 * samples=200 reminders=1000 oaps=15}, and {@code show-statements=true} to print the statements of
 * one completion of each kind.
 */
public final class CycleBenchmark {

  private CycleBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>(Map.of("open-tasks", "1000,50000", "completions", "104",
        "samples", "200", "reminders", "1000", "oaps", "15", "show-statements", "false"));
    for (String arg : args) {
      String[] pair = arg.split("=", 2);
      if (pair.length != 2 || !options.containsKey(pair[0])) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; known: " + options.keySet());
      }
      options.put(pair[0], pair[1]);
    }
    List<Integer> volumes = Arrays.stream(options.get("open-tasks").split(",")).map(Integer::valueOf).sorted().toList();
    Figures figures = new Figures();
    long start = System.nanoTime();
    int failedJobs;
    try (Bench bench = Bench.start()) {
      PlainModels.deploy(bench.bean(RepositoryService.class));
      OapLifecycle oaps = new OapLifecycle(bench);
      new SimulatedCycle(bench, oaps, figures, Boolean.parseBoolean(options.get("show-statements"))).run(Integer.parseInt(options.get("oaps")));
      new ReminderFigures(bench, figures).run(Integer.parseInt(options.get("reminders")));
      new CompletionFigures(bench, oaps, figures, Boolean.parseBoolean(options.get("show-statements"))).run(volumes, Integer.parseInt(options.get("completions")),
          Integer.parseInt(options.get("samples")));
      failedJobs = bench.failedJobs();
    }
    System.out.println();
    figures.print();
    System.out.printf("%nfailed jobs: %d; benchmark time %.0f s%n", failedJobs, (System.nanoTime() - start) / 1e9);
    // the figures are not checked, but a job that fails is a fault of the workflow, not a figure
    System.exit(failedJobs == 0 ? 0 : 1);
  }
}
