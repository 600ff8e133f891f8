package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendWarrantyRefundIssued} in warranty-claim.bpmn: records the payment reference from finance and tells the customer. Async: idempotent. */
@Component
class SendWarrantyRefundIssuedDelegate implements JavaDelegate {
  private final WarrantyService warranty;

  SendWarrantyRefundIssuedDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warranty.sendRefundIssued(ClaimFacts.of(execution), REFUND_ID.from(execution),
        REFUND_PAYMENT_REFERENCE.from(execution), execution.getActivityInstanceId());
  }
}
