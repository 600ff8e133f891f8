package io.aftersales.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Staff log in to our API with the same user and password as in Tasklist: Camunda's identity
 * service checks the password (wrong ones are limited per client, ClientLimits), and the user's Camunda
 * groups become the authorities.
 */
@Component
record CamundaIdentityAuthenticationProvider(IdentityService identity) implements AuthenticationProvider {
  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
    try {
      if (user == null || password == null || !identity.checkPassword(user, password)) {
        throw new BadCredentialsException("Bad credentials");
      }
      List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
          .map(g -> new SimpleGrantedAuthority(g.getId())).toList();
      return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    } catch (RuntimeException e) {
      if (e instanceof org.springframework.security.core.AuthenticationException) throw e;
      // The password could not be checked (e.g. the database is down): an authentication service failure,
      // which the entry point answers as 503 when the database is the cause, never as a stack trace.
      throw new InternalAuthenticationServiceException("Login could not be checked", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
