package eu.empact.oap.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications go out ({@code empact.notifications.*}).
 *
 * @param from the sender address
 * @param subjectPrefix put before every subject, e.g. "[EMPACT]"
 * @param tasklistUrl the Tasklist a link to a task starts with
 * @param sendingLease how long one delivery may hold a notification before another may retry it
 */
@ConfigurationProperties("empact.notifications")
public record NotificationProperties(String from, String subjectPrefix, String tasklistUrl, Duration sendingLease) {}
