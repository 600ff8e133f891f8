package io.aftersales.survey;

import io.aftersales.cases.ServiceCases;
import io.aftersales.shared.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's survey, public: with the link's token ({@code X-Survey-Token}, read from the link's fragment by
 * {@code survey.html}) or, on the status page, with the case's token ({@code X-Case-Token}). A forged or unknown link
 * is 404; an expired or void one 410, politely; answers can be changed while the link is valid.
 */
@RestController
class SurveyController {
  static final String TOKEN_HEADER = "X-Survey-Token";

  private final Surveys surveys;
  private final ServiceCases cases;

  SurveyController(Surveys surveys, ServiceCases cases) {
    this.surveys = surveys;
    this.cases = cases;
  }

  record SurveyView(String caseNumber, String subject, String status, Instant expiresAt, Integer score,
      Boolean solved, String comment) {}

  record Answer(@NotNull @Min(1) @Max(5) Integer score, @NotNull Boolean solved, @Size(max = 2000) String comment) {}

  @GetMapping("/api/survey")
  SurveyView survey(@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
    Survey survey = byToken(token);
    refuseIfClosed(survey);
    return view(survey);
  }

  @PutMapping("/api/survey")
  SurveyView answer(@RequestHeader(name = TOKEN_HEADER, required = false) String token,
      @Valid @RequestBody Answer answer) {
    return record(byToken(token), answer);
  }

  @GetMapping("/api/cases/{caseNumber}/survey")
  SurveyView ofCase(@PathVariable String caseNumber,
      @RequestHeader(name = "X-Case-Token", required = false) String caseToken) {
    return view(surveyOfCase(caseNumber, caseToken));
  }

  @PutMapping("/api/cases/{caseNumber}/survey")
  SurveyView answerOfCase(@PathVariable String caseNumber,
      @RequestHeader(name = "X-Case-Token", required = false) String caseToken, @Valid @RequestBody Answer answer) {
    return record(surveyOfCase(caseNumber, caseToken), answer);
  }

  private SurveyView record(Survey survey, Answer answer) {
    refuseIfClosed(survey);
    Surveys.Answered answered = io.aftersales.shared.ConcurrentUpdates.retry(() -> surveys.answer(survey.getId(),
        answer.score(), answer.solved(), answer.comment()));
    return view(answered.survey());
  }

  private Survey byToken(String token) {
    return surveys.byToken(token).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "survey-not-found",
        "Survey not found", "This survey link is not valid. Please use the link from our email."));
  }

  private Survey surveyOfCase(String caseNumber, String caseToken) {
    if (!cases.tokenMatches(caseNumber, caseToken)) throw Problems.notFound("case " + caseNumber);
    return cases.idOf(caseNumber).flatMap(surveys::latestOf)
        .orElseThrow(() -> Problems.notFound("survey of case " + caseNumber));
  }

  private void refuseIfClosed(Survey survey) {
    Survey.Refusal refusal = surveys.refusal(survey);
    if (refusal == null) return;
    throw Problems.of(HttpStatus.GONE, "survey-closed", "Survey closed", refusal == Survey.Refusal.EXPIRED
        ? "Thank you for following the link. This survey has closed; you can always write to us about your case."
        : "Thank you. Your case was reopened, so this survey no longer applies; we will ask again when it is resolved.");
  }

  private SurveyView view(Survey survey) {
    var to = cases.outboundMail(survey.getCaseId());
    return new SurveyView(to.caseNumber(), to.subject(), survey.getStatus().name(), survey.getExpiresAt(),
        survey.getScore(), survey.getSolved(), survey.getComment());
  }
}
