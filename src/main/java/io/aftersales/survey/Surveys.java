package io.aftersales.survey;

import io.aftersales.cases.CaseClosed;
import io.aftersales.shared.IsoDurations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction survey: offered when a case is resolved, answered through its link (or on the status page), its
 * answers kept with the case. No survey to business partners (retailers), and none to a customer who got one within
 * the quiet period. The link's token is random (192 bits) and stored only as its SHA-256, so a forged or guessed
 * link finds nothing.
 */
@Service
class Surveys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SurveyRepository surveys;
  private final SurveySettings settings;
  private final Clock clock;
  private final ServiceRecovery recovery;

  Surveys(SurveyRepository surveys, SurveySettings settings, Clock clock, ServiceRecovery recovery) {
    this.surveys = surveys;
    this.settings = settings;
    this.clock = clock;
    this.recovery = recovery;
  }

  /** A survey offered: its token (for the links; never stored) and until when it is valid. */
  record Offer(String token, Instant expiresAt, int round) {}

  /** The answer a survey got; {@code recovery}: it asks for service recovery, for the first time. */
  record Answered(Survey survey, boolean recovery) {}

  /** Offers a survey for a closed case, unless the rules say none (empty). */
  @Transactional
  Optional<Offer> offer(CaseClosed closed) {
    if (closed.business()) return Optional.empty();
    Instant now = clock.instant();
    Instant quietSince = now.minus(java.time.Duration.between(now, IsoDurations.plus(now, settings.quietPeriod())));
    if (surveys.existsByCustomerIdAndOfferedAtAfter(closed.customerId(), quietSince)) return Optional.empty();
    List<Survey> earlier = surveys.findByCaseIdOrderByRoundDesc(closed.caseId());
    earlier.stream().filter(s -> s.getStatus() == Survey.Status.OPEN).forEach(Survey::voidIt);
    int round = earlier.isEmpty() ? 1 : earlier.get(0).getRound() + 1;
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expires = IsoDurations.plus(now, settings.validFor());
    surveys.save(new Survey(closed.caseId(), closed.customerId(), round, hash(token), now, expires));
    return Optional.of(new Offer(token, expires, round));
  }

  /** The case was reopened: an open survey of its closing is void (its links answer "void"); answers stay. */
  @Transactional
  int voidOpen(Long caseId) {
    List<Survey> open = surveys.findByCaseIdOrderByRoundDesc(caseId).stream()
        .filter(s -> s.getStatus() == Survey.Status.OPEN).toList();
    open.forEach(Survey::voidIt);
    return open.size();
  }

  Optional<Survey> byToken(String token) {
    if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
    return surveys.findByTokenHash(hash(token.strip()));
  }

  /** The survey a status page shows: the latest of the case. */
  Optional<Survey> latestOf(Long caseId) {
    return surveys.findByCaseIdOrderByRoundDesc(caseId).stream().findFirst();
  }

  Survey.Refusal refusal(Survey survey) {
    return survey.refusal(clock.instant());
  }

  /**
   * Keeps the answer and, for the first unhappy one, starts service recovery — in one transaction (the engine joins
   * it), so an answer is never marked as recovered without its team-lead task, nor the task started twice.
   */
  @Transactional
  Answered answer(Long surveyId, int score, boolean solved, String comment) {
    Survey survey = surveys.findById(surveyId).orElseThrow();
    boolean recover = survey.answer(score, solved, comment, clock.instant());
    surveys.saveAndFlush(survey);
    if (recover) recovery.start(survey);
    return new Answered(survey, recover);
  }

  /** The team lead's note on a recovery, kept with the survey (the table, not the engine, holds the text). */
  @Transactional
  void recordRecovery(Long surveyId, String note, String by) {
    Survey survey = surveys.findById(surveyId).orElseThrow();
    survey.recovered(note, by, clock.instant());
    surveys.saveAndFlush(survey);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
          StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
