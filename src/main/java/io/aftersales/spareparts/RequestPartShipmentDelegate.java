package io.aftersales.spareparts;

import static io.aftersales.spareparts.SparePartRequestProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestPartShipment} in spare-part-request.bpmn (async): takes the picked part off the stock and records the carrier request for logistics. */
@Component
class RequestPartShipmentDelegate implements JavaDelegate {
  private final SparePartService spareParts;

  RequestPartShipmentDelegate(SparePartService spareParts) {
    this.spareParts = spareParts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SHIPMENT_ID.set(execution, spareParts.requestShipment(SPARE_PART_ORDER_ID.from(execution),
        BIN_LOCATION.fromOrNull(execution)));
  }
}
