package io.aftersales.shared;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work on one case from several sides at once (parallel replies, a reply while the case's own job runs)
 * meets at the same rows; the loser of such a race gets an optimistic-locking conflict and nothing of its
 * transaction is kept. Running it again, on what the winner committed, is then correct: this does so.
 */
public final class ConcurrentUpdates {
  private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdates.class);
  static final int ATTEMPTS = 8;

  private ConcurrentUpdates() {}

  /** Runs {@code work} (which must be its own transaction) again after a conflict, a few times, with jitter. */
  public static <T> T retry(Supplier<T> work) {
    for (int attempt = 1;; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isConflict(e)) throw e;
        log.debug("Concurrent update, attempt {} again: {}", attempt + 1, e.toString());
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  static boolean isConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.camunda.bpm.engine.OptimisticLockingException
          || t instanceof org.springframework.dao.OptimisticLockingFailureException
          || t instanceof org.springframework.dao.PessimisticLockingFailureException
          || t instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
    }
    return false;
  }
}
