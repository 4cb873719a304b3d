package eu.empact.oap.security;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the last engine command of this thread failed, for {@link EngineProblemFilter} to answer:
 * the refusal itself, or the reference under which an unexpected failure was logged.
 */
final class Refusals {

  record Last(RuntimeException refusal, String reference) {}

  private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

  private Refusals() {}

  static void clear() {
    LAST.remove();
  }

  static void refused(RuntimeException refusal) {
    LAST.set(new Last(refusal, null));
  }

  /** Records an unexpected failure; returns the reference that the log line and the answer share. */
  static String failed() {
    String reference = newReference();
    LAST.set(new Last(null, reference));
    return reference;
  }

  static Last last() {
    return LAST.get();
  }

  static String newReference() {
    return "E-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }
}
