package io.aftersales.warranty;

import static io.aftersales.warranty.WarrantyClaimProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_AssessDefect} in warranty-claim.bpmn: records the remedy on the claim and
 * refuses an incomplete assessment (spare part without SKU, rejection without reason), so the agent fixes it in the
 * form instead of the process failing later.
 */
@Component
record RecordAssessmentListener(WarrantyService warranty) implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    warranty.recordAssessment(CASE_NUMBER.from(task), REMEDY.fromOrNull(task), SPARE_PART_SKU.fromOrNull(task),
        ASSESSMENT_NOTES.fromOrNull(task), REJECTION_REASON.fromOrNull(task), DEFECTIVE_UNIT.fromOrNull(task),
        ORDER_NUMBER.fromOrNull(task), SHIPPING_ADDRESS.fromOrNull(task));
  }
}
