package io.aftersales.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 6, promise 11: parallel jobs reserve stock without failing on each other, never oversell, never twice. */
class StockIT extends IntegrationTestSupport {
  @Autowired Stock stock;

  private <T> List<T> atOnce(int n, java.util.function.IntFunction<Callable<T>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<T> task = work.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) results.add(f.get(60, TimeUnit.SECONDS));
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private int reserved(String sku) {
    return count("select reserved from aftersales.stock_item where sku = ?", sku);
  }

  @Test
  void parallelReservationsNeitherFailNorOversell() throws Exception {
    String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    stock.set(sku, 5);
    List<Boolean> results = atOnce(12, i -> () -> stock.reserve(sku, 1, "SC-IT-" + i, "REF-" + i));
    assertThat(results.stream().filter(r -> r).count()).isEqualTo(5);
    assertThat(reserved(sku)).isEqualTo(5);
    assertThat(stock.available(sku)).isZero();
    assertThat(count("select count(*) from aftersales.stock_movement where sku = ? and kind = 'RESERVE'", sku))
        .isEqualTo(5);
  }

  @Test
  void aRetriedStepRunningTwiceAtOnceReservesOnce() throws Exception {
    String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    stock.set(sku, 10);
    List<Boolean> results = atOnce(6, i -> () -> stock.reserve(sku, 2, "SC-IT-TWIN", "RMA-TWIN"));
    assertThat(results).containsOnly(true);
    assertThat(reserved(sku)).isEqualTo(2);
    // Picking and releasing are once per case and reference too.
    atOnce(4, i -> () -> {
      stock.pick(sku, 2, "SC-IT-TWIN", "RMA-TWIN");
      return null;
    });
    assertThat(count("select on_hand from aftersales.stock_item where sku = ?", sku)).isEqualTo(8);
    assertThat(reserved(sku)).isZero();
  }
}
