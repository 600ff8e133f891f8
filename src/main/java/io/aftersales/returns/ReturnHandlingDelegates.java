package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import io.aftersales.shared.IsoDurations;
import io.aftersales.shared.ProcessVariable;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and task listeners of {@code processes/returns/return-handling.bpmn}, one bean each, named after
 * its element ({@code ServiceTask_CreateRma} → {@code createRmaDelegate}). They only move process variables into
 * {@link ReturnService}, which holds the rules, and its results back.
 */
@Configuration(proxyBeanMethods = false)
class ReturnHandlingDelegates {
  private static final List<ProcessVariable<?>> READ_BY_GATEWAYS_AND_FORMS = List.of(SALES_CHANNEL, FULFILMENT,
      CUSTOMER_TYPE, RETAILER_NAME, ORDER_NUMBER, PRODUCT_SKU, PRODUCT_NAME, DAYS_SINCE_DELIVERY, PURCHASE_PRICE,
      LAST_CUSTOMER_MESSAGE);

  /**
   * {@code ServiceTask_PrepareReturn} in return-handling.bpmn: records the return request and sets
   * the timer durations from {@code aftersales.returns.*} unless the caller passed them. Makes sure
   * the variables the gateways and forms read exist, even if the caller left some out.
   */
  @Bean
  JavaDelegate prepareReturnDelegate(ReturnService returns) {
    return execution -> {
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
    };
  }

  /**
   * {@code ServiceTask_GuideToAmazonReturn} in return-handling.bpmn (async): Amazon FBA - tells the
   * customer how to return through Amazon and records it.
   */
  @Bean
  JavaDelegate guideToAmazonReturnDelegate(ReturnService returns) {
    return execution -> returns.guideToAmazon(RETURN_ID.from(execution), execution.getProcessInstanceId());
  }

  /**
   * {@code ServiceTask_RedirectToRetailer} in return-handling.bpmn (async): a retail consumer
   * returns to the shop; the warranty stays with us.
   */
  @Bean
  JavaDelegate redirectToRetailerDelegate(ReturnService returns) {
    return execution -> returns.redirectToRetailer(RETURN_ID.from(execution), execution.getProcessInstanceId());
  }

  /**
   * {@code ServiceTask_AuthorizeBulkReturn} in return-handling.bpmn (async): the RMA number for the retailer's boxes;
   * logistics books the collection next (CallActivity_ArrangeBulkPickup).
   */
  @Bean
  JavaDelegate authorizeBulkReturnDelegate(ReturnService returns) {
    return execution -> RMA_NUMBER.set(execution, returns.authorizeBulkReturn(RETURN_ID.from(execution)));
  }

  /**
   * Task listener ({@code complete}) on {@code UserTask_InspectBulkReturn}: the SKU is given and the
   * defective units are no more than the units received, before finance issues a credit note on them.
   */
  @Bean
  TaskListener bulkInspectionCheckListener() {
    return task -> ReturnService.checkBulkInspection(PRODUCT_SKU.fromOrNull(task), UNITS_RECEIVED.fromOrNull(task),
        UNITS_DEFECTIVE.fromOrNull(task));
  }

  /**
   * {@code ServiceTask_RecordCreditNote} in return-handling.bpmn (async): credit note, restock/scrap
   * of the units, mail to the retailer.
   */
  @Bean
  JavaDelegate recordCreditNoteDelegate(ReturnService returns) {
    return execution -> returns.recordCreditNote(RETURN_ID.from(execution),
        new BulkInspection(PRODUCT_SKU.fromOrNull(execution), UNITS_RECEIVED.fromOrNull(execution),
            UNITS_DEFECTIVE.fromOrNull(execution), INSPECTION_NOTES.fromOrNull(execution)),
        CREDIT_NOTE_NUMBER.fromOrNull(execution), CREDIT_NOTE_AMOUNT.fromOrNull(execution),
        execution.getProcessInstanceId());
  }

  /**
   * Task listener ({@code complete}) on {@code UserTask_DecideReturn}: refuses to complete a decision
   * the model cannot act on (a question without text, an approval without the customer's wish, a
   * refusal without a reason); Tasklist shows the message and the task stays open.
   */
  @Bean
  TaskListener returnDecisionCheckListener() {
    return task -> ReturnService.checkDecision(NEEDS_CUSTOMER_INFO.fromOrNull(task),
        QUESTION_TO_CUSTOMER.fromOrNull(task),
        RETURN_APPROVED.fromOrNull(task), CUSTOMER_WISH.fromOrNull(task), REFUSAL_REASON.fromOrNull(task));
  }

  /**
   * {@code ServiceTask_AskCustomer} in return-handling.bpmn (async): mails the agent's question and
   * clears the form for the next decision. May run several times per return, so the mail is keyed by
   * the activity instance.
   */
  @Bean
  JavaDelegate askCustomerDelegate(ReturnService returns) {
    return execution -> {
      String question = QUESTION_TO_CUSTOMER.fromOrNull(execution);
      returns.askCustomer(RETURN_ID.from(execution), question, CUSTOMER_ANSWER_TIMEOUT.from(execution),
          execution.getActivityInstanceId());
      LAST_QUESTION_TO_CUSTOMER.set(execution, question);
      QUESTION_TO_CUSTOMER.set(execution, null);
      NEEDS_CUSTOMER_INFO.set(execution, false);
    };
  }

