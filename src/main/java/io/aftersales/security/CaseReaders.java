package io.aftersales.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Which member of staff may read a case with its customer's personal data: team leads and auditors every case; anyone
 * else the cases their group may work on or has worked on, i.e. whose process instances (service case, procedure,
 * hand-off, supplier claim) their groups may read (granted per task by {@code TaskCards}).
 */
@Component
public class CaseReaders {
  private final HistoryService history;
  private final AuthorizationService authorizations;

  CaseReaders(HistoryService history, AuthorizationService authorizations) {
    this.history = history;
    this.authorizations = authorizations;
  }

  public boolean mayRead(Authentication staff, String caseNumber) {
    var groups = staff.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (groups.contains(Groups.TEAM_LEAD) || groups.contains(Groups.AUDITOR)) return true;
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .anyMatch(instance -> authorizations.isUserAuthorized(staff.getName(), groups, Permissions.READ,
            Resources.PROCESS_INSTANCE, instance.getId()));
  }
}
