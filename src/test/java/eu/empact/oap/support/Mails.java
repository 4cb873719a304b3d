package eu.empact.oap.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the tests read of a message GreenMail received. */
public final class Mails {

  private Mails() {}

  public static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
