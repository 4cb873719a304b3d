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
 * Authentication for both REST APIs and the application's pages. {@code /api} and the pages
 * ({@code /oaps/**}) use Spring Security against the engine's identity service: HTTP Basic
 * (scripts), or the session of a user logged in to the webapps (Tasklist, Cockpit, Admin: one
 * login, one logout), whose state-changing calls carry the webapps' CSRF token (docs/adr/0011).
 * {@code /engine-rest} uses Camunda's own Basic filter, so the engine's authorizations apply to
 * every call. The webapps keep their own login.
 */
@Configuration
class SecurityConfiguration {

  static final String REALM = "EMPACT";
  /** The application's pages (the drafting page): the same login and CSRF token as {@code /api}. */
  static final String PAGES = "/oaps/**";

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, ProcessEngine engine,
                                  CamundaIdentityAuthenticationProvider identity, CamundaBpmProperties camunda)
      throws Exception {
    WebappCsrfToken csrfToken = new WebappCsrfToken(camunda.getWebapp().getCsrf().getInitParams());
    return http.securityMatcher("/api/**", PAGES)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint((request, response, e) -> {
          if (!request.getRequestURI().startsWith(request.getContextPath() + "/api")) {
            // a page: no Basic prompt (a second login), the way to the one login instead
            notLoggedIn(response, request.getContextPath() + camunda.getWebapp().getApplicationPath());
            return;
          }
          response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
          problem(response, json, HttpStatus.UNAUTHORIZED, "authentication required: log in to Tasklist (the "
              + "webapps' session), or HTTP Basic with a Camunda user");
        }))
        .addFilterAfter(new WebappSessionAuthenticationFilter(engine, identity), BasicAuthenticationFilter.class)
        .addFilterAfter(new SessionCsrfFilter(csrfToken, json), AuthorizationFilter.class)
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            problem(response, json, HttpStatus.FORBIDDEN, e.getMessage())))
        // Spring's own CSRF filter would keep a token of its own: SessionCsrfFilter checks the webapps'
        .csrf(csrf -> csrf.disable())
        // Spring Security keeps nothing in the session: the webapps' login in it is read on every request
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
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

  /** A page opened without the webapps' login: where to log in, in a page. */
  static void notLoggedIn(HttpServletResponse response, String webapps) throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Log in</title>"
        + "</head><body><p>Log in to <a href=\"" + webapps + "/app/tasklist/\">Tasklist</a> first, "
        + "then open this page again.</p></body></html>");
  }

  static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
  }
}
