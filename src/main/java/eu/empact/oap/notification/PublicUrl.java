package eu.empact.oap.notification;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address people reach the application at, which every link in an e-mail starts with:
 * {@code empact.public-url} when set (the address behind a proxy, e.g.
 * {@code https://empact.europol.europa.eu}), otherwise the address the server listens on: its
 * scheme (https with {@code server.ssl}), {@code server.address} or else this machine's host
 * name, the port the web server actually took (also a random one) and the context path. Forms
 * link to the application's pages with it too (the draft's link to the drafting page).
 */
@Component
public class PublicUrl {

  private static final Logger LOG = LoggerFactory.getLogger(PublicUrl.class);

  private final String configured;
  private final ServerProperties server;
  private volatile Integer listening;
  private volatile String host;

  @Autowired
  PublicUrl(@Value("${empact.public-url:}") String configured, ObjectProvider<ServerProperties> server) {
    this(configured, server.getIfAvailable(ServerProperties::new));
  }

  PublicUrl(String configured, ServerProperties server) {
    this.configured = configured.strip().replaceAll("/+$", "");
    this.server = server;
  }

  /** The port of the application's web server (not of a separate management server), once it listens. */
  @EventListener
  void listening(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      listening = event.getWebServer().getPort();
      LOG.info("Links in e-mails start with {}{}", base(),
          configured.isEmpty() ? " (the address the server listens on; set empact.public-url to change it)" : "");
    }
  }

  /** Scheme, host, port and context path, without a slash at the end. */
  public String base() {
    if (!configured.isEmpty()) {
      return configured;
    }
    boolean https = Ssl.isEnabled(server.getSsl());
    int port = listening != null ? listening : server.getPort() != null ? server.getPort() : 8080;
    boolean defaultPort = port == (https ? 443 : 80);
    String contextPath = server.getServlet().getContextPath();
    return (https ? "https" : "http") + "://" + host() + (defaultPort ? "" : ":" + port)
        + (contextPath == null ? "" : contextPath.replaceAll("/+$", ""));
  }

  private String host() {
    if (host == null) {
      InetAddress address = server.getAddress();
      host = address != null && !address.isAnyLocalAddress() ? name(address) : localHost();
    }
    return host;
  }

  private static String localHost() {
    try {
      return name(InetAddress.getLocalHost());
    } catch (UnknownHostException e) {
      LOG.warn("This machine's host name cannot be resolved ({}): links in e-mails use localhost; set "
          + "empact.public-url", e.getMessage());
      return "localhost";
    }
  }

  private static String name(InetAddress address) {
    String name = address.getCanonicalHostName();
    return address instanceof Inet6Address && name.contains(":") ? "[" + name.replaceAll("%.*", "") + "]" : name;
  }
}
