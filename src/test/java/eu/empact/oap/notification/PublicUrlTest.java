package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Ssl;

/** The address links in e-mails start with: configured, or where the server listens. */
class PublicUrlTest {

  @Test
  void theConfiguredAddressWinsWithoutItsTrailingSlash() {
    assertThat(new PublicUrl(" https://empact.example.eu/workflow/ ", server(8080)).base())
        .isEqualTo("https://empact.example.eu/workflow");
  }

  @Test
  void unsetItIsTheServersAddressPortAndContextPath() throws Exception {
    ServerProperties server = server(9090);
    server.setAddress(InetAddress.getByName("127.0.0.1"));
    server.getServlet().setContextPath("/empact");

    assertThat(new PublicUrl("", server).base()).isEqualTo("http://" + InetAddress.getByName("127.0.0.1")
        .getCanonicalHostName() + ":9090/empact");
  }

  @Test
  void unsetOnEveryInterfaceItIsThisMachinesNameNotLocalhost() throws Exception {
    ServerProperties server = server(8443);
    server.setAddress(InetAddress.getByName("0.0.0.0"));
    Ssl ssl = new Ssl();
    ssl.setEnabled(true);
    server.setSsl(ssl);

    assertThat(new PublicUrl("", server).base())
        .isEqualTo("https://" + InetAddress.getLocalHost().getCanonicalHostName() + ":8443");
  }

  @Test
  void theSchemesOwnPortIsLeftOut() {
    assertThat(new PublicUrl("", server(80)).base()).doesNotContain(":80").startsWith("http://");
  }

  private static ServerProperties server(int port) {
    ServerProperties server = new ServerProperties();
    server.setPort(port);
    return server;
  }
}
