package io.aftersales.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A member of staff logged in to Tasklist (or Cockpit) opens our staff pages, such as an SOP linked from a task form,
 * without a second login: their webapp session's user and groups authenticate the request. Only for reading (GET,
 * HEAD): a change still needs credentials with the request, so no other site can make a logged-in browser change
 * anything (no CSRF through the session). Never on the webapps' own paths, whose session is theirs alone.
 */
class TasklistSession extends OncePerRequestFilter {
  private static final String ENGINE = "default";
  /** The session attribute of the webapps' logins (AuthenticationUtil.CAM_AUTH_SESSION_KEY, not public). */
  static final String CAMUNDA_AUTHENTICATIONS = "authenticatedUser";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean reading = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && (request.getRequestURI().startsWith("/sop/") || request.getRequestURI().startsWith("/api/"));
    HttpSession session = reading && request.getHeader("Authorization") == null ? request.getSession(false) : null;
    if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      // Read only (AuthenticationUtil.getAuthsFromSession would write an empty entry into a session the webapp may be
      // replacing at this moment, during its login).
      Object stored;
      try {
        stored = session.getAttribute(CAMUNDA_AUTHENTICATIONS);
      } catch (IllegalStateException invalidated) {
        stored = null;
      }
      if (stored instanceof Authentications authentications
          && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
          && user.getName() != null) {
        var groups = user.getGroupIds() == null
            ? java.util.List.<SimpleGrantedAuthority>of()
            : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }
}
