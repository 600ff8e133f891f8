package io.aftersales.cases;

import static io.aftersales.cases.ServiceCaseProcess.*;

import io.aftersales.masterdata.Customer;
import io.aftersales.masterdata.MasterData;
import io.aftersales.masterdata.Product;
import io.aftersales.masterdata.SalesOrder;
import io.aftersales.shared.TaskInputRefused;
import io.aftersales.shared.Texts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: opens cases, threads customer messages into them, records answers and closes
 * them. Opening a case writes the case row, its first message and the process instance in one
 * transaction, so either all three exist or none does.
 */
@Service
@Transactional
public class ServiceCases {
  private static final Logger log = LoggerFactory.getLogger(ServiceCases.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Length of service_case.subject and case_message.subject. */
  static final int SUBJECT_LENGTH = 300;

  private final ServiceCaseRepository cases;
  private final CaseMessageRepository messages;
  private final MasterData masterData;
  private final RuntimeService runtime;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final CaseLinks links;
  private final CaseStages stages;
  private final CaseSettings settings;

  ServiceCases(ServiceCaseRepository cases, CaseMessageRepository messages, MasterData masterData,
      RuntimeService runtime, Clock clock, ApplicationEventPublisher events, CaseLinks links, CaseStages stages,
      CaseSettings settings) {
    this.stages = stages;
    this.settings = settings;
    this.cases = cases;
    this.messages = messages;
    this.masterData = masterData;
    this.runtime = runtime;
    this.clock = clock;
    this.events = events;
    this.links = links;
  }

  public OpenedCase open(OpenCaseCommand command) {
    return open(command, null, null, null);
  }

  /** Opens a case whose customer access token the caller chose (e.g. derived for an idempotent request). */
  public OpenedCase open(OpenCaseCommand command, String accessToken) {
    return open(command, null, accessToken, null);
  }

  private OpenedCase open(OpenCaseCommand command, ServiceCase followUpOf, String accessToken, String senderNote) {
    Instant now = clock.instant();
    MasterData.CustomerMatch match = masterData.matchCustomer(command.customerName(), command.email(), command.phone());
    Customer customer = match.customer();
    Optional<SalesOrder> order = masterData.orderByNumber(command.orderNumber());
    Optional<Product> product = masterData.productBySku(command.productSku());
    String number = CaseNumbers.format(now.atZone(ZoneOffset.UTC).getYear(), cases.nextCaseSequence());
    String token = accessToken != null ? accessToken : newAccessToken();

    String subject = recordSubject(command.subject());
    String message = wholeText(command.subject(), command.message());
    ServiceCase serviceCase = new ServiceCase(number, command.channel(), command.requestType(), customer,
        subject, sha256(token), now);
    serviceCase.linkPurchase(order.orElse(null), trimToNull(command.orderNumber()), product.orElse(null),
        trimToNull(command.productSku()), trimToNull(command.serialNumber()),
        command.purchaseDate() != null ? command.purchaseDate() : order.map(SalesOrder::getPurchaseDate).orElse(null));
    if (followUpOf != null) serviceCase.markFollowUpOf(followUpOf);
    serviceCase.noteContact(joinNotes(senderNote, match.contactNote(), buyerNote(order.orElse(null), customer)));
    serviceCase.addMessage(MessageDirection.INBOUND, command.channel().name(), authorOf(command), subject,
        message, command.messageId(), null, now);
    cases.saveAndFlush(serviceCase);

    Map<String, Object> variables = new HashMap<>(CaseFacts.of(serviceCase, LocalDate.now(clock)).toCaseVariables());
    variables.put(CASE_ID.name(), serviceCase.getId());
    variables.put(CASE_NUMBER.name(), number);
    variables.put(SOURCE_CHANNEL.name(), command.channel().name());
    variables.put(CUSTOMER_CONTACT.name(), customer.getEmail() != null ? customer.getEmail() : customer.getPhone());
    variables.put(SUBJECT.name(), subject);
    variables.put(CUSTOMER_MESSAGE.name(), Texts.excerpt(message));
    variables.put(REQUEST_TYPE.name(), command.requestType() == null ? null : command.requestType().name());
    variables.put(PRIORITY.name(), serviceCase.getPriority().name());
    if (serviceCase.getContactNote() != null) variables.put(CONTACT_NOTE.name(), serviceCase.getContactNote());
    var instance = runtime.startProcessInstanceByKey(KEY, number, variables);
    // The triage (run as the instance starts) suggests a priority; the case carries it until the agent confirms one,
    // so the service levels start with it.
    if (instance != null && runtime.getVariable(instance.getId(), PRIORITY.name()) instanceof String triaged) {
      try {
        serviceCase.classify(null, Priority.valueOf(triaged));
      } catch (IllegalArgumentException notAPriority) {
        log.warn("Case {}: the triage suggested no known priority ({})", number, Texts.shorten(triaged, 20));
      }
    }
    // The acknowledgement joins this transaction (outbox), so it is sent once the case exists, and never without it.
    events.publishEvent(new CaseOpened(serviceCase.getId(), number, links.statusUrl(number, token)));
    log.info("Opened case {} from {}", number, command.channel());
    return new OpenedCase(serviceCase.getId(), number, token);
  }

  /**
   * Threads a customer's message into its case and tells the running process. A message to a case closed within
   * {@code aftersales.cases.reopen-within} reopens it; to one closed earlier, it opens a follow-up case linked to it,
   * so nothing the customer writes goes unread.
   *
   * @return the case the message landed in
   */
  public String addCustomerMessage(String caseNumber, SourceChannel channel, String author, String subject,
      String body, String messageId, String inReplyTo) {
    ServiceCase serviceCase = cases.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new CaseNotFoundException(caseNumber));
    cases.lockRow(serviceCase.getId());
    Instant now = clock.instant();
    if (serviceCase.isClosed() && serviceCase.getClosedAt() != null
        && now.isBefore(io.aftersales.shared.IsoDurations.plus(serviceCase.getClosedAt(), settings.reopenWithin()))) {
      reopen(serviceCase, channel, author, subject, body, messageId, inReplyTo, now);
      return caseNumber;
    }
    if (serviceCase.isClosed()) {
      Customer c = serviceCase.getCustomer();
      OpenCaseCommand followUp = new OpenCaseCommand(channel, c.getName(), c.getEmail(), c.getPhone(),
          serviceCase.getOrderReference(), serviceCase.getProductReference(), serviceCase.getSerialNumber(),
          serviceCase.getPurchaseDate(), serviceCase.getRequestType(), subject, body, messageId);
      String followUpNumber = open(followUp, serviceCase, null, null).caseNumber();
      log.info("Reply to closed case {} opened follow-up {}", caseNumber, followUpNumber);
      return followUpNumber;
    }
    String text = wholeText(subject, body);
    serviceCase.addMessage(MessageDirection.INBOUND, channel.name(), author, recordSubject(subject), text, messageId,
        inReplyTo, now);
    cases.flush();
    runtime.createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED)
        .processInstanceBusinessKey(caseNumber)
        // The reply's event subprocess copies these into its own scope (input mapping).
        .setVariable(LAST_CUSTOMER_MESSAGE.name(), Texts.excerpt(text))
        .setVariable(LAST_CUSTOMER_SENDER.name(), author)
        .correlateAllWithResult();
    events.publishEvent(new CustomerWrote(serviceCase.getId(), now));
    return caseNumber;
  }

  /**
   * The customer wrote soon after the case closed: it opens again where an agent resolves it
   * ({@code UserTask_ResolveCase} of a new service-case instance, with the customer's words), counted as a reopen.
   */
  private void reopen(ServiceCase serviceCase, SourceChannel channel, String author, String subject, String body,
      String messageId, String inReplyTo, Instant now) {
    String text = wholeText(subject, body);
    serviceCase.addMessage(MessageDirection.INBOUND, channel.name(), author, recordSubject(subject), text, messageId,
        inReplyTo, now);
    serviceCase.reopen(now);
    cases.saveAndFlush(serviceCase);
    Customer customer = serviceCase.getCustomer();
    Map<String, Object> variables = new HashMap<>(CaseFacts.of(serviceCase, LocalDate.now(clock)).toCaseVariables());
    variables.put(CASE_ID.name(), serviceCase.getId());
    variables.put(CASE_NUMBER.name(), serviceCase.getCaseNumber());
    variables.put(SOURCE_CHANNEL.name(), serviceCase.getSourceChannel().name());
    variables.put(CUSTOMER_CONTACT.name(), customer.getEmail() != null ? customer.getEmail() : customer.getPhone());
    variables.put(SUBJECT.name(), serviceCase.getSubject());
    variables.put(CUSTOMER_MESSAGE.name(), Texts.excerpt(text));
    variables.put(REQUEST_TYPE.name(), serviceCase.getRequestType() == null
        ? null
        : serviceCase.getRequestType().name());
    variables.put(PRIORITY.name(), serviceCase.getPriority().name());
    variables.put(PROCEDURE.name(), "manual");
    variables.put(REOPENED.name(), true);
    runtime.createProcessInstanceByKey(KEY).businessKey(serviceCase.getCaseNumber()).setVariables(variables)
        .startBeforeActivity(USER_TASK_RESOLVE_CASE).execute();
    events.publishEvent(new CaseReopened(serviceCase.getId(), serviceCase.getCaseNumber(), now));
    events.publishEvent(new CustomerWrote(serviceCase.getId(), now));
    log.info("Reply to case {} closed at {} reopened it (reopen {})", serviceCase.getCaseNumber(),
        serviceCase.getClosedAt(), serviceCase.getReopenCount());
  }

  /** The case a mail refers to, and the address of that case's customer (to check who is writing). */
  public record ReplyTarget(String caseNumber, String customerEmail) {
    /** True if {@code sender} is the case's customer (addresses compare case-insensitively). */
    public boolean isFrom(String sender) {
      return customerEmail != null && sender != null && customerEmail.equalsIgnoreCase(sender.strip());
    }
  }

  /** The open or closed case an email answers: by a Message-ID it references (ours or the customer's own), else by the subject. */
  @Transactional(readOnly = true)
  public Optional<ReplyTarget> findCaseForReply(Collection<String> referencedMessageIds, String subject) {
    Optional<ServiceCase> found = Optional.empty();
    if (!referencedMessageIds.isEmpty()) {
      found = messages.findCasesByMessageIds(referencedMessageIds).stream().findFirst();
    }
    if (found.isEmpty()) found = CaseNumbers.findIn(subject).flatMap(cases::findByCaseNumber);
    return found.map(c -> new ReplyTarget(c.getCaseNumber(), c.getCustomer().getEmail()));
  }

  /**
   * Opens a case for someone who wrote about another customer's case (a reply from a different address):
   * it is linked to that case and flagged for the agent, and nothing of the other case reaches the sender.
   */
  public OpenedCase openFromOtherSender(OpenCaseCommand command, String referencedCaseNumber) {
    ServiceCase referenced = cases.findByCaseNumber(referencedCaseNumber)
        .orElseThrow(() -> new CaseNotFoundException(referencedCaseNumber));
    String note = "Sender differs: " + (command.email() == null ? "this sender" : command.email())
        + " wrote about case " + referencedCaseNumber + ", which belongs to another customer. Confirm who wrote"
        + " before sharing anything about that case.";
    return open(command, referenced, null, note);
  }

  /**
   * A bounce (delivery status notification) of messages we sent: marks them undeliverable on their case
   * thread, for the agent to find another way to reach the customer.
   *
   * @return the cases concerned
   */
  public java.util.List<String> markUndeliverable(Collection<String> outboundMessageIds, String reason) {
    java.util.List<String> affected = new java.util.ArrayList<>();
    for (CaseMessage message : messages.findOutboundByMessageIds(outboundMessageIds)) {
      message.markUndeliverable(reason);
      affected.add(message.getServiceCase().getCaseNumber());
    }
    return affected;
  }

  /**
   * Applies the agent's review (UserTask_ReviewCase): type, priority and corrected order number or
   * SKU. Returns the facts as they are now, for the routing decision.
   */
  public CaseFacts review(Long caseId, RequestType requestType, Priority priority, String orderNumber,
      String productSku, Boolean retailerSender) {
    ServiceCase c = get(caseId);
    c.classify(requestType, priority);
    if (retailerSender != null) c.markRetailerSender(retailerSender);
    String order = trimToNull(orderNumber);
    String sku = trimToNull(productSku);
    if (order != null && !order.equals(c.getOrderReference()) || sku != null && !sku.equals(c.getProductReference())) {
      String newOrder = order != null ? order : c.getOrderReference();
      String newSku = sku != null ? sku : c.getProductReference();
      c.linkPurchase(masterData.orderByNumber(newOrder).orElse(null), newOrder,
          masterData.productBySku(newSku).orElse(null), newSku, c.getSerialNumber(), c.getPurchaseDate());
    }
    events.publishEvent(new CaseReviewed(c.getId(), c.getCaseNumber(),
        c.getProduct() == null ? null : c.getProduct().getId(), c.getProduct() == null ? null : c.getProduct().getSku(),
        c.getProduct() == null ? null : c.getProduct().getCategory(),
        c.getRequestType() == null ? null : c.getRequestType().name()));
    return CaseFacts.of(c, LocalDate.now(clock));
  }

  /**
   * An order number the customer sent later (a procedure's documents check): links the order to the case and
   * returns the case facts as they are now, for the procedure's variables; empty if it is the case's order already
   * or no number was given.
   *
   * @throws TaskInputRefused if it is not an order of ours (the agent's task stays open with this message)
   */
  public Optional<Map<String, Object>> linkLateOrder(Long caseId, String orderNumber) {
    String number = trimToNull(orderNumber);
    ServiceCase c = get(caseId);
    if (number == null || c.getOrder() != null && number.equalsIgnoreCase(c.getOrder().getOrderNumber())) {
      return Optional.empty();
    }
    SalesOrder order = masterData.orderByNumber(number).orElseThrow(() -> new TaskInputRefused("orderNumber: "
        + number + " is not an order of our shop or Amazon account; for a purchase at a retailer leave it empty and"
        + " enter the purchase date from the receipt"));
    c.linkPurchase(order, order.getOrderNumber(), c.getProduct(), c.getProductReference(), c.getSerialNumber(),
        c.getPurchaseDate());
    log.info("Case {}: order {} linked later", c.getCaseNumber(), order.getOrderNumber());
    return Optional.of(CaseFacts.of(c, LocalDate.now(clock)).toVariables());
  }

  /** The facts of a case now (days since delivery move with the clock). */
  @Transactional(readOnly = true)
  public CaseFacts facts(Long caseId) {
    return CaseFacts.of(get(caseId), LocalDate.now(clock));
  }

  /**
   * What a procedure starts with: the case facts, its subject, type and priority and (an excerpt of) the
   * customer's first message, as the procedure's variables.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> procedureFacts(Long caseId) {
    ServiceCase c = get(caseId);
    Map<String, Object> variables = new HashMap<>(CaseFacts.of(c, LocalDate.now(clock)).toVariables());
    variables.put(SUBJECT.name(), c.getSubject());
    variables.put(REQUEST_TYPE.name(), c.getRequestType() == null ? null : c.getRequestType().name());
    variables.put(PRIORITY.name(), c.getPriority().name());
    variables.put(CUSTOMER_MESSAGE.name(), c.getMessages().stream()
        .filter(m -> m.getDirection() == MessageDirection.INBOUND).findFirst().map(m -> Texts.excerpt(m.getBody()))
        .orElse(null));
    return variables;
  }

  /** Everything needed to write to the case's customer. */
  @Transactional(readOnly = true)
  public OutboundMail outboundMail(Long caseId) {
    ServiceCase c = get(caseId);
    String lastInboundEmailId = c.getMessages().stream()
        .filter(m -> m.getDirection() == MessageDirection.INBOUND && m.getMessageId() != null)
        .reduce((first, second) -> second).map(CaseMessage::getMessageId).orElse(null);
    return new OutboundMail(c.getId(), c.getCaseNumber(), c.getSubject(), c.getCustomer().getName(),
        c.getCustomer().getEmail(), lastInboundEmailId);
  }

  /**
   * Records a message the brand sent. A human answer (not the automatic acknowledgement) counts as
   * the first response if it is the first.
   */
  public void recordOutbound(Long caseId, String channel, String author, String subject, String body,
      String messageId, String inReplyTo, boolean humanAnswer) {
    ServiceCase c = get(caseId);
    cases.lockRow(caseId);
    Instant now = clock.instant();
    c.addMessage(MessageDirection.OUTBOUND, channel, author, recordSubject(subject), body, messageId, inReplyTo, now);
    if (humanAnswer) {
      c.recordAnswer(now);
      events.publishEvent(new CustomerAnswered(caseId, now));
    }
  }

  /**
   * True if the case's thread holds a message with this Message-ID: a retried mail step must not send twice. Our
   * Message-IDs name their case, so its own thread is where one would be (already loaded, no query).
   */
  public boolean hasMessage(Long caseId, String messageId) {
    return get(caseId).getMessages().stream().anyMatch(m -> messageId.equals(m.getMessageId()));
  }

  public void close(Long caseId) {
    ServiceCase c = get(caseId);
    cases.lockRow(caseId);
    if (c.getStatus() == CaseStatus.CLOSED) return; // a retried step closes once
    c.close(clock.instant());
    events.publishEvent(new CaseClosed(c.getId(), c.getCaseNumber(), c.getCustomer().getId(),
        c.getCustomer().getEmail(), c.getCustomer().getType() == io.aftersales.masterdata.CustomerType.BUSINESS));
  }

  @Transactional(readOnly = true)
  public Optional<CaseView> view(String caseNumber) {
    return cases.findByCaseNumber(caseNumber).map(c -> CaseView.of(c, stages.of(c.getCaseNumber(), c.getStatus(),
        c.getFirstAnsweredAt() != null), settings.reopenWithin()));
  }

  /** The id of the case with that number (other modules keep records by case id). */
  @Transactional(readOnly = true)
  public Optional<Long> idOf(String caseNumber) {
    return cases.findByCaseNumber(caseNumber).map(ServiceCase::getId);
  }

  /** Constant-time check of a customer's access token. */
  @Transactional(readOnly = true)
  public boolean tokenMatches(String caseNumber, String token) {
    if (token == null || token.isBlank()) return false;
    return cases.findByCaseNumber(caseNumber)
        .map(c -> MessageDigest.isEqual(c.getAccessTokenHash().getBytes(StandardCharsets.US_ASCII),
            sha256(token).getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
  }

  /** Who a case is for and what it is about, for other modules' records and tasks (service levels). */
  public record Summary(Long caseId, String caseNumber, String customerName, String subject, Priority priority,
      SourceChannel sourceChannel, String salesChannel, RequestType requestType) {}

  @Transactional(readOnly = true)
  public Summary summary(Long caseId) {
    ServiceCase c = get(caseId);
    TaskCard card = taskCard(caseId);
    return new Summary(c.getId(), c.getCaseNumber(), card.customerName(), c.getSubject(), c.getPriority(),
        c.getSourceChannel(), CaseFacts.of(c, LocalDate.now(clock)).salesChannel(), c.getRequestType());
  }

  /** What a Tasklist card says of a task's case ({@link TaskCards}). */
  public record TaskCard(String caseNumber, String customerName, String subject, Priority priority) {}

  TaskCard taskCard(Long caseId) {
    ServiceCase c = get(caseId);
    String customer = c.getCustomer().getName() != null
        ? c.getCustomer().getName()
        : c.getCustomer().getEmail() != null ? c.getCustomer().getEmail() : c.getCustomer().getPhone();
    return new TaskCard(c.getCaseNumber(), customer, c.getSubject(), c.getPriority());
  }

  private ServiceCase get(Long caseId) {
    return cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException("id " + caseId));
  }

  private static String authorOf(OpenCaseCommand command) {
    if (command.email() != null && !command.email().isBlank()) return command.email().trim();
    if (command.phone() != null && !command.phone().isBlank()) return command.phone().trim();
    return command.customerName();
  }

  /**
   * The agent must see when the order named belongs to someone else (a gift, a family member, or someone who
   * found an order number): confirm before sharing order details or paying anything out.
   */
  static String buyerNote(SalesOrder order, Customer sender) {
    Customer buyer = order == null ? null : order.getCustomer();
    if (buyer == null || sender == null || buyer == sender
        || buyer.getId() != null && buyer.getId().equals(sender.getId())) {
      return null;
    }
    return "Buyer differs: order " + order.getOrderNumber() + " was placed by " + buyer.getName()
        + (buyer.getEmail() != null ? " (" + buyer.getEmail() + ")" : "") + ", not by this sender. Confirm the"
        + " sender may act for the buyer before sharing order details or refunding.";
  }

  private static String joinNotes(String... notes) {
    String joined = java.util.Arrays.stream(notes).filter(n -> n != null && !n.isBlank())
        .collect(java.util.stream.Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }

  /** A subject as the case record holds it (300 characters); the thread keeps the whole (see wholeText). */
  static String recordSubject(String subject) {
    return Texts.shorten(Texts.storable(subject), SUBJECT_LENGTH);
  }

  /** The message text to keep whole on the thread; a subject too long for the record is kept at its top. */
  static String wholeText(String subject, String body) {
    String text = Texts.storable(body);
    String clean = Texts.storable(subject);
    return clean != null && clean.length() > SUBJECT_LENGTH ? "Subject: " + clean + "\n\n" + text : text;
  }

  private static String trimToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String newAccessToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
