/**
 * Master data the procedures rely on: customers, products (SKU, category, warranty months,
 * supplier), suppliers and sales orders from the three sales channels (own shop, Amazon FBA/FBM,
 * retailers). Other modules read it through {@link io.aftersales.masterdata.MasterData}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Master data")
package io.aftersales.masterdata;
