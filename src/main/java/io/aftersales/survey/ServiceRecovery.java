package io.aftersales.survey;

import static io.aftersales.survey.ServiceRecoveryProcess.*;

import io.aftersales.cases.ServiceCases;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts {@code service-recovery} for an unhappy survey answer, once per survey, with the case as business key. */
@Component
class ServiceRecovery {
  private final RuntimeService runtime;
  private final ServiceCases cases;

  ServiceRecovery(RuntimeService runtime, ServiceCases cases) {
    this.runtime = runtime;
    this.cases = cases;
  }

  void start(Survey survey) {
    var to = cases.outboundMail(survey.getCaseId());
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_ID.name(), survey.getCaseId());
    variables.put(SURVEY_ID.name(), survey.getId());
    variables.put(CASE_NUMBER.name(), to.caseNumber());
    variables.put(CUSTOMER_NAME.name(), to.customerName());
    variables.put(SURVEY_SCORE.name(), String.valueOf(survey.getScore()));
    variables.put(SURVEY_SOLVED.name(), survey.getSolved());
    variables.put(CUSTOMER_MESSAGE.name(), io.aftersales.shared.Texts.excerpt(survey.getComment()));
    runtime.startProcessInstanceByKey(KEY, to.caseNumber(), variables);
  }
}
