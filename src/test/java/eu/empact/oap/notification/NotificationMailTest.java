package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class NotificationMailTest {

  @Test
  void namesJakartaMailsStreamProviderSoThatNoMessageLooksItUpOnTheClassPath() {
    String property = NotificationMail.STREAM_PROVIDER;

    assertThat(System.getProperty(property)).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(System.getProperty(property));
  }
}
