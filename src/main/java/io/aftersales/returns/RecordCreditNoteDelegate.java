package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RecordCreditNote} in return-handling.bpmn (async): credit note, restock/scrap
 * of the units, mail to the retailer.
 */
@Component
record RecordCreditNoteDelegate(ReturnService returns) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    returns.recordCreditNote(RETURN_ID.from(execution),
        new BulkInspection(PRODUCT_SKU.fromOrNull(execution), UNITS_RECEIVED.fromOrNull(execution),
            UNITS_DEFECTIVE.fromOrNull(execution), INSPECTION_NOTES.fromOrNull(execution)),
        CREDIT_NOTE_NUMBER.fromOrNull(execution), CREDIT_NOTE_AMOUNT.fromOrNull(execution),
        execution.getProcessInstanceId());
  }
}
