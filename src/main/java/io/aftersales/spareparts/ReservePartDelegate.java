package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_ReservePart} in spare-part-request.bpmn (async): reserves the part; {@code partReserved} decides whether the supplier is needed. */
@Component
record ReservePartDelegate(SparePartService spareParts) implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    var charge = new SparePartService.ChargeDecision(Boolean.TRUE.equals(FREE.fromOrNull(execution)),
        CHARGE_NOTE.fromOrNull(execution), GOODWILL_GRANTED.fromOrNull(execution), GOODWILL_NOTE.fromOrNull(execution));
    PART_RESERVED.set(execution, spareParts.reservePart(SPARE_PART_ORDER_ID.from(execution), charge));
  }
}
