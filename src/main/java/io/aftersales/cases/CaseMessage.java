package io.aftersales.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One message of a case thread, inbound from the customer or outbound from the brand. */
@Entity
public class CaseMessage {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private ServiceCase serviceCase;
  @Enumerated(EnumType.STRING)
  private MessageDirection direction;
  /** A {@link SourceChannel} name for inbound messages; EMAIL or PORTAL for outbound ones. */
  private String channel;
  private String author;
  private String subject;
  private String body;
  /** RFC 5322 Message-ID of an email, ours for outbound mail: replies thread by it. */
  private String messageId;
  private String inReplyTo;
  private Instant createdAt;
  /** Why the message never reached the customer (a bounce), for the agent; null if not known to have failed. */
  private String deliveryFailure;

  protected CaseMessage() {}

  CaseMessage(ServiceCase serviceCase, MessageDirection direction, String channel, String author, String subject,
      String body, String messageId, String inReplyTo, Instant createdAt) {
    this.serviceCase = serviceCase;
    this.direction = direction;
    this.channel = channel;
    this.author = author;
    this.subject = subject;
    this.body = body;
    this.messageId = messageId;
    this.inReplyTo = inReplyTo;
    this.createdAt = createdAt;
  }

  public MessageDirection getDirection() { return direction; }
  public String getChannel() { return channel; }
  public String getAuthor() { return author; }
  public String getSubject() { return subject; }
  public String getBody() { return body; }
  public String getMessageId() { return messageId; }
  public String getInReplyTo() { return inReplyTo; }
  public Instant getCreatedAt() { return createdAt; }
  ServiceCase getServiceCase() { return serviceCase; }

  public String getDeliveryFailure() { return deliveryFailure; }

  void markUndeliverable(String reason) {
    String text = reason == null || reason.isBlank() ? "returned as undeliverable" : reason.strip();
    this.deliveryFailure = io.aftersales.shared.Texts.shorten(text, 1000);
  }
}
