package io.aftersales.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** Phone and email normalisation, and which customer a contact is (repositories stubbed). */
class MasterDataTest {
  private final CustomerRepository customers = mock(CustomerRepository.class);
  private final MasterData masterData = new MasterData(customers, mock(ProductRepository.class),
      mock(SupplierRepository.class), mock(SalesOrderRepository.class), mock(jakarta.persistence.EntityManager.class));

  /** A customer as the database would return it (the id is generated there). */
  private static Customer stored(long id, String name, String email, String phone) {
    Customer c = new Customer(name, email, phone, CustomerType.CONSUMER);
    ReflectionTestUtils.setField(c, "id", id);
    return c;
  }

  // --- normalisation ---

  @Test
  void aPhoneOfOnlyPunctuationIsNoPhone() {
    assertThat(MasterData.normalizePhone("()- ")).isNull();
    assertThat(MasterData.normalizePhone("+ ( ) - -")).isNull();
    assertThat(MasterData.normalizePhone("   ")).isNull();
    assertThat(MasterData.normalizePhone("")).isNull();
    assertThat(MasterData.normalizePhone(null)).isNull();
  }

  @Test
  void aPhoneNeedsAtLeastFiveDigits() {
    assertThat(MasterData.normalizePhone("1234")).isNull();
    assertThat(MasterData.normalizePhone("+1 (23) 4")).isNull();
    assertThat(MasterData.normalizePhone("12345")).isEqualTo("12345");
  }

  @Test
  void differentFormatsOfOneNumberNormaliseEqual() {
    assertThat(List.of("+49 170 1234567", "+49 (170) 123-4567", "  +49-170-1234567\t", "+491701234567"))
        .allSatisfy(phone -> assertThat(MasterData.normalizePhone(phone)).isEqualTo("+491701234567"));
  }

  @Test
  void aNumberWithoutLeadingPlusStaysWithoutIt() {
    assertThat(MasterData.normalizePhone("0170 123 45 67")).isEqualTo("01701234567");
    assertThat(MasterData.normalizePhone("0170 123 45 67")).isNotEqualTo(MasterData.normalizePhone("+170 1234567"));
  }

  @Test
  void anEmailIsComparedTrimmedAndInLowerCase() {
    assertThat(MasterData.normalizeEmail("  Maria.Muster@Example.COM ")).isEqualTo("maria.muster@example.com");
    assertThat(MasterData.normalizeEmail(" ")).isNull();
    assertThat(MasterData.normalizeEmail(null)).isNull();
  }

  @Test
  void aNewCustomerKeepsNormalisedContactDetails() {
    Customer c = new Customer("Maria", " Maria@Example.com ", "+49 (170) 123-4567", CustomerType.BUSINESS);
    assertThat(c.getEmail()).isEqualTo("maria@example.com");
    assertThat(c.getPhone()).isEqualTo("+491701234567");
    assertThat(new Customer("Paul", null, "()- ", CustomerType.CONSUMER).getPhone()).isNull();
  }

  // --- matching ---

  @Test
  void anEmailAddressIdentifiesTheCustomerWhateverPhoneComesWithIt() {
    Customer maria = stored(1, "Maria", "maria@example.com", "+491701234567");
    when(customers.findByEmailIgnoreCase("maria@example.com")).thenReturn(Optional.of(maria));

    MasterData.CustomerMatch match = masterData.matchCustomer("Maria", " Maria@Example.com ", "+49 170 1234567");

    assertThat(match.customer()).isSameAs(maria);
    assertThat(match.contactNote()).isNull();
    verify(customers).insertIfAbsentByEmail("Maria", "maria@example.com", "+491701234567");
    verify(customers, never()).insertIfAbsentByPhoneOnly(any(), any());
    verify(customers, never()).findPhoneOnly(any());
  }

  @Test
  void withoutAnEmailThePhoneMatchesOnlyACustomerKnownByPhoneAlone() {
    Customer paul = stored(2, "Paul", null, "+491701234567");
    when(customers.findPhoneOnly("+491701234567")).thenReturn(Optional.of(paul));

    MasterData.CustomerMatch match = masterData.matchCustomer("Paul", "  ", "+49 (170) 123-4567");

    assertThat(match.customer()).isSameAs(paul);
    verify(customers).insertIfAbsentByPhoneOnly("Paul", "+491701234567");
    verify(customers, never()).insertIfAbsentByEmail(any(), any(), any());
    verify(customers, never()).findByEmailIgnoreCase(any());
  }

