package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/** The inbound-mail job: its handler and the failed-attempt rule (back-off, then FAILED on the ledger). */
class InboundMailJobsTest {
  private static final Date NOW = new Date(1_772_438_400_000L);

  @SuppressWarnings("unchecked")
  private final ObjectProvider<InboundMailProcessor> processorProvider = mock(ObjectProvider.class);
  @SuppressWarnings("unchecked")
  private final ObjectProvider<JdbcTemplate> jdbcProvider = mock(ObjectProvider.class);
  private final InboundMailProcessor processor = mock(InboundMailProcessor.class);
  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final CommandContext context = mock(CommandContext.class);
  private final JobManager jobManager = mock(JobManager.class);
  private final TransactionContext transaction = mock(TransactionContext.class);
  private final ProcessEngineConfigurationImpl configuration = mock(ProcessEngineConfigurationImpl.class);
  private final FailedJobCommandFactory others = mock(FailedJobCommandFactory.class);

  @BeforeEach
  void setUp() {
    when(processorProvider.getObject()).thenReturn(processor);
    when(jdbcProvider.getObject()).thenReturn(jdbc);
    when(context.getJobManager()).thenReturn(jobManager);
    when(context.getTransactionContext()).thenReturn(transaction);
    when(configuration.getJobExecutor()).thenReturn(mock(JobExecutor.class));
    when(configuration.getFailedJobCommandFactory()).thenReturn(others);
    Context.setCommandContext(context);
    Context.setProcessEngineConfiguration(configuration);
    ClockUtil.setCurrentTime(NOW);
  }

  @AfterEach
  void tearDown() {
    Context.removeCommandContext();
    Context.removeProcessEngineConfiguration();
    ClockUtil.reset();
  }

  private static MailSettings settings(int attempts) {
    return new MailSettings("service@aftersales.local", "Care", "aftersales.local",
        new MailSettings.Imap("imap.example",
            993, true, "inbox@aftersales.local", "secret", "INBOX", Duration.ofSeconds(30), 50, Duration.ofMinutes(2),
            true,
            Duration.ofMinutes(10), Duration.ofMinutes(2), DataSize.ofMegabytes(25), attempts, Duration.ofSeconds(10),
            Duration.ofMinutes(2)));
  }

  private FailedJobCommandFactory installed(int attempts) {
    new InboundMailJobs(processorProvider, jdbcProvider, settings(attempts)).preInit(configuration);
    ArgumentCaptor<FailedJobCommandFactory> factory = ArgumentCaptor.forClass(FailedJobCommandFactory.class);
    verify(configuration).setFailedJobCommandFactory(factory.capture());
    return factory.getValue();
  }

  private MessageEntity mailJob(int retries) {
    MessageEntity job = mock(MessageEntity.class);
    when(job.getJobHandlerType()).thenReturn(InboundMailJobs.TYPE);
    when(job.getJobHandlerConfigurationRaw()).thenReturn("42");
    when(job.getRetries()).thenReturn(retries);
    when(jobManager.findJobById("job-1")).thenReturn(job);
    return job;
  }

  private Date dueDate(MessageEntity job) {
    ArgumentCaptor<Date> due = ArgumentCaptor.forClass(Date.class);
    verify(job).setDuedate(due.capture());
    return due.getValue();
  }

