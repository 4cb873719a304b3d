package eu.empact.oap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser as the tests play it: cookies kept, no HTTP Basic, logged in to the Camunda webapps
 * through their login form ({@code POST /camunda/api/admin/auth/user/default/login/tasklist}).
 */
public final class BrowserSession {

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String root;

  private BrowserSession(String root) {
    this.root = root;
  }

  /** A browser that never logged in. */
  public static BrowserSession anonymous(String root) {
    return new BrowserSession(root);
  }

  /** Logged in to Tasklist as the user (password = user id); fails the test if the webapps refuse. */
  public static BrowserSession loggedIn(String root, String user) {
    BrowserSession browser = new BrowserSession(root);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(user, StandardCharsets.UTF_8);
    HttpResponse<String> login = browser.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
        Map.of("Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", browser.webappToken()));
    if (login.statusCode() != 200) {
      throw new IllegalStateException(user + " could not log in to Tasklist: " + login.statusCode() + " "
          + login.body());
    }
    return browser;
  }

  /** The CSRF token as the webapps hand it out: their answer to a request that changes nothing. */
  public String webappToken() {
    HttpResponse<String> answer = get("/camunda/api/admin/auth/user/default");
    return answer.headers().firstValue("X-XSRF-TOKEN").or(() -> cookie("XSRF-TOKEN")).orElseThrow();
  }

  /** Logs out as Tasklist's menu does. */
  public HttpResponse<String> logOutOfTheWebapps() {
    return send("POST", "/camunda/api/admin/auth/user/default/logout", "", Map.of("X-XSRF-TOKEN", webappToken()));
  }

  public HttpResponse<String> get(String path) {
    return send("GET", path, null, Map.of());
  }

  /** A JSON POST with the session cookie, and the CSRF token when one is given. */
  public HttpResponse<String> post(String path, String json, String token) {
    return send("POST", path, json, token == null ? Map.of("Content-Type", "application/json")
        : Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", token));
  }

  /** A form posted from a page: its fields URL-encoded in the order given (a field may repeat). */
  public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
    String body = fields.stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send("POST", path, body, Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }

  public HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of a cookie the browser keeps (for any path). */
  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue).findFirst();
  }
}