  /**
   * {@code ServiceTask_CloseUnansweredReturn} in return-handling.bpmn (async): the customer did not
   * answer in time.
   */
  @Bean
  JavaDelegate closeUnansweredReturnDelegate(ReturnService returns) {
    return execution -> returns.closeUnanswered(RETURN_ID.from(execution), execution.getProcessInstanceId());
  }

  /**
   * Create and complete listener of {@code UserTask_RecordDecisionInSellerCentral} in return-handling.bpmn: the
   * decision is in the outside-system list while customer care records it in Seller Central, and done when confirmed.
   */
  @Bean
  TaskListener sellerCentralDecisionListener(ReturnService returns) {
    return task -> {
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        returns.sellerCentralDecisionRequested(RETURN_ID.from(task), RETURN_APPROVED.fromOrNull(task),
            CUSTOMER_WISH.fromOrNull(task), REFUSAL_REASON.fromOrNull(task));
      } else {
        returns.sellerCentralDecisionRecorded(RETURN_ID.from(task), SELLER_CENTRAL_CONFIRMED.fromOrNull(task));
      }
    };
  }

  /**
   * {@code ServiceTask_SendReturnRefusal} in return-handling.bpmn (async): records the refusal and
   * mails the reason.
   */
  @Bean
  JavaDelegate sendReturnRefusalDelegate(ReturnService returns) {
    return execution -> returns.refuse(RETURN_ID.from(execution), REFUSAL_REASON.fromOrNull(execution),
        SELLER_CENTRAL_CONFIRMED.fromOrNull(execution), execution.getProcessInstanceId());
  }

  /**
   * {@code ServiceTask_CreateRma} in return-handling.bpmn: approves the return under a new RMA
   * number.
   */
  @Bean
  JavaDelegate createRmaDelegate(ReturnService returns) {
    return execution -> RMA_NUMBER.set(execution,
        returns.authorize(RETURN_ID.from(execution), CUSTOMER_WISH.fromOrNull(execution),
            SELLER_CENTRAL_CONFIRMED.fromOrNull(execution)));
  }

  /**
   * {@code ServiceTask_CloseUnreturnedRma} in return-handling.bpmn (async): the parcel did not
   * arrive in time; the RMA expires.
   */
  @Bean
  JavaDelegate closeUnreturnedRmaDelegate(ReturnService returns) {
    return execution -> returns.expire(RETURN_ID.from(execution), RETURN_SHIPMENT_TIMEOUT.from(execution),
        execution.getProcessInstanceId());
  }

  /**
   * {@code ServiceTask_SendGoodsReceived} in return-handling.bpmn (async): records the receipt and
   * tells the customer.
   */
  @Bean
  JavaDelegate sendGoodsReceivedDelegate(ReturnService returns) {
    return execution -> returns.confirmReceipt(RETURN_ID.from(execution), INSPECTION_OLA.from(execution),
        execution.getProcessInstanceId());
  }

  /**
   * {@code ServiceTask_ApplyDisposition} in return-handling.bpmn: records the inspection and
   * outcome, restocks or scraps the item, works out the refund.
   */
  @Bean
  JavaDelegate applyDispositionDelegate(ReturnService returns) {
    return execution -> {
      var refund = returns.applyDisposition(RETURN_ID.from(execution),
          new Inspection(PRODUCT_SKU.fromOrNull(execution), ITEM_CONDITION.fromOrNull(execution),
              INSPECTION_NOTES.fromOrNull(execution)),
          new ReturnOutcome(OUTCOME.from(execution), REFUND_PERCENT.fromOrNull(execution),
              DISPOSITION.from(execution)));
      REFUND_AMOUNT.set(execution, refund);
    };
  }

  /**
   * {@code ServiceTask_ReserveReplacement} in return-handling.bpmn (async): reserves a unit for
   * logistics to ship (CallActivity_ShipReplacement); none in stock turns the outcome into a full refund.
   */
  @Bean
  JavaDelegate reserveReplacementDelegate(ReturnService returns) {
    return execution -> {
      ReplacementRequest request = returns.reserveReplacement(RETURN_ID.from(execution));
      REPLACEMENT_RESERVED.set(execution, request.reserved());
      OUTCOME.set(execution, request.outcome());
      REFUND_PERCENT.set(execution, request.refundPercent());
      REFUND_AMOUNT.set(execution, request.refundAmount());
    };
  }

  private static void timer(DelegateExecution execution, ProcessVariable<String> variable, String configured) {
    String passed = variable.fromOrNull(execution);
    variable.set(execution, passed != null ? IsoDurations.checked(variable.name(), passed) : configured);
  }
}
