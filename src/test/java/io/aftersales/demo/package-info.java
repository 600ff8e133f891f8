/**
 * The zero-set-up demo run: an embedded PostgreSQL (real binaries from Maven Central) when the
 * {@code postgres} profile is off, and demo users and master data when
 * {@code aftersales.demo.data.enabled} is true.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.aftersales.demo;
