package io.aftersales.cases;

public enum MessageDirection {
  INBOUND, OUTBOUND
}
