package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.masterdata.Customer;
import io.aftersales.masterdata.CustomerType;
import io.aftersales.masterdata.Fulfilment;
import io.aftersales.masterdata.SalesChannel;
import io.aftersales.masterdata.SalesOrder;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The agent sees when the order a contact names was bought by someone else. */
class BuyerNoteTest {
  private static Customer customer(long id, String name, String email) {
    Customer c = new Customer(name, email, null, CustomerType.CONSUMER);
    ReflectionTestUtils.setField(c, "id", id);
    return c;
  }

  private static SalesOrder orderOf(Customer buyer) {
    return new SalesOrder("EC-100001", SalesChannel.values()[0], Fulfilment.values()[0], null, buyer,
        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
  }

  @Test
  void anOrderOfAnotherCustomerIsNamedWithItsBuyer() {
    Customer alice = customer(1, "Alice Buyer", "alice@example.com");
    Customer bob = customer(2, "Bob Sender", "bob@example.com");
    assertThat(ServiceCases.buyerNote(orderOf(alice), bob))
        .startsWith("Buyer differs: order EC-100001 was placed by Alice Buyer (alice@example.com)")
        .contains("Confirm the sender may act for the buyer");
  }

  @Test
  void theBuyersOwnContactOrNoOrderNeedsNoNote() {
    Customer alice = customer(1, "Alice Buyer", "alice@example.com");
    assertThat(ServiceCases.buyerNote(orderOf(alice), alice)).isNull();
    assertThat(ServiceCases.buyerNote(orderOf(alice), customer(1, "Alice", "alice@example.com"))).isNull();
    assertThat(ServiceCases.buyerNote(null, alice)).isNull();
    assertThat(ServiceCases.buyerNote(orderOf(null), alice)).isNull();
  }
}