  @Test
  void aContactWithNeitherEmailNorARealPhoneIsRefused() {
    assertThatThrownBy(() -> masterData.matchCustomer("Nobody", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> masterData.matchCustomer("Nobody", " ", "()- "))
        .isInstanceOf(IllegalArgumentException.class);
    verifyNoInteractions(customers);
  }

  @Test
  void aPhoneOtherThanTheOneOnFileIsNotedAndDoesNotReplaceIt() {
    Customer maria = stored(1, "Maria", "maria@example.com", "+491701111111");
    when(customers.findByEmailIgnoreCase("maria@example.com")).thenReturn(Optional.of(maria));

    MasterData.CustomerMatch match = masterData.matchCustomer("Maria", "maria@example.com", "+49 170 2222222");

    assertThat(match.contactNote())
        .isEqualTo("Phone +491702222222 differs from the one on file (+491701111111).");
    assertThat(maria.getPhone()).isEqualTo("+491701111111");
  }

  @Test
  void aPhoneOnFileForAnotherCustomerIsNotedButNotLinked() {
    Customer maria = stored(1, "Maria", "maria@example.com", null);
    Customer paul = stored(7, "Paul", "paul@example.com", "+491701234567");
    when(customers.findByEmailIgnoreCase("maria@example.com")).thenReturn(Optional.of(maria));
    when(customers.findByPhone("+491701234567")).thenReturn(List.of(paul));

    MasterData.CustomerMatch match = masterData.matchCustomer("Maria", "maria@example.com", "+49 170 1234567");

    assertThat(match.customer()).isSameAs(maria);
    assertThat(match.contactNote()).startsWith("Phone +491701234567 is also on file for Paul <paul@example.com>"
        + " (customer #7), not linked");
  }

  @Test
  void anUnnamedOtherCustomerIsDescribedByNumberOnly() {
    Customer maria = stored(1, "Maria", "maria@example.com", "+491701234567");
    Customer unnamed = stored(9, " ", null, "+491701234567");
    when(customers.findByEmailIgnoreCase("maria@example.com")).thenReturn(Optional.of(maria));
    when(customers.findByPhone("+491701234567")).thenReturn(List.of(maria, unnamed));

    assertThat(masterData.matchCustomer("Maria", "maria@example.com", "+491701234567").contactNote())
        .startsWith("Phone +491701234567 is also on file for customer (customer #9), not linked");
  }

  @Test
  void theCustomersOwnPhoneIsNothingToNote() {
    Customer paul = stored(2, "Paul", null, "+491701234567");
    when(customers.findPhoneOnly("+491701234567")).thenReturn(Optional.of(paul));
    when(customers.findByPhone("+491701234567")).thenReturn(List.of(paul));

    assertThat(masterData.matchCustomer("Paul", null, "+49 170 1234567").contactNote()).isNull();
  }

  @Test
  void aLaterContactFillsInAMissingNameAndPhoneButKeepsAKnownName() {
    Customer anonymous = stored(1, null, "maria@example.com", null);
    when(customers.findByEmailIgnoreCase("maria@example.com")).thenReturn(Optional.of(anonymous));
    masterData.matchCustomer("Maria", "maria@example.com", "+49 170 1234567");
    assertThat(anonymous.getName()).isEqualTo("Maria");
    assertThat(anonymous.getPhone()).isEqualTo("+491701234567");

    Customer named = stored(2, "Paul", "paul@example.com", null);
    when(customers.findByEmailIgnoreCase("paul@example.com")).thenReturn(Optional.of(named));
    masterData.matchCustomer("Someone Else", "paul@example.com", null);
    assertThat(named.getName()).isEqualTo("Paul");
    assertThat(named.getPhone()).isNull();
  }

  @Test
  void aGivenNameIsStoredWithoutNulAndAtMost200Characters() {
    when(customers.findByEmailIgnoreCase(anyString()))
        .thenReturn(Optional.of(stored(1, "Maria", "maria@example.com", null)));
    masterData.matchCustomer("Ma\u0000ria", "maria@example.com", null);
    verify(customers).insertIfAbsentByEmail("Maria", "maria@example.com", null);

    masterData.matchCustomer("n".repeat(250), "maria@example.com", null);
    verify(customers).insertIfAbsentByEmail("n".repeat(199) + "\u2026", "maria@example.com", null);
  }
}
