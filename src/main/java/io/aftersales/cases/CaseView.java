package io.aftersales.cases;

import java.time.Instant;
import java.util.List;

/** What the customer (with the access token) or staff see of a case. */
public record CaseView(
    String caseNumber,
    String status,
    String sourceChannel,
    String requestType,
    String priority,
    String subject,
    String orderNumber,
    String productSku,
    String followUpOf,
    Instant openedAt,
    Instant firstAnsweredAt,
    Instant closedAt,
    /** Until when a reply reopens the closed case (null while it is open); later the customer opens a new request. */
    Instant reopenableUntil,
    Stage stage,
    List<Message> messages) {

  /**
   * Where the case stands in the customer's words ({@link CaseStage}): what we are doing, what we expect from the
   * customer (null: nothing), and the tracking number of a parcel on its way.
   */
  public record Stage(String code, String title, String text, String expectation, String trackingNumber,
      String carrier) {}

  /** {@code deliveryFailure}: set when the message bounced (the customer never got it). */
  public record Message(String direction, String channel, String author, String subject, String body, Instant at,
      String deliveryFailure) {}

  static CaseView of(ServiceCase c, Stage stage) {
    return of(c, stage, null);
  }

  static CaseView of(ServiceCase c, Stage stage, String reopenWithin) {
    return new CaseView(c.getCaseNumber(), c.getStatus().name(), c.getSourceChannel().name(),
        c.getRequestType() == null ? null : c.getRequestType().name(), c.getPriority().name(), c.getSubject(),
        c.getOrderReference(), c.getProductReference(),
        c.getFollowUpOf() == null ? null : c.getFollowUpOf().getCaseNumber(),
        c.getOpenedAt(), c.getFirstAnsweredAt(), c.getClosedAt(),
        c.isClosed() && c.getClosedAt() != null && reopenWithin != null
            ? io.aftersales.shared.IsoDurations.plus(c.getClosedAt(), reopenWithin)
            : null,
        stage,
        c.getMessages().stream()
            // Customers see the brand, not staff user names.
            .map(m -> new Message(m.getDirection().name(), m.getChannel(),
                m.getDirection() == MessageDirection.OUTBOUND ? "Customer care" : m.getAuthor(), m.getSubject(),
                m.getBody(), m.getCreatedAt(), m.getDeliveryFailure()))
            .toList());
  }
}
