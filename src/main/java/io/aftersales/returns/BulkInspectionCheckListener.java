package io.aftersales.returns;

import static io.aftersales.returns.ReturnHandlingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on {@code UserTask_InspectBulkReturn}: the SKU is given and the
 * defective units are no more than the units received, before finance issues a credit note on them.
 */
@Component
class BulkInspectionCheckListener implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    ReturnService.checkBulkInspection(PRODUCT_SKU.fromOrNull(task), UNITS_RECEIVED.fromOrNull(task),
        UNITS_DEFECTIVE.fromOrNull(task));
  }
}