  @Test
  void queueSendsAMessageJobForTheMail() {
    InboundMailJobs.queue(context, 42L, 6);
    ArgumentCaptor<MessageEntity> job = ArgumentCaptor.forClass(MessageEntity.class);
    verify(jobManager).send(job.capture());
    assertThat(job.getValue().getJobHandlerType()).isEqualTo("aftersales-inbound-mail");
    assertThat(job.getValue().getJobHandlerConfigurationRaw()).isEqualTo("42");
    assertThat(job.getValue().getRetries()).isEqualTo(6);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void preInitAddsTheHandlerToTheOthers() {
    JobHandler existing = mock(JobHandler.class);
    when(configuration.getCustomJobHandlers()).thenReturn(List.of(existing));
    new InboundMailJobs(processorProvider, jdbcProvider, settings(6)).preInit(configuration);
    ArgumentCaptor<List> handlers = ArgumentCaptor.forClass(List.class);
    verify(configuration).setCustomJobHandlers(handlers.capture());
    assertThat(handlers.getValue()).hasSize(2).first().isSameAs(existing);

    JobHandler<JobHandlerConfiguration> handler = (JobHandler<JobHandlerConfiguration>) handlers.getValue().get(1);
    assertThat(handler.getType()).isEqualTo(InboundMailJobs.TYPE);
    JobHandlerConfiguration config = handler.newConfiguration("42");
    assertThat(config.toCanonicalString()).isEqualTo("42");
    handler.onDelete(config, mock(MessageEntity.class));
    verifyNoInteractions(processor);
    handler.execute(config, null, context, null);
    verify(processor).processRecorded(42L);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void preInitWithoutCustomHandlersAddsOnlyOurs() {
    when(configuration.getCustomJobHandlers()).thenReturn(null);
    new InboundMailJobs(processorProvider, jdbcProvider, settings(6)).preInit(configuration);
    ArgumentCaptor<List> handlers = ArgumentCaptor.forClass(List.class);
    verify(configuration).setCustomJobHandlers(handlers.capture());
    assertThat(handlers.getValue()).hasSize(1);
    assertThat(((JobHandler<?>) handlers.getValue().get(0)).getType()).isEqualTo(InboundMailJobs.TYPE);
  }

  @Test
  @SuppressWarnings("unchecked")
  void otherJobsFailAsTheyDidBefore() {
    Command<Object> theirs = mock(Command.class);
    when(theirs.execute(context)).thenReturn("theirs");
    RuntimeException failure = new IllegalStateException("x");
    when(others.getCommand("job-1", failure)).thenReturn((Command) theirs);
    MessageEntity other = mock(MessageEntity.class);
    when(other.getJobHandlerType()).thenReturn("async-continuation");
    when(jobManager.findJobById("job-1")).thenReturn(other);
    assertThat(installed(6).getCommand("job-1", failure).execute(context)).isEqualTo("theirs");

    when(jobManager.findJobById("job-1")).thenReturn(null);
    assertThat(installed6Again().getCommand("job-1", failure).execute(context)).isEqualTo("theirs");
    verify(other, never()).setDuedate(any());
    verifyNoInteractions(jdbc);
  }

  private FailedJobCommandFactory installed6Again() {
    new InboundMailJobs(processorProvider, jdbcProvider, settings(6)).preInit(configuration);
    ArgumentCaptor<FailedJobCommandFactory> factory = ArgumentCaptor.forClass(FailedJobCommandFactory.class);
    verify(configuration, org.mockito.Mockito.times(2)).setFailedJobCommandFactory(factory.capture());
    return factory.getValue();
  }

  @Test
  void aMailWaitingForAnEarlierOneIsTriedAgainInASecondWithoutUsingAnAttempt() {
    MessageEntity job = mailJob(6);
    installed(6).getCommand("job-1", new InboundMailJobs.EarlierMailPending(42, 41)).execute(context);
    assertThat(dueDate(job)).isEqualTo(new Date(NOW.getTime() + 1_000));
    verify(job).unlock();
    verify(job, never()).setRetries(anyInt());
    verify(job, never()).delete();
    verify(job).setExceptionMessage("Inbound mail 42 waits for the earlier mail 41");
    verify(transaction).addTransactionListener(eq(TransactionState.COMMITTED), any());
  }

  @Test
  void anOptimisticLockIsNoAttemptEither() {
    MessageEntity job = mailJob(1);
    installed(6).getCommand("job-1", new OptimisticLockingException("concurrent")).execute(context);
    assertThat(dueDate(job)).isEqualTo(new Date(NOW.getTime() + 1_000));
    verify(job, never()).setRetries(anyInt());
    verify(job, never()).delete();
    verifyNoInteractions(jdbc);
  }

  @Test
  void theFirstFailedAttemptWaitsTheBackoff() {
    MessageEntity job = mailJob(6);
    installed(6).getCommand("job-1", new IllegalStateException("db")).execute(context);
    assertThat(dueDate(job)).isEqualTo(new Date(NOW.getTime() + 10_000));
    verify(job).setRetries(5);
    verify(job).unlock();
    verify(transaction).addTransactionListener(eq(TransactionState.COMMITTED), any());
    verifyNoInteractions(jdbc);
  }

  @Test
  void theBackoffDoublesPerFailedAttempt() {
    MessageEntity job = mailJob(3); // the 4th attempt failed: 10 s * 2^3
    installed(6).getCommand("job-1", new IllegalStateException("db")).execute(context);
    assertThat(dueDate(job)).isEqualTo(new Date(NOW.getTime() + 80_000));
    verify(job).setRetries(2);
  }

  @Test
  void theBackoffCountsAtLeastOneFailedAttempt() {
    MessageEntity job = mailJob(9); // more retries than configured attempts (configuration lowered)
    installed(6).getCommand("job-1", new IllegalStateException("db")).execute(context);
    assertThat(dueDate(job)).isEqualTo(new Date(NOW.getTime() + 10_000));
    verify(job).setRetries(8);
  }

  @Test
  void theBackoffStopsDoublingAfterTenTimes() {
    MessageEntity job = mailJob(2); // attempt 19 of 20 failed
    installed(20).getCommand("job-1", new IllegalStateException("db")).execute(context);
    assertThat(dueDate(job)).isEqualTo(new Date(NOW.getTime() + 10_000L * 1024));
    verify(job).setRetries(1);

    MessageEntity eleventh = mailJob(10); // attempt 11 of 20 failed: 2^10
    installed6Again20().getCommand("job-1", new IllegalStateException("db")).execute(context);
    assertThat(dueDate(eleventh)).isEqualTo(new Date(NOW.getTime() + 10_000L * 1024));
  }

  private FailedJobCommandFactory installed6Again20() {
    new InboundMailJobs(processorProvider, jdbcProvider, settings(20)).preInit(configuration);
    ArgumentCaptor<FailedJobCommandFactory> factory = ArgumentCaptor.forClass(FailedJobCommandFactory.class);
    verify(configuration, org.mockito.Mockito.times(2)).setFailedJobCommandFactory(factory.capture());
    return factory.getValue();
  }

  @Test
  void theLastAttemptListsTheMailAsFailedAndEndsTheJob() {
    MessageEntity job = mailJob(1);
    installed(6).getCommand("job-1", new IllegalStateException("no\u0000 database")).execute(context);
    verify(jdbc).update("update aftersales.inbound_mail set status = 'FAILED', error = ? where id = ?"
        + " and status = 'RECEIVED'", "IllegalStateException: no database", 42L);
    verify(job).delete();
    verify(job, never()).setDuedate(any());
    verify(job, never()).setRetries(anyInt());
    verifyNoInteractions(transaction);
  }

  @Test
  void aFailureWithoutExceptionIsListedAsFailed() {
    MessageEntity job = mailJob(1);
    installed(6).getCommand("job-1", null).execute(context);
    verify(jdbc).update(anyString(), eq("failed"), eq(42L));
    verify(job).delete();
    verify(job, never()).setExceptionMessage(any());
  }

  @Test
  void aJobThatIsGoneIsNothingToDo() {
    MessageEntity job = mailJob(3);
    // found when the factory looks, gone when the rule runs
    when(jobManager.findJobById("job-1")).thenReturn(job, (MessageEntity) null);
    assertThat(installed(6).getCommand("job-1", new IllegalStateException("db")).execute(context)).isNull();
    verify(job, never()).setDuedate(any());
    verifyNoInteractions(jdbc, transaction);
  }

  @Test
  void aPendingMailCarriesBothIds() {
    assertThat(new InboundMailJobs.EarlierMailPending(3, 2)).hasMessage("Inbound mail 3 waits for the earlier mail 2");
  }
}
