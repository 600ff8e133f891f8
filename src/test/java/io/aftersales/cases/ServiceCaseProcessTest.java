package io.aftersales.cases;

import static io.aftersales.cases.ServiceCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.mockito.DelegateExpressions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of processes/cases/service-case.bpmn, with its delegates mocked by bean name. */
@Deployment(resources = "processes/cases/service-case.bpmn")
class ServiceCaseProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

  JavaDelegate sendAcknowledgement;
  JavaDelegate recordReview;
  JavaDelegate sendFirstAnswer;
  JavaDelegate sendResolution;
  JavaDelegate sendReply;
  JavaDelegate closeCase;
  TaskListener recordAgent;

  @BeforeEach
  void mockDelegates() {
    sendAcknowledgement = DelegateExpressions.registerJavaDelegateMock("sendAcknowledgementDelegate").getMock();
    recordReview = DelegateExpressions.registerJavaDelegateMock("recordReviewDelegate").getMock();
    sendFirstAnswer = DelegateExpressions.registerJavaDelegateMock("sendFirstAnswerDelegate").getMock();
    sendResolution = DelegateExpressions.registerJavaDelegateMock("sendResolutionDelegate").getMock();
    sendReply = DelegateExpressions.registerJavaDelegateMock("sendReplyDelegate").getMock();
    closeCase = DelegateExpressions.registerJavaDelegateMock("closeCaseDelegate").getMock();
    recordAgent = DelegateExpressions.registerTaskListenerMock("recordAgentListener").getMock();
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance openCase() {
    return runtimeService().startProcessInstanceByKey(KEY, "SC-2026-000001",
        Map.of(CASE_ID.name(), 1L, CASE_NUMBER.name(), "SC-2026-000001", SUBJECT.name(), "Lid does not fit"));
  }

  @Test
  void acknowledgesWhileAnAgentReviews() throws Exception {
    ProcessInstance pi = openCase();
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_ACKNOWLEDGEMENT, USER_TASK_REVIEW_CASE);
    assertThat(task(pi)).hasCandidateGroup("crm-frontend");
    execute(job(pi));
    verify(sendAcknowledgement).execute(any());
    assertThat(pi).hasPassed(END_EVENT_ACKNOWLEDGEMENT_SENT).isWaitingAt(USER_TASK_REVIEW_CASE);
  }

  @Test
  void closesAnInformationRequestAfterTheFirstAnswer() throws Exception {
    ProcessInstance pi = openCase();
    execute(job(pi));
    complete(task(pi), withVariables(REQUEST_TYPE.name(), "INFORMATION", PRIORITY.name(), "LOW",
        FIRST_ANSWER.name(), "Our pans are oven-safe up to 220 °C."));
    verify(recordAgent).notify(any());
    verify(recordReview).execute(any());
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_FIRST_ANSWER);
    execute(job(pi));
    verify(sendFirstAnswer).execute(any());
    assertThat(pi).hasPassed(SERVICE_TASK_CLOSE_CASE).isEnded().hasPassed(END_EVENT_CASE_CLOSED)
        .hasNotPassed(USER_TASK_RESOLVE_CASE);
    verify(closeCase).execute(any());
  }

  @Test
  void sendsProcedureCasesToResolutionBeforeClosing() throws Exception {
    for (String type : new String[] {"RETURN", "WARRANTY", "SPARE_PART"}) {
      ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "SC-2026-" + type,
          Map.of(CASE_ID.name(), 2L));
      execute(job(pi));
      complete(task(pi), withVariables(REQUEST_TYPE.name(), type, PRIORITY.name(), "NORMAL",
          FIRST_ANSWER.name(), "We are on it."));
      execute(job(pi));
      assertThat(pi).isWaitingAt(USER_TASK_RESOLVE_CASE);
      assertThat(task(pi)).hasCandidateGroup("crm-frontend");
      complete(task(pi), withVariables(RESOLUTION.name(), "Your refund was issued."));
      assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_RESOLUTION);
      execute(job(pi));
      assertThat(pi).isEnded().hasPassed(SERVICE_TASK_SEND_RESOLUTION, SERVICE_TASK_CLOSE_CASE);
    }
    verify(sendResolution, times(3)).execute(any());
    verify(closeCase, times(3)).execute(any());
  }

  @Test
  void aCustomerReplyReachesTheAgentWithoutInterruptingTheCase() throws Exception {
    ProcessInstance pi = openCase();
    execute(job(pi));
    runtimeService().createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED).processInstanceBusinessKey("SC-2026-000001")
        .setVariable(LAST_CUSTOMER_MESSAGE.name(), "Here is my receipt")
        .correlateAllWithResult();
    assertThat(pi).isWaitingAt(USER_TASK_REVIEW_CASE, USER_TASK_HANDLE_CUSTOMER_REPLY);
    var replyTask = engine.getTaskService().createTaskQuery().taskDefinitionKey(USER_TASK_HANDLE_CUSTOMER_REPLY)
        .singleResult();
    assertThat(replyTask).hasCandidateGroup("crm-frontend");
    assertThat(engine.getTaskService().getVariable(replyTask.getId(), LAST_CUSTOMER_MESSAGE.name()))
        .isEqualTo("Here is my receipt");
    complete(replyTask, withVariables(REPLY_TEXT.name(), "Thank you, received."));
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_REPLY);
    execute(job(SERVICE_TASK_SEND_REPLY, pi));
    verify(sendReply).execute(any());
    assertThat(pi).hasPassed(END_EVENT_REPLY_SENT).isWaitingAt(USER_TASK_REVIEW_CASE);
    // The answer stays with its reply: the variable was local to that event subprocess.
    assertThat(runtimeService().getVariable(pi.getId(), REPLY_TEXT.name())).isNull();
  }

  @Test
  void aReplyThatNeedsNoAnswerSendsNothing() throws Exception {
    ProcessInstance pi = openCase();
    execute(job(pi));
    runtimeService().createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED).processInstanceBusinessKey("SC-2026-000001")
        .setVariable(LAST_CUSTOMER_MESSAGE.name(), "Thanks!")
        .correlateAllWithResult();
    var replyTask = engine.getTaskService().createTaskQuery().taskDefinitionKey(USER_TASK_HANDLE_CUSTOMER_REPLY)
        .singleResult();
    complete(replyTask, withVariables(REPLY_TEXT.name(), "   "));
    assertThat(pi).hasPassed(END_EVENT_REPLY_HANDLED).isWaitingAt(USER_TASK_REVIEW_CASE);
    verify(sendReply, never()).execute(any());
  }

  @Test
  void aPersistentMailFailureBecomesAnIncidentNotALoss() throws Exception {
    doThrow(new IllegalStateException("SMTP down")).when(sendAcknowledgement).execute(any());
    ProcessInstance pi = openCase();
    int attempts = 0;
    while (job(pi).getRetries() > 0) {
      assertThatThrownBy(() -> execute(job(pi))).hasMessageContaining("SMTP down");
      attempts++;
    }
    assertThat(attempts).as("attempts of retry cycle R5/PT5M").isEqualTo(5);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    // The customer is still served: the review does not wait for the acknowledgement.
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_ACKNOWLEDGEMENT, USER_TASK_REVIEW_CASE).isNotEnded();
    assertThat(task(pi)).hasCandidateGroup("crm-frontend");
  }
}
