/**
 * Intake from every channel except email: {@code POST /api/cases} (web form, chat/chatbot, WhatsApp
 * and social-media integrations), the customer's token-protected status and reply endpoints, and
 * the public web form. Idempotency-Key makes client retries safe.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package io.aftersales.intake;
