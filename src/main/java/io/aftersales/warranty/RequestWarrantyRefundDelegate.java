package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestWarrantyRefund} in warranty-claim.bpmn: records the refund of the purchase price for finance. Async: idempotent per case and reference. */
@Component
class RequestWarrantyRefundDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  RequestWarrantyRefundDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    REFUND_ID.set(execution, warranty.requestRefund(ClaimFacts.of(execution)));
  }
}
