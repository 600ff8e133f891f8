/**
 * Email in and out. {@link io.aftersales.mail.MailboxPoller} reads the service mailbox over IMAP
 * (off unless {@code aftersales.mail.imap.host} is set; IMAP IDLE by {@link io.aftersales.mail.MailboxIdle})
 * and only records each message in a Message-ID ledger, so nothing is processed twice; a job of the engine
 * ({@link io.aftersales.mail.InboundMailJobs}) then opens or threads its case; {@link io.aftersales.mail.CustomerMailer} writes
 * to customers with the case number in the subject and a Message-ID we record, so replies thread.
 * The send delegates of service-case.bpmn live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package io.aftersales.mail;
