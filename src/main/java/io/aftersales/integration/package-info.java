/**
 * Requests to outside systems this platform cannot reach (carrier, own shop back end, Amazon Seller
 * Central, supplier portals). Each port in the feature modules has a built-in <em>manual</em>
 * adapter that records an {@link io.aftersales.integration.ExternalRequest} for the responsible
 * group; the process model then gives that group the task of carrying it out and records the
 * result. A real connector replaces the adapter, not the model's data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outside systems")
package io.aftersales.integration;
