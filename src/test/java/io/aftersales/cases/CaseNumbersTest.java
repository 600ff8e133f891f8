package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseNumbersTest {

  @Test
  void aCaseNumberIsFoundInTheBracketsOfAReplySubject() {
    assertThat(CaseNumbers.findIn("Re: [SC-2026-000123] Kettle leaks")).contains("SC-2026-000123");
    assertThat(CaseNumbers.findIn("AW: WG: (SC-2026-000123): still broken")).contains("SC-2026-000123");
    assertThat(CaseNumbers.findIn("SC-2026-000123")).contains("SC-2026-000123");
  }

  @Test
  void ofSeveralCaseNumbersTheFirstWins() {
    assertThat(CaseNumbers.findIn("About SC-2026-000200, not SC-2025-000100")).contains("SC-2026-000200");
  }

  @Test
  void aSequenceOfMoreThanSixDigitsIsStillOneWholeCaseNumber() {
    assertThat(CaseNumbers.findIn("[SC-2026-1234567]")).contains("SC-2026-1234567");
  }

  @Test
  void tooFewDigitsOrAMissingDashIsNoCaseNumber() {
    assertThat(CaseNumbers.findIn("Re: [SC-2026-12345] Kettle")).isEmpty();
    assertThat(CaseNumbers.findIn("Re: [SC-26-000123] Kettle")).isEmpty();
    assertThat(CaseNumbers.findIn("Re: [SC-2026000123] Kettle")).isEmpty();
    assertThat(CaseNumbers.findIn("Re: [SC 2026 000123] Kettle")).isEmpty();
  }

  @Test
  void aCaseNumberGluedIntoAnotherWordIsNoCaseNumber() {
    assertThat(CaseNumbers.findIn("XSC-2026-000123")).isEmpty();
    assertThat(CaseNumbers.findIn("SC-2026-000123abc")).isEmpty();
    assertThat(CaseNumbers.findIn("order_SC-2026-000123")).isEmpty();
  }

  @Test
  void aCaseNumberTypedInLowerCaseIsFoundAsStored() {
    // Customers type it as they like; the case is stored and looked up in upper case.
    assertThat(CaseNumbers.findIn("re: [sc-2026-000123] kettle")).contains("SC-2026-000123");
    assertThat(CaseNumbers.findIn("Re: [Sc-2026-000123]")).contains("SC-2026-000123");
  }

  @Test
  void noTextOrATextWithoutACaseNumberFindsNothing() {
    assertThat(CaseNumbers.findIn(null)).isEmpty();
    assertThat(CaseNumbers.findIn("")).isEmpty();
    assertThat(CaseNumbers.findIn("My kettle leaks")).isEmpty();
  }

  @Test
  void aFormattedCaseNumberIsPaddedToSixDigitsAndFoundAgain() {
    assertThat(CaseNumbers.format(2026, 42)).isEqualTo("SC-2026-000042");
    assertThat(CaseNumbers.format(2026, 1_234_567)).isEqualTo("SC-2026-1234567");
    String number = CaseNumbers.format(2027, 7);
    assertThat(CaseNumbers.findIn("Re: [" + number + "] Toaster")).contains(number);
  }
}
