package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and task listener of {@code processes/warranty/warranty-claim.bpmn}, one bean each, named after its
 * element ({@code ServiceTask_RegisterClaim} → {@code registerClaimDelegate}). They only move process variables (read
 * through {@link ClaimFacts}) into {@link WarrantyService}, which holds the rules, and its results back.
 */
@Configuration(proxyBeanMethods = false)
class WarrantyClaimDelegates {
  /** {@code ServiceTask_RegisterClaim} in warranty-claim.bpmn: records the claim and sets the timer durations and the proof-of-purchase flag the decision reads. */
  @Bean
  JavaDelegate registerClaimDelegate(WarrantyService warranty) {
    return execution -> {
      var registration = warranty.registerClaim(execution.getProcessInstanceId(), ClaimFacts.of(execution),
          ORDER_KNOWN.fromOrNull(execution),
          PROOF_OF_PURCHASE.fromOrNull(execution));
      PROOF_OF_PURCHASE.set(execution, registration.proofOfPurchase());
      DOCUMENTS_REMINDER_AFTER.set(execution, registration.documentsReminderAfter());
      DOCUMENTS_ABANDON_AFTER.set(execution, registration.documentsAbandonAfter());
      ASSESSMENT_OLA.set(execution, registration.assessmentOla());
    };
  }

  /** {@code ServiceTask_RequestMissingDocuments} in warranty-claim.bpmn: asks the customer for what the decision found missing. Async: idempotent per step (the mail step id). */
  @Bean
  JavaDelegate requestMissingDocumentsDelegate(WarrantyService warranty) {
    return execution -> warranty.requestMissingDocuments(ClaimFacts.of(execution), ELIGIBILITY.fromOrNull(execution),
        ELIGIBILITY_NOTE.fromOrNull(execution), MISSING_DOCUMENTS.fromOrNull(execution),
        execution.getActivityInstanceId());
  }

  /** {@code ServiceTask_SendDocumentsReminder} in warranty-claim.bpmn: reminds the customer of the missing documents. Async: idempotent per step. */
  @Bean
  JavaDelegate sendDocumentsReminderDelegate(WarrantyService warranty) {
    return execution -> warranty.sendDocumentsReminder(ClaimFacts.of(execution),
        MISSING_DOCUMENTS.fromOrNull(execution),
        execution.getActivityInstanceId());
  }

  /** {@code ServiceTask_CloseAbandonedClaim} in warranty-claim.bpmn: closes the claim as abandoned and tells the customer how to reopen it. Async: idempotent per step. */
  @Bean
  JavaDelegate closeAbandonedClaimDelegate(WarrantyService warranty) {
    return execution -> warranty.closeAbandoned(ClaimFacts.of(execution), MISSING_DOCUMENTS.fromOrNull(execution),
        execution.getActivityInstanceId());
  }

  /**
   * {@code ServiceTask_RefreshClaimFacts} in warranty-claim.bpmn (in the agent's transaction, so a refusal keeps the
   * check-documents task open): records the checked documents, links an order number the customer sent later, and
   * recomputes the facts of the next eligibility check.
   */
  @Bean
  JavaDelegate refreshClaimFactsDelegate(WarrantyService warranty) {
    return execution -> {
      WarrantyService.Refreshed refreshed = warranty.refreshFacts(ClaimFacts.of(execution),
          PROOF_OF_PURCHASE.fromOrNull(execution), ORDER_NUMBER.fromOrNull(execution),
          PURCHASE_DATE.fromOrNull(execution),
          SERIAL_NUMBER.fromOrNull(execution), PHOTOS_RECEIVED.fromOrNull(execution));
      execution.setVariables(refreshed.linkedFacts());
      PURCHASE_DATE.set(execution, refreshed.purchaseDate());
      MONTHS_SINCE_PURCHASE.set(execution, refreshed.monthsSincePurchase());
      PROOF_OF_PURCHASE.set(execution, refreshed.proofOfPurchase());
    };
  }

  /** {@code ServiceTask_SendClaimRejection} in warranty-claim.bpmn: explains an expired warranty or a rejected assessment to the customer. Async: idempotent per step. */
  @Bean
  JavaDelegate sendClaimRejectionDelegate(WarrantyService warranty) {
    return execution -> warranty.sendRejection(ClaimFacts.of(execution), ELIGIBILITY.fromOrNull(execution),
        ELIGIBILITY_NOTE.fromOrNull(execution), REMEDY.fromOrNull(execution), REJECTION_REASON.fromOrNull(execution),
        execution.getActivityInstanceId());
  }

  /**
   * Complete listener of {@code UserTask_AssessDefect} in warranty-claim.bpmn: records the remedy on the claim and
   * refuses an incomplete assessment (spare part without SKU, rejection without reason), so the agent fixes it in the
   * form instead of the process failing later.
   */
  @Bean
  TaskListener recordAssessmentListener(WarrantyService warranty) {
    return task -> warranty.recordAssessment(CASE_NUMBER.from(task), REMEDY.fromOrNull(task),
        SPARE_PART_SKU.fromOrNull(task),
        ASSESSMENT_NOTES.fromOrNull(task), REJECTION_REASON.fromOrNull(task), DEFECTIVE_UNIT.fromOrNull(task),
        ORDER_NUMBER.fromOrNull(task), SHIPPING_ADDRESS.fromOrNull(task));
  }

  /**
   * {@code ServiceTask_ReserveWarrantyGoods} in warranty-claim.bpmn (async): reserves the spare part or new unit, or
   * orders it from the supplier ({@code inStock} false, {@code purchaseOrderNumber} for the warehouse's receipt).
   */
  @Bean
  JavaDelegate reserveWarrantyGoodsDelegate(WarrantyService warranty) {
    return execution -> {
      WarrantyService.Reservation reservation = warranty.reserveGoods(ClaimFacts.of(execution), REMEDY.from(execution),
          SPARE_PART_SKU.fromOrNull(execution), execution.getActivityInstanceId());
      IN_STOCK.set(execution, reservation.inStock());
      WARRANTY_GOODS.set(execution, reservation.goods());
      if (reservation.purchaseOrderNumber() != null)
        PURCHASE_ORDER_NUMBER.set(execution, reservation.purchaseOrderNumber());
    };
  }

  /**
   * {@code ServiceTask_BookWarrantyDelivery} in warranty-claim.bpmn (async): the supplier's delivery goes into stock,
   * reserved for the case, so logistics can ship it.
   */
  @Bean
  JavaDelegate bookWarrantyDeliveryDelegate(WarrantyService warranty) {
    return execution -> warranty.bookDelivery(ClaimFacts.of(execution), REMEDY.from(execution),
        SPARE_PART_SKU.fromOrNull(execution),
        PURCHASE_ORDER_NUMBER.from(execution));
  }

  /** {@code IntermediateThrowEvent_SupplierClaimRaised} in warranty-claim.bpmn: starts supplier-claim by its start message. Async: a running claim for the case is not started twice. */
  @Bean
  JavaDelegate raiseSupplierClaimDelegate(WarrantyService warranty) {
    return execution -> warranty.raiseSupplierClaim(ClaimFacts.of(execution), ASSESSMENT_NOTES.fromOrNull(execution));
  }
}
