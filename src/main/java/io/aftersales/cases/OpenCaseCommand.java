package io.aftersales.cases;

import java.time.LocalDate;

/**
 * Everything a channel knows when a contact arrives. Only channel, one of email/phone, subject and
 * message are required; order number and SKU are kept as given even when they match nothing.
 *
 * @param messageId the email Message-ID for mail, {@code null} for other channels
 */
public record OpenCaseCommand(
    SourceChannel channel,
    String customerName,
    String email,
    String phone,
    String orderNumber,
    String productSku,
    String serialNumber,
    LocalDate purchaseDate,
    RequestType requestType,
    String subject,
    String message,
    String messageId) {}
