package eu.empact.oap.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Authentication for both REST APIs. {@code /api} uses Spring Security against the engine's
 * identity service: HTTP Basic (scripts), or the session of a user logged in to the webapps
 * (Tasklist, Cockpit, Admin: one login, one logout), whose state-changing calls carry the webapps'
 * CSRF token (docs/adr/0011); the OAP workspace's pages ({@code /oaps}) the same way.
 * {@code /engine-rest} uses Camunda's own Basic filter, so the
 * engine's authorizations apply to every call. The webapps keep their own login.
 */
@Configuration
class SecurityConfiguration {

  static final String REALM = "EMPACT";

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, ProcessEngine engine,
                                  CamundaIdentityAuthenticationProvider identity, CamundaBpmProperties camunda)
      throws Exception {
    return oneLogin(http.securityMatcher("/api/**"), json, engine, identity, camunda)
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
          problem(response, json, HttpStatus.UNAUTHORIZED, "authentication required: log in to Tasklist (the "
              + "webapps' session), or HTTP Basic with a Camunda user");
        }))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            problem(response, json, HttpStatus.FORBIDDEN, e.getMessage())))
        .build();
  }

  /**
   * The OAP workspace's pages ({@code /oaps}): the same login as {@code /api}. A browser that is not
   * logged in gets a page that leads to the Tasklist login, not a Basic prompt (scripts send Basic
   * credentials without being asked); refusals inside a page are the workspace's own pages.
   */
  @Bean
  SecurityFilterChain workspaceSecurity(HttpSecurity http, ObjectMapper json, ProcessEngine engine,
                                        CamundaIdentityAuthenticationProvider identity, CamundaBpmProperties camunda)
      throws Exception {
    String tasklist = camunda.getWebapp().getApplicationPath() + "/app/tasklist/" + engine.getName() + "/";
    return oneLogin(http.securityMatcher("/oaps", "/oaps/**"), json, engine, identity, camunda)
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint((request, response, e) -> {
          response.setStatus(HttpStatus.UNAUTHORIZED.value());
          response.setContentType(MediaType.TEXT_HTML_VALUE);
          response.setCharacterEncoding("UTF-8");
          response.getWriter().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
              + "<title>Log in first</title></head><body style=\"font-family:sans-serif;margin:3em\">"
              + "<h1>EMPACT OAP workspace</h1><p>You are not logged in. <a href=\"%s\">Log in to Tasklist</a>, "
              + "then open this page again: the workspace uses the same login.</p></body></html>")
              .formatted(request.getContextPath() + tasklist));
        }))
        .build();
  }

  /**
   * What {@code /api} and the workspace share: every request authenticated, by HTTP Basic or by the
   * webapps' session, whose state-changing calls carry the webapps' CSRF token; nothing kept in the
   * session by Spring Security.
   */
  private static HttpSecurity oneLogin(HttpSecurity http, ObjectMapper json, ProcessEngine engine,
                                       CamundaIdentityAuthenticationProvider identity, CamundaBpmProperties camunda)
      throws Exception {
    WebappCsrfToken csrfToken = new WebappCsrfToken(camunda.getWebapp().getCsrf().getInitParams());
    return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .addFilterAfter(new WebappSessionAuthenticationFilter(engine, identity), BasicAuthenticationFilter.class)
        .addFilterAfter(new SessionCsrfFilter(csrfToken, json), AuthorizationFilter.class)
        // Spring's own CSRF filter would keep a token of its own: SessionCsrfFilter checks the webapps'
        .csrf(csrf -> csrf.disable())
        // Spring Security keeps nothing in the session: the webapps' login in it is read on every request
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
  }
}
