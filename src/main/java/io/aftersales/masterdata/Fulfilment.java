package io.aftersales.masterdata;

/** Who shipped an Amazon order: Amazon itself (FBA) or the brand (FBM, merchant fulfilled). */
public enum Fulfilment {
  FBA, FBM
}
