package eu.empact.oap.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP calls to the running application as one demo user (password = user id) or as nobody. */
public final class Api {

  private final TestRestTemplate http;

  private Api(TestRestTemplate http) {
    this.http = http;
  }

  public static Api as(TestRestTemplate http, String user) {
    return new Api(http.withBasicAuth(user, user));
  }

  public static Api as(TestRestTemplate http, String user, String password) {
    return new Api(http.withBasicAuth(user, password));
  }

  public static Api anonymous(TestRestTemplate http) {
    return new Api(http);
  }

  public ResponseEntity<String> get(String path) {
    return http.getForEntity(path, String.class);
  }

  public ResponseEntity<String> post(String path, String json) {
    return http.exchange(path, HttpMethod.POST, entity(json), String.class);
  }

  public ResponseEntity<String> put(String path, String json) {
    return http.exchange(path, HttpMethod.PUT, entity(json), String.class);
  }

  /** Any request with the headers as given: for the mistakes a client can make in them. */
  public ResponseEntity<String> send(HttpMethod method, String path, HttpHeaders headers, String body) {
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private static HttpEntity<String> entity(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(json, headers);
  }
}
