/**
 * Who may do what. Staff authenticate with their Camunda user (HTTP basic on {@code /api/**} and
 * {@code /engine-rest/**}, the login page in the webapps); Camunda authorizations are on, and
 * {@link io.aftersales.security.IdentitySetup} keeps every group's authorizations and Tasklist
 * filters in place at start-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package io.aftersales.security;
