package io.aftersales.cases;

/**
 * What the mail module needs to write to a case's customer.
 *
 * @param email the customer's address, {@code null} if the customer gave none (WhatsApp, chat)
 * @param inReplyTo the Message-ID of the customer's latest email, so our answer threads under it
 */
public record OutboundMail(Long caseId, String caseNumber, String subject, String customerName, String email,
    String inReplyTo) {}
