package io.aftersales.integration;

public enum ExternalSystem {
  CARRIER, SHOP, AMAZON_SELLER_CENTRAL, SUPPLIER_PORTAL
}
