package io.aftersales.masterdata;

/** Where the product was bought; each channel has its own after-sales procedure. */
public enum SalesChannel {
  ECOMMERCE, AMAZON, RETAILER
}
