package io.aftersales.cases;

import io.aftersales.masterdata.Customer;
import io.aftersales.masterdata.Product;
import io.aftersales.masterdata.SalesOrder;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Entity
public class ServiceCase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String caseNumber;
  @Enumerated(EnumType.STRING)
  private SourceChannel sourceChannel;
  @Enumerated(EnumType.STRING)
  private RequestType requestType;
  @Enumerated(EnumType.STRING)
  private Priority priority;
  @Enumerated(EnumType.STRING)
  private CaseStatus status;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Customer customer;
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "order_id")
  private SalesOrder order;
  @ManyToOne(fetch = FetchType.LAZY)
  private Product product;
  /** The order number as the customer gave it, kept even when it matches no known order. */
  private String orderReference;
  /** The SKU as the customer gave it. */
  private String productReference;
  private String serialNumber;
  private LocalDate purchaseDate;
  private String subject;
  private String accessTokenHash;
  /** What the agent should check about the contact details; null when nothing is odd. */
  private String contactNote;
  /** The agent found the sender to be a retailer writing about its stock (bulk return), not a consumer. */
  private boolean retailerSender;
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "follow_up_of")
  private ServiceCase followUpOf;
  private Instant openedAt;
  private Instant firstAnsweredAt;
  private Instant closedAt;
  /** When the customer last wrote (a summary of the thread for the KPIs). */
  private Instant lastInboundAt;
  /** How often a reply soon after closing opened the case again. */
  private int reopenCount;
  private Instant reopenedAt;
  @Version
  private long version;
  @OneToMany(mappedBy = "serviceCase", cascade = CascadeType.ALL)
  @OrderBy("createdAt asc, id asc")
  private List<CaseMessage> messages = new ArrayList<>();

  protected ServiceCase() {}

  ServiceCase(String caseNumber, SourceChannel sourceChannel, RequestType requestType, Customer customer,
      String subject, String accessTokenHash, Instant openedAt) {
    this.caseNumber = caseNumber;
    this.sourceChannel = sourceChannel;
    this.requestType = requestType;
    this.priority = Priority.NORMAL;
    this.status = CaseStatus.NEW;
    this.customer = customer;
    this.subject = subject;
    this.accessTokenHash = accessTokenHash;
    this.openedAt = openedAt;
  }

  void linkPurchase(SalesOrder order, String orderReference, Product product, String productReference,
      String serialNumber, LocalDate purchaseDate) {
    this.order = order;
    this.orderReference = orderReference;
    this.product = product;
    this.productReference = productReference;
    this.serialNumber = serialNumber;
    this.purchaseDate = purchaseDate;
  }

  void markFollowUpOf(ServiceCase previous) {
    this.followUpOf = previous;
  }

  CaseMessage addMessage(MessageDirection direction, String channel, String author, String subject, String body,
      String messageId, String inReplyTo, Instant at) {
    CaseMessage message = new CaseMessage(this, direction, channel, author, subject, body, messageId, inReplyTo, at);
    messages.add(message);
    if (direction == MessageDirection.INBOUND && (lastInboundAt == null || at.isAfter(lastInboundAt))) {
      lastInboundAt = at;
    }
    return message;
  }

  void classify(RequestType requestType, Priority priority) {
    if (requestType != null) this.requestType = requestType;
    if (priority != null) this.priority = priority;
  }

  /** The first outbound human answer; later answers do not move the first-response time. */
  void recordAnswer(Instant at) {
    if (firstAnsweredAt == null) firstAnsweredAt = at;
    if (status == CaseStatus.NEW) status = CaseStatus.IN_PROGRESS;
  }

  void close(Instant at) {
    if (status != CaseStatus.CLOSED) {
      status = CaseStatus.CLOSED;
      closedAt = at;
    }
  }

  /** A closed case opens again (a reply soon after closing); the closing time is forgotten until it closes again. */
  void reopen(Instant at) {
    if (status != CaseStatus.CLOSED) throw new IllegalStateException("case " + caseNumber + " is not closed");
    status = CaseStatus.IN_PROGRESS;
    closedAt = null;
    reopenCount++;
    reopenedAt = at;
  }

  public int getReopenCount() { return reopenCount; }
  public Instant getLastInboundAt() { return lastInboundAt; }
  public Instant getReopenedAt() { return reopenedAt; }
  public Long getId() { return id; }
  public String getCaseNumber() { return caseNumber; }
  public SourceChannel getSourceChannel() { return sourceChannel; }
  public RequestType getRequestType() { return requestType; }
  public Priority getPriority() { return priority; }
  public CaseStatus getStatus() { return status; }
  public Customer getCustomer() { return customer; }
  public String getContactNote() { return contactNote; }
  public boolean isRetailerSender() { return retailerSender; }

  void markRetailerSender(boolean retailer) {
    this.retailerSender = retailer;
  }

  void noteContact(String note) {
    this.contactNote = io.aftersales.shared.Texts.shorten(note, 500);
  }
  public SalesOrder getOrder() { return order; }
  public Product getProduct() { return product; }
  public String getOrderReference() { return orderReference; }
  public String getProductReference() { return productReference; }
  public String getSerialNumber() { return serialNumber; }
  public LocalDate getPurchaseDate() { return purchaseDate; }
  public String getSubject() { return subject; }
  String getAccessTokenHash() { return accessTokenHash; }
  public ServiceCase getFollowUpOf() { return followUpOf; }
  public Instant getOpenedAt() { return openedAt; }
  public Instant getFirstAnsweredAt() { return firstAnsweredAt; }
  public Instant getClosedAt() { return closedAt; }
  public List<CaseMessage> getMessages() { return messages; }
  public boolean isClosed() { return status == CaseStatus.CLOSED; }
}
