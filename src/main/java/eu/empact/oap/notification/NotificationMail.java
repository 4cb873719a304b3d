package eu.empact.oap.notification;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The e-mail of a recorded notice: text, HTML, the deadline as a calendar entry, and its own Message-ID. */
final class NotificationMail {

  /** The content types of attached files by name, read once. */
  private static final FileTypeMap FILE_TYPES = fileTypes();

  /**
   * The system property by which Jakarta Mail finds its stream provider. Without it, Jakarta Mail
   * looks the provider up with a {@link ServiceLoader} for every part of every message it builds or
   * sends, reading the services of every jar on the class path: 87 % of the time it took to send
   * the notices in the profile of the benchmark's cycle (issue 14).
   */
  static final String STREAM_PROVIDER = StreamProvider.class.getName();

  static {
    // the provider the service loader finds, once; a value the operator set stays
    ServiceLoader.load(StreamProvider.class, NotificationMail.class.getClassLoader()).findFirst()
        .ifPresent(provider -> System.getProperties().putIfAbsent(STREAM_PROVIDER, provider.getClass().getName()));
  }

  private NotificationMail() {}

  /**
   * @param copies the addresses in copy, comma-separated, or null
   * @param recipientName how the greeting names the recipient
   * @param link where the mail leads ({@link MailLinks})
   */
  static MimeMessage of(JavaMailSender mail, Notification notification, String copies, String recipientName,
                        String link, NotificationProperties properties, Instant now) throws MessagingException {
    MailContent content = new MailContent(new TaskNotice(notification.kind(), 0, notification.oapId(),
        notification.taskId(), notification.taskName(), notification.dueDate(), null, List.of(),
        notification.details()), link);
    MimeMessage message = new StableMessageId(mail.createMimeMessage().getSession(), notification.messageId());
    MimeMessageHelper helper = new Helper(message);
    helper.setFrom(properties.from());
    helper.setTo(notification.recipientEmail());
    if (copies != null) {
      helper.setCc(copies.split(","));
    }
    helper.setSubject(notification.subject());
    helper.setText(content.text(recipientName), content.html(recipientName));
    String calendar = content.calendar(now);
    if (calendar != null) {
      helper.addAttachment("deadline.ics", new ByteArrayResource(calendar.getBytes(StandardCharsets.UTF_8)),
          "text/calendar; charset=UTF-8; method=PUBLISH");
    }
    message.setHeader("X-EMPACT-Notification", notification.id() + "");
    return message;
  }

  private static FileTypeMap fileTypes() {
    ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
    types.afterPropertiesSet();
    return types;
  }

  /**
   * Spring's helper, with the file types read once: for a message it did not create itself, it
   * would read every {@code mime.types} on the class path again: more than half the time it took
   * to write a notice's e-mail, in the benchmark's profile (issue 14).
   */
  private static final class Helper extends MimeMessageHelper {
    Helper(MimeMessage message) throws MessagingException {
      super(message, true, StandardCharsets.UTF_8.name());
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
      return FILE_TYPES;
    }
  }

  /** JavaMail gives every message a new Message-ID when it is sent; a notice keeps its own on every attempt. */
  private static final class StableMessageId extends MimeMessage {
    private final String messageId;

    StableMessageId(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      if (messageId == null) {
        super.updateMessageID();
      } else {
        setHeader("Message-ID", messageId);
      }
    }
  }
}
