package io.aftersales.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code aftersales.mail.outbox.*}: how the customer-mail outbox is drained. */
@ConfigurationProperties("aftersales.mail.outbox")
record OutboxSettings(
    /** The safety-net poll; a committed message also wakes the sender at once. */
    @DefaultValue("PT1S") Duration pollInterval,
    /** Longest wait between two attempts of one message (back-off doubles from 5 s up to this). */
    @DefaultValue("PT30S") Duration maxBackoff,
    /** A message still not accepted after this long is FAILED and listed for team leads. */
    @DefaultValue("P1D") Duration giveUpAfter,
    /** SMTP failing this long: health DOWN and a task for the team leads. */
    @DefaultValue("PT2M") Duration alertAfter) {}
