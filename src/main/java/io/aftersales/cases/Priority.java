package io.aftersales.cases;

public enum Priority {
  LOW, NORMAL, HIGH, URGENT
}
