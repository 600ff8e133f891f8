package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

class ConcurrentUpdatesTest {

  @Test
  void aLostRaceRunsAgainUntilItWins() {
    AtomicInteger calls = new AtomicInteger();
    String result = ConcurrentUpdates.retry(() -> {
      if (calls.incrementAndGet() < 3) throw new OptimisticLockingException("lost the race");
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void otherFailuresAndEndlessConflictsAreNotHidden() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> ConcurrentUpdates.retry(() -> {
      calls.incrementAndGet();
      throw new IllegalStateException("a bug");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(calls).hasValue(1);

    AtomicInteger conflicts = new AtomicInteger();
    assertThatThrownBy(() -> ConcurrentUpdates.retry(() -> {
      conflicts.incrementAndGet();
      throw new ObjectOptimisticLockingFailureException("ServiceCase", 1L);
    })).isInstanceOf(ObjectOptimisticLockingFailureException.class);
    assertThat(conflicts).hasValue(ConcurrentUpdates.ATTEMPTS);
  }

  @Test
  void conflictsAreFoundInTheCauseChain() {
    assertThat(ConcurrentUpdates.isConflict(new RuntimeException(new OptimisticLockingException("x")))).isTrue();
    assertThat(ConcurrentUpdates.isConflict(new RuntimeException("x"))).isFalse();
  }
}
