package io.aftersales.handoff;

import static io.aftersales.handoff.OutsideSystemHandoffProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RequestHandoff} in outside-system-handoff.bpmn (async): the calling procedure says what to
 * request; the request is recorded in the outside system's list, and the form gets its reference and details.
 */
@Component
record RequestHandoffDelegate(Handoffs handoffs) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    Handoffs.Requested requested = handoffs.request(Caller.procedureKey(execution),
        HandoffKind.named(HANDOFF_KIND.from(execution)), CASE_NUMBER.from(execution), Caller.of(execution));
    HANDOFF_RECORD_ID.set(execution, requested.recordId());
    HANDOFF_REFERENCE.set(execution, requested.reference());
    HANDOFF_DETAILS.set(execution, requested.details());
    if (requested.refundSystem() != null) REFUND_SYSTEM.set(execution, requested.refundSystem());
  }
}
