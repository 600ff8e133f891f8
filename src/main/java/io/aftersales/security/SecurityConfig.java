package io.aftersales.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.shared.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  /**
   * Our own endpoints. Public: what a customer must reach (intake, the web form and status pages,
   * the token-checked case status and reply). The Camunda webapps and REST API authenticate
   * themselves (session login, and {@link #engineRestAuthentication()}), so they pass through here.
   */
  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> {
      if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException
          && Problems.isDatabaseUnavailable(e)) {
        // The password could not be checked because the database is down: a temporary outage, not a bad login.
        response.setHeader("Retry-After", Problems.DATABASE_RETRY_AFTER_SECONDS);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.databaseUnavailable());
        return;
      }
      // A person's browser (it asks for HTML) reads why in words and where to log in (ProblemErrorController), with
      // no login box of the browser's own; API clients get the Basic challenge.
      String accept = request.getHeader("Accept");
      if (accept != null && accept.contains("text/html")) {
        response.sendError(HttpStatus.UNAUTHORIZED.value());
        return;
      }
      String uri = request.getRequestURI();
      if (uri.startsWith("/api/") || uri.startsWith("/actuator/") || uri.startsWith("/sop/")) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"aftersales\"");
      }
      write(response, json, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
          "Log in with your staff user (HTTP basic).");
    };
    AccessDeniedHandler forbidden = (request, response, e) -> write(response, json, HttpStatus.FORBIDDEN,
        "forbidden", "Forbidden", "Your groups do not allow this.");
    http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.POST, "/api/cases").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/cases/*").permitAll() // token or staff, checked per case
            .requestMatchers(HttpMethod.POST, "/api/cases/*/messages").permitAll() // token, checked per case
            .requestMatchers(HttpMethod.POST, "/api/cases/*/attachments").permitAll() // token, checked per case
            .requestMatchers(HttpMethod.GET, "/api/cases/*/attachments", "/api/cases/*/attachments/*").permitAll()
            // The satisfaction survey: its link's token or the case's, checked per request.
            .requestMatchers("/api/survey", "/api/cases/*/survey").permitAll()
            .requestMatchers(HttpMethod.GET, "/", "/index.html", "/contact.html", "/status.html", "/survey.html",
                "/assets/**", "/webjars/**",
                "/favicon.ico")
            .permitAll()
            // Staff pages are static; the data they show comes from /api/** with the staff login.
            .requestMatchers(HttpMethod.GET, STAFF_PAGES.toArray(String[]::new)).permitAll()
            // Error dispatches keep the status of the original error (e.g. the webapps' CSRF 403).
            .requestMatchers("/error").permitAll()
            // Authenticated by Camunda itself; the webapps also probe /camunda-welcome before login.
            .requestMatchers("/camunda/**", "/camunda-welcome", "/camunda-welcome/**", "/engine-rest/**").permitAll()
            .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/mail/**").hasAnyAuthority(Groups.TEAM_LEAD, Groups.AUDITOR)
            .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyAuthority(Groups.TEAM_LEAD, Groups.AUDITOR)
            .requestMatchers("/api/audit/**").denyAll()
            .requestMatchers(HttpMethod.GET, "/api/insight/**").hasAuthority(Groups.TEAM_LEAD)
            .requestMatchers("/api/insight/**").denyAll()
            .requestMatchers(HttpMethod.GET, "/sop/**").hasAnyAuthority(Groups.ALL.toArray(String[]::new))
            .requestMatchers("/api/mail/**").hasAuthority(Groups.TEAM_LEAD)
            .requestMatchers(HttpMethod.POST, "/api/payments/*/confirmation").hasAuthority(Groups.FINANCE)
            .requestMatchers("/actuator/**").hasAnyAuthority(Groups.TEAM_LEAD, Groups.PROCESS_OWNER)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .addFilterBefore(new TasklistSession(),
            org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
        .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        // The API is stateless (basic auth, no cookies of ours); the webapps have Camunda's own CSRF filter.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            // An authentication read from the webapps' session (TasklistSession) must not renew that session's id.
            .sessionFixation(fixation -> fixation.none()))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                request -> CUSTOMER_PAGES.contains(request.getRequestURI()), new StaticHeadersWriter(List.of(
                    new Header("Content-Security-Policy", CUSTOMER_PAGES_POLICY),
                    new Header("Referrer-Policy", "no-referrer")))))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                request -> STAFF_PAGES.contains(request.getRequestURI()), new StaticHeadersWriter(List.of(
                    new Header("Content-Security-Policy", STAFF_PAGES_POLICY),
                    new Header("Referrer-Policy", "no-referrer"))))));
    return http.build();
  }

  /** The customer's pages (the Camunda webapps send their own policy). */
  static final Set<String> CUSTOMER_PAGES = Set.of("/", "/index.html", "/contact.html", "/status.html",
      "/survey.html");

  /**
   * Staff pages: the audit trail, the case view (shown in Tasklist's "Case" tab, so framed by our own pages) and the
   * team lead's dashboard.
   */
  static final Set<String> STAFF_PAGES = Set.of("/audit.html", "/case.html", "/dashboard.html");

  static final String STAFF_PAGES_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

  /**
   * Only our own scripts, styles and API on the customer's pages (the favicon is a data: image), so injected markup
   * cannot run or send anything elsewhere; and no page passes its address on as a Referer, because the status
   * page's address carries the case's access token.
   */
  static final String CUSTOMER_PAGES_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /**
   * The firewall's refusals (a header value with bytes it does not allow, an encoded slash, ...) are the
   * client's fault: 400 problem+json naming the header where there is one, not a 500.
   */
  @Bean
  org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (request, response, rejected) -> {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Problems.rejected(rejected));
    };
  }

  /** Wrong passwords and new cases, limited per client before any authentication runs ({@link ClientLimits}). */
  @Bean
  FilterRegistrationBean<ClientLimits> clientLimits(ObjectMapper json, java.time.Clock clock,
      @org.springframework.beans.factory.annotation.Value("${aftersales.limits.login-failures:10}") int loginFailures,
      @org.springframework.beans.factory.annotation.Value("${aftersales.limits.login-window:PT5M}") java.time.Duration loginWindow,
      @org.springframework.beans.factory.annotation.Value("${aftersales.limits.intake-requests:20}") int intakeRequests,
      @org.springframework.beans.factory.annotation.Value("${aftersales.limits.intake-window:PT1M}") java.time.Duration intakeWindow) {
    FilterRegistrationBean<ClientLimits> registration = new FilterRegistrationBean<>(new ClientLimits(
        new ClientLimits.Settings(loginFailures, loginWindow, intakeRequests, intakeWindow), json, clock));
    registration.setName("client-limits");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** HTTP basic against Camunda's identity service on the engine REST API (Camunda Modeler deploys here). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-auth");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /**
   * CVE-2026-77226: Camunda Admin's first-run setup ({@code /camunda/api/admin/setup/...}) creates an
   * administrator without any login whenever {@code camunda-admin} has no direct member. This platform
   * creates its administrator itself ({@code camunda.bpm.admin-user}), so the endpoint is closed for
   * good, whatever the groups hold. Mapped by the servlet container on the normalised path, i.e. on
   * exactly the path the admin application would see.
   */
  @Bean
  FilterRegistrationBean<jakarta.servlet.Filter> adminSetupClosed(ObjectMapper json) {
    FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(
        (request, response, chain) -> write((HttpServletResponse) response, json, HttpStatus.FORBIDDEN,
            "setup-disabled", "Setup disabled", "The administrator is created by the application "
                + "(camunda.bpm.admin-user); the first-run setup of Camunda Admin is switched off."));
    registration.setName("camunda-admin-setup-closed");
    registration.addUrlPatterns("/camunda/api/admin/setup/*", "/camunda/api/admin/setup");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** A refusal before any controller: RFC 9457 problem+json with its status. */
  static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type,
      String title, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.detail(status, type, title, detail));
  }
}
