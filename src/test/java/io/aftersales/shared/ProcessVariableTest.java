package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** Typed access to process variables; numbers from forms arrive as any Number. */
class ProcessVariableTest {
  private static final ProcessVariable<Long> ID = ProcessVariable.of("caseId", Long.class);
  private static final ProcessVariable<Integer> COUNT = ProcessVariable.of("count", Integer.class);
  private static final ProcessVariable<Double> PRICE = ProcessVariable.of("price", Double.class);
  private static final ProcessVariable<String> NAME = ProcessVariable.of("name", String.class);
  private static final ProcessVariable<BigDecimal> AMOUNT = ProcessVariable.of("amount", BigDecimal.class);

  private final VariableScope scope = mock(VariableScope.class);

  @Test
  void declaresNameAndType() {
    assertThat(ID.name()).isEqualTo("caseId");
    assertThat(ID.type()).isEqualTo(Long.class);
  }

  @Test
  void aMissingVariableIsNamed() {
    assertThatThrownBy(() -> NAME.from(scope)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'name' is not set");
    assertThat(NAME.fromOrNull(scope)).isNull();
  }

  @Test
  void aSetVariableIsReturned() {
    when(scope.getVariable("name")).thenReturn("Maria");
    assertThat(NAME.from(scope)).isEqualTo("Maria");
    assertThat(NAME.fromOrNull(scope)).isEqualTo("Maria");
  }

  @Test
  void numbersAreNormalisedToTheDeclaredType() {
    when(scope.getVariable("caseId")).thenReturn(7);
    assertThat(ID.from(scope)).isEqualTo(7L).isInstanceOf(Long.class);
    when(scope.getVariable("count")).thenReturn(3L);
    assertThat(COUNT.from(scope)).isEqualTo(3).isInstanceOf(Integer.class);
    when(scope.getVariable("price")).thenReturn(12);
    assertThat(PRICE.from(scope)).isEqualTo(12.0).isInstanceOf(Double.class);
    when(scope.getVariable("caseId")).thenReturn(9.0);
    assertThat(ID.fromOrNull(scope)).isEqualTo(9L);
    when(scope.getVariable("count")).thenReturn(2.7);
    assertThat(COUNT.fromOrNull(scope)).isEqualTo(2);
    when(scope.getVariable("price")).thenReturn(5L);
    assertThat(PRICE.fromOrNull(scope)).isEqualTo(5.0);
  }

  @Test
  void aValueOfAnotherTypeIsRefused() {
    when(scope.getVariable("caseId")).thenReturn("7");
    assertThatThrownBy(() -> ID.from(scope)).isInstanceOf(ClassCastException.class);
    when(scope.getVariable("name")).thenReturn(5);
    assertThatThrownBy(() -> NAME.fromOrNull(scope)).isInstanceOf(ClassCastException.class);
    when(scope.getVariable("count")).thenReturn("3");
    assertThatThrownBy(() -> COUNT.fromOrNull(scope)).isInstanceOf(ClassCastException.class);
    when(scope.getVariable("price")).thenReturn("3");
    assertThatThrownBy(() -> PRICE.fromOrNull(scope)).isInstanceOf(ClassCastException.class);
  }

  @Test
  void setWritesUnderTheName() {
    NAME.set(scope, "Maria");
    verify(scope).setVariable("name", "Maria");
  }

  @Test
  void moneyIsBigDecimalInCodeAndADoubleInTheEngine() {
    when(scope.getVariable("amount")).thenReturn(49.9);
    assertThat(AMOUNT.from(scope)).isEqualTo(new BigDecimal("49.9")).as("exactly as written, not 49.8999...");
    when(scope.getVariable("amount")).thenReturn(35L);
    assertThat(AMOUNT.fromOrNull(scope)).isEqualTo(new BigDecimal("35"));
    when(scope.getVariable("amount")).thenReturn("35");
    assertThatThrownBy(() -> AMOUNT.fromOrNull(scope)).isInstanceOf(ClassCastException.class);
    AMOUNT.set(scope, new BigDecimal("14.98"));
    verify(scope).setVariable("amount", 14.98);
    AMOUNT.set(scope, null);
    verify(scope).setVariable("amount", null);
  }
}
