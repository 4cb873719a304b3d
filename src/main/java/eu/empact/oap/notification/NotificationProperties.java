package eu.empact.oap.notification;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications go out ({@code empact.notifications.*}).
 *
 * @param from the sender address
 * @param subjectPrefix put before every subject, e.g. "[EMPACT]"
 * @param taskCreated whether the people of a new user task get a notice when the engine creates it
 *     (default: yes); reminders come anyway
 * @param sendingLease how long a node holds a notice it sends; it renews the lease while it works,
 *     so that only a dead node's notices are taken over, after at most this long
 * @param pollInterval how often each node looks for notices due (it also looks at once when it
 *     recorded some)
 * @param senders how many notices a node sends at the same time (each holds a database connection
 *     only while it claims or marks a notice, never while it talks to the SMTP server)
 * @param retryDelays the waits after the first, second … failed attempt; after the last one an
 *     incident shows in Cockpit, and retrying it sends the notice again
 * @param node the name this node records on the notices it sends (default: process id and host)
 * @param send whether this node sends notices (default: yes; a node kept for requests only may not)
 */
@ConfigurationProperties("empact.notifications")
public record NotificationProperties(String from, String subjectPrefix, Boolean taskCreated, Duration sendingLease,
                                     Duration pollInterval, int senders, List<Duration> retryDelays, String node,
                                     Boolean send) {

  public NotificationProperties {
    node = node == null || node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node;
    retryDelays = retryDelays == null ? List.of() : List.copyOf(retryDelays);
    send = send == null || send;
    taskCreated = taskCreated == null || taskCreated;
  }
}
