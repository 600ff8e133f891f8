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

  @Test
  void anInterruptedRetryGivesUpAtOnceAndKeepsTheInterrupt() {
    AtomicInteger calls = new AtomicInteger();
    OptimisticLockingException conflict = new OptimisticLockingException("lost the race");
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> ConcurrentUpdates.retry(() -> {
        calls.incrementAndGet();
        throw conflict;
      })).isSameAs(conflict);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(calls).hasValue(1);
  }

  @Test
  void everyKindOfLockingConflictIsOne() {
    assertThat(ConcurrentUpdates.isConflict(new org.springframework.dao.OptimisticLockingFailureException("x")))
        .isTrue();
    assertThat(ConcurrentUpdates.isConflict(new org.springframework.dao.PessimisticLockingFailureException("x")))
        .isTrue();
    assertThat(ConcurrentUpdates.isConflict(new jakarta.persistence.OptimisticLockException("x"))).isTrue();
    assertThat(ConcurrentUpdates.isConflict(new RuntimeException(new RuntimeException(
        new jakarta.persistence.OptimisticLockException("x"))))).isTrue();
    assertThat(ConcurrentUpdates.isConflict(null)).isFalse();
    RuntimeException selfCaused = new RuntimeException("loop") {
      @Override
      public synchronized Throwable getCause() { return this; }
    };
    assertThat(ConcurrentUpdates.isConflict(selfCaused)).isFalse();
  }
}
