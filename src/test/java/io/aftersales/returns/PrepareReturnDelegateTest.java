package io.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.community.mockito.delegate.DelegateExecutionFake;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** ServiceTask_PrepareReturn: the facts recorded, timer durations from configuration unless passed in. */
class PrepareReturnDelegateTest {
  ReturnService returns = mock(ReturnService.class);
  JavaDelegate delegate = new ReturnHandlingDelegates().prepareReturnDelegate(returns);

  PrepareReturnDelegateTest() {
    when(returns.prepare(any())).thenReturn(
        new PreparedReturn(7L, new ReturnSettings("PT24H", "P30D", "P2D", "P14D", "Returns Centre, Cologne")));
  }

  @Test
  void recordsTheFactsAndSetsTheConfiguredTimers() throws Exception {
    DelegateExecutionFake execution = DelegateExecutionFake.of().withProcessInstanceId("pi-1")
        .withProcessBusinessKey("SC-2026-000001")
        .withVariable("caseId", 1L).withVariable("caseNumber", "SC-2026-000001").withVariable("customerName", "Maria")
        .withVariable("salesChannel", "ECOMMERCE").withVariable("purchasePrice", 49.9)
        .withVariable("daysSinceDelivery", 6);
    delegate.execute(execution);

    ArgumentCaptor<ReturnRequest> request = ArgumentCaptor.forClass(ReturnRequest.class);
    org.mockito.Mockito.verify(returns).prepare(request.capture());
    assertThat(request.getValue().processInstanceId()).isEqualTo("pi-1");
    assertThat(request.getValue().purchasePrice()).isEqualByComparingTo(new BigDecimal("49.90"));
    assertThat(request.getValue().daysSinceDelivery()).isEqualTo(6);
    assertThat(execution.getVariable("returnId")).isEqualTo(7L);
    assertThat(execution.getVariable("returnDecisionOla")).isEqualTo("PT24H");
    assertThat(execution.getVariable("returnShipmentTimeout")).isEqualTo("P30D");
    assertThat(execution.getVariable("inspectionOla")).isEqualTo("P2D");
    assertThat(execution.getVariable("customerAnswerTimeout")).isEqualTo("P14D");
    // gateways and forms read these; they must exist even if the caller did not pass them
    assertThat(execution.hasVariable("fulfilment")).isTrue();
    assertThat(execution.hasVariable("customerType")).isTrue();
    assertThat(execution.getVariable("needsCustomerInfo")).isEqualTo(false);
    assertThat(execution.getVariable("returnApproved")).isEqualTo(false);
  }

  @Test
  void keepsTimersTheCallerPassed() throws Exception {
    DelegateExecutionFake execution = DelegateExecutionFake.of().withProcessInstanceId("pi-2")
        .withVariable("caseId", 1L).withVariable("caseNumber", "SC-2026-000002")
        .withVariable("returnDecisionOla", "PT4H");
    delegate.execute(execution);
    assertThat(execution.getVariable("returnDecisionOla")).isEqualTo("PT4H");
    assertThat(execution.getVariable("inspectionOla")).isEqualTo("P2D");
  }

  @Test
  void refusesAPassedTimerThatIsNoDuration() {
    DelegateExecutionFake execution = DelegateExecutionFake.of().withProcessInstanceId("pi-3")
        .withVariable("caseId", 1L).withVariable("caseNumber", "SC-2026-000003")
        .withVariable("inspectionOla", "2 days");
    assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("inspectionOla");
  }
}
