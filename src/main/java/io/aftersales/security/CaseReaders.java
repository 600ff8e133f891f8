package io.aftersales.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Which member of staff may read a case with its customer's personal data: team leads, auditors and process owners
 * every case; anyone else the cases their group may work on or has worked on: a task of the case (service case,
 * procedure, hand-off, supplier claim) was offered to one of their groups or given to them, open or done. The task
 * history answers it, so it still holds when a procedure has ended (the engine removes an ended instance's grants).
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
    if (groups.contains(Groups.TEAM_LEAD) || groups.contains(Groups.AUDITOR) || groups.contains(Groups.PROCESS_OWNER)) {
      return true;
    }
    for (String group : groups) {
      if (history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
          .taskHadCandidateGroup(group).count() > 0) {
        return true;
      }
    }
    if (history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
        .taskAssignee(staff.getName()).count() > 0) {
      return true;
    }
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .anyMatch(instance -> authorizations.isUserAuthorized(staff.getName(), groups, Permissions.READ,
            Resources.PROCESS_INSTANCE, instance.getId()));
  }
}
