package eu.empact.oap.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The engine's time: what its timers and due dates follow, and what tests move with {@code ClockUtil}. */
@Component
class NotificationClock extends Clock {

  private final ZoneId zone;

  NotificationClock() {
    this(ZoneOffset.UTC);
  }

  private NotificationClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new NotificationClock(other);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
