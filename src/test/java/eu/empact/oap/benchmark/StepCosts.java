package eu.empact.oap.benchmark;

import eu.empact.oap.support.CountedStatements;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where a run's time and statements go, by step (a task's activity, or the jobs due on a day):
 * how often it ran, its seconds and the statements counted meanwhile on every thread (the e-mail
 * senders' too), largest first.
 */
final class StepCosts {

  private record Cost(int times, double seconds, long statements) {
    Cost plus(Cost other) {
      return new Cost(times + other.times, seconds + other.seconds, statements + other.statements);
    }
  }

  private final Map<String, Cost> costs = new ConcurrentHashMap<>();

  /** Runs the step and adds what it cost. */
  <T> T measure(String step, Supplier<T> work) {
    long statements = CountedStatements.count();
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      costs.merge(step, new Cost(1, (System.nanoTime() - start) / 1e9, CountedStatements.count() - statements),
          Cost::plus);
    }
  }

  void print(String what) {
    System.out.println("  where the time of " + what + " went, by step: times, seconds, statements (each):");
    costs.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue().seconds, a.getValue().seconds))
        .forEach(entry -> {
          Cost cost = entry.getValue();
          System.out.printf("  %-48s %6d %8.1f s %9d (%.0f)%n", entry.getKey(), cost.times, cost.seconds,
              cost.statements, (double) cost.statements / cost.times);
        });
  }
}
