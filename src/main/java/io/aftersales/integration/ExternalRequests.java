package io.aftersales.integration;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records requests to outside systems and their results; the API of this module. */
@Service
@Transactional
public class ExternalRequests {
  private static final Logger log = LoggerFactory.getLogger(ExternalRequests.class);

  private final ExternalRequestRepository requests;
  private final Clock clock;

  ExternalRequests(ExternalRequestRepository requests, Clock clock) {
    this.requests = requests;
    this.clock = clock;
  }

  /**
   * Records a request for a person to carry out. Idempotent per case, operation and reference, so
   * a retried job does not file the same request twice.
   */
  public ExternalRequest record(ExternalSystem system, String operation, String caseNumber, String reference,
      String details, String responsibleGroup) {
    return requests.findFirstByCaseNumberAndOperationAndReference(caseNumber, operation, reference)
        .orElseGet(() -> {
          log.info("Recorded {} {} for case {} ({}), to be done by {}", system, operation, caseNumber, reference,
              responsibleGroup);
          return requests.save(new ExternalRequest(system, operation, caseNumber, reference, details,
              responsibleGroup, clock.instant()));
        });
  }

  /** Marks the request as carried out, with what the outside system answered (tracking number, reference). */
  public void complete(Long requestId, String result) {
    requests.findById(requestId).orElseThrow(() -> new IllegalArgumentException("No external request " + requestId))
        .complete(result, clock.instant());
  }

  @Transactional(readOnly = true)
  public List<ExternalRequest> ofCase(String caseNumber) {
    return requests.findByCaseNumberOrderByIdAsc(caseNumber);
  }

  @Transactional(readOnly = true)
  public List<ExternalRequest> open() {
    return requests.findByStatusOrderByRequestedAtAsc(ExternalRequest.Status.OPEN);
  }
}
