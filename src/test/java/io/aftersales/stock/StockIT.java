package io.aftersales.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.IntegrationTestSupport;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 6, promise 11: parallel jobs reserve stock without failing on each other, never oversell, never twice. */
class StockIT extends IntegrationTestSupport {
  @Autowired
  Stock stock;

  private int reserved(String sku) {
    return count("select reserved from aftersales.stock_item where sku = ?", sku);
  }

  @Test
  void parallelReservationsNeitherFailNorOversell() throws Exception {
    String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    stock.set(sku, 5);
    List<Boolean> results = inParallel(12, i -> stock.reserve(sku, 1, "SC-IT-" + i, "REF-" + i));
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
    List<Boolean> results = inParallel(6, i -> stock.reserve(sku, 2, "SC-IT-TWIN", "RMA-TWIN"));
    assertThat(results).containsOnly(true);
    assertThat(reserved(sku)).isEqualTo(2);
    // Picking and releasing are once per case and reference too.
    inParallel(4, i -> {
      stock.pick(sku, 2, "SC-IT-TWIN", "RMA-TWIN");
      return null;
    });
    assertThat(count("select on_hand from aftersales.stock_item where sku = ?", sku)).isEqualTo(8);
    assertThat(reserved(sku)).isZero();
  }
}
