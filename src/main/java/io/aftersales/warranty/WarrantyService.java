package io.aftersales.warranty;

/** Placeholder; see below. */
class WarrantyService {
  static boolean proofOfPurchase(String salesChannel, Boolean orderKnown, Boolean alreadyProven) {
    if (Boolean.TRUE.equals(alreadyProven)) return true;
    if (!Boolean.TRUE.equals(orderKnown)) return false;
    return "ECOMMERCE".equals(salesChannel) || "AMAZON".equals(salesChannel);
  }
}
