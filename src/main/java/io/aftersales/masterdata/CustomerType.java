package io.aftersales.masterdata;

public enum CustomerType {
  CONSUMER, BUSINESS
}
