package io.aftersales.integration;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What people must still do by hand in outside systems (book a label, refund in Seller Central,
 * order from a supplier): each group sees its own; team leads and auditors see all.
 */
@RestController
@RequestMapping("/api/external-requests")
record ExternalRequestsController(ExternalRequests requests) {
  private static final Set<String> SEE_ALL = Set.of("team-lead", "auditor");

  record View(Long id, String system, String operation, String caseNumber, String reference, String details,
      String responsibleGroup, String status, String result, Instant requestedAt, Instant completedAt) {}

  @GetMapping
  List<View> list(@RequestParam(name = "case", required = false) String caseNumber, Authentication user) {
    Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    boolean all = groups.stream().anyMatch(SEE_ALL::contains);
    List<ExternalRequest> found = caseNumber != null ? requests.ofCase(caseNumber) : requests.open();
    return found.stream()
        .filter(r -> all || groups.contains(r.getResponsibleGroup()))
        .map(r -> new View(r.getId(), r.getSystem().name(), r.getOperation(), r.getCaseNumber(), r.getReference(),
            r.getDetails(), r.getResponsibleGroup(), r.getStatus().name(), r.getResult(), r.getRequestedAt(),
            r.getCompletedAt()))
        .toList();
  }
}
