package eu.empact.oap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two ways into the engine an ordinary user has: {@code /engine-rest} with HTTP Basic, and
 * the webapps' own engine API that Tasklist calls, with the session (and CSRF token) of a user
 * logged in to Tasklist. Paths are the engine REST API's ({@code /task/...}).
 */
public enum EngineChannel {

  ENGINE_REST {
    @Override
    public ResponseEntity<String> call(TestRestTemplate http, String user, HttpMethod method, String path, String json) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      return http.withBasicAuth(user, user).exchange("/engine-rest" + path, method,
          new HttpEntity<>(json, headers), String.class);
    }
  },

  WEBAPP {
    @Override
    public ResponseEntity<String> call(TestRestTemplate http, String user, HttpMethod method, String path, String json) {
      Session session = SESSIONS.computeIfAbsent(http.getRootUri() + "|" + user,
          key -> Session.login(http.getRootUri(), user));
      return session.call(method, "/camunda/api/engine/engine/default" + path, json);
    }
  };

  private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

  /**
   * Every user logs in to Tasklist again at its next call: a session keeps the groups its user had
   * when it logged in (the webapps refresh them every 5 minutes), and an OAP's people get its
   * groups when it is imported.
   */
  public static void logInAgain() {
    SESSIONS.clear();
  }

  public abstract ResponseEntity<String> call(TestRestTemplate http, String user, HttpMethod method, String path,
                                              String json);

  /** A user logged in to Tasklist: the session cookie and the CSRF token the webapps require. */
  private record Session(HttpClient client, String root, String token) {

    static Session login(String root, String user) {
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .build();
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(user, StandardCharsets.UTF_8);
      HttpResponse<String> login = send(client, HttpRequest.newBuilder(URI.create(root
              + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", token(client, root))
          .POST(HttpRequest.BodyPublishers.ofString(form)).build());
      if (login.statusCode() != 200) {
        throw new IllegalStateException(user + " could not log in to Tasklist: " + login.statusCode() + " "
            + login.body());
      }
      return new Session(client, root, token(client, root));
    }

    /** A request that changes nothing hands out the session's CSRF token. */
    private static String token(HttpClient client, String root) {
      return send(client, HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default")).GET()
          .build()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    }

    ResponseEntity<String> call(HttpMethod method, String path, String json) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
          .header("X-XSRF-TOKEN", token).header("Accept", "application/json");
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      request.method(method.name(), json == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(json));
      HttpResponse<String> response = send(client, request.build());
      HttpHeaders headers = new HttpHeaders();
      response.headers().firstValue("Content-Type").ifPresent(type -> headers.set("Content-Type", type));
      return ResponseEntity.status(HttpStatusCode.valueOf(response.statusCode())).headers(headers).body(response.body());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
