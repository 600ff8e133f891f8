package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import io.aftersales.shared.IsoDurations;
import io.aftersales.shared.ProcessVariable;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_PrepareReturn} in return-handling.bpmn: records the return request and sets
 * the timer durations from {@code aftersales.returns.*} unless the caller passed them. Makes sure
 * the variables the gateways and forms read exist, even if the caller left some out.
 */
@Component
record PrepareReturnDelegate(ReturnService returns) implements JavaDelegate {
  private static final List<ProcessVariable<?>> READ_BY_GATEWAYS_AND_FORMS = List.of(SALES_CHANNEL, FULFILMENT,
      CUSTOMER_TYPE, RETAILER_NAME, ORDER_NUMBER, PRODUCT_SKU, PRODUCT_NAME, DAYS_SINCE_DELIVERY, PURCHASE_PRICE,
      LAST_CUSTOMER_MESSAGE);

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CASE_NUMBER.fromOrNull(execution);
    PreparedReturn prepared = returns.prepare(new ReturnRequest(CASE_ID.from(execution),
        caseNumber != null ? caseNumber : execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        CUSTOMER_NAME.fromOrNull(execution), SALES_CHANNEL.fromOrNull(execution), FULFILMENT.fromOrNull(execution),
        CUSTOMER_TYPE.fromOrNull(execution), RETAILER_NAME.fromOrNull(execution), ORDER_NUMBER.fromOrNull(execution),
        PRODUCT_SKU.fromOrNull(execution), PRODUCT_NAME.fromOrNull(execution),
        PURCHASE_PRICE.fromOrNull(execution), DAYS_SINCE_DELIVERY.fromOrNull(execution)));
    RETURN_ID.set(execution, prepared.returnId());
    timer(execution, RETURN_DECISION_OLA, prepared.timers().decisionOla());
    timer(execution, RETURN_SHIPMENT_TIMEOUT, prepared.timers().shipmentTimeout());
    timer(execution, INSPECTION_OLA, prepared.timers().inspectionOla());
    timer(execution, CUSTOMER_ANSWER_TIMEOUT, prepared.timers().customerAnswerTimeout());
    for (ProcessVariable<?> variable : READ_BY_GATEWAYS_AND_FORMS) {
      if (!execution.hasVariable(variable.name())) execution.setVariable(variable.name(), null);
    }
    NEEDS_CUSTOMER_INFO.set(execution, false);
    RETURN_APPROVED.set(execution, false);
  }

  private static void timer(DelegateExecution execution, ProcessVariable<String> variable, String configured) {
    String passed = variable.fromOrNull(execution);
    variable.set(execution, passed != null ? IsoDurations.checked(variable.name(), passed) : configured);
  }
}
