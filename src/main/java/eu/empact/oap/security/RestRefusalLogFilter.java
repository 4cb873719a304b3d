package eu.empact.oap.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps the engine REST layer from logging again what the engine gate logged already: the REST
 * API wraps some refusals as HTTP 500 before {@link EngineProblemFilter} answers them as 400, and
 * would log each with a stack trace. A refusal stays one WARN line; an unexpected failure is
 * logged once, by the gate, with its stack trace and reference.
 */
final class RestRefusalLogFilter extends TurboFilter {

  static final String REST_EXCEPTIONS = "org.camunda.bpm.engine.rest.exception";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger != null && logger.getName().startsWith(REST_EXCEPTIONS) && Refusals.last() != null) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
