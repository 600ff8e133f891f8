package io.aftersales.mail;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turning a recorded inbound mail into a case is a job of the engine's job executor, so any node of a
 * cluster takes it, a node that dies leaves it to the others (its lock runs out), and it commits together
 * with the case it opens. The job is queued in the same transaction as the mail's ledger row.
 *
 * <p>A failing attempt is retried with back-off ({@code aftersales.mail.imap.processing-*}); after the last
 * one the ledger row becomes FAILED with the error, listed for the team leads, and the job ends: the mail
 * is never dropped and never silently stuck. A mail that must wait for an earlier one
 * ({@link EarlierMailPending}) is tried again shortly without using up an attempt.
 */
@Component
class InboundMailJobs extends AbstractProcessEnginePlugin {
  static final String TYPE = "aftersales-inbound-mail";
  private static final Logger log = LoggerFactory.getLogger(InboundMailJobs.class);

  /** The processor needs the engine's services; the engine needs this plugin: resolved at first use. */
  private final ObjectProvider<InboundMailProcessor> processor;
  private final ObjectProvider<JdbcTemplate> jdbc;
  private final MailSettings.Imap settings;

  InboundMailJobs(ObjectProvider<InboundMailProcessor> processor, ObjectProvider<JdbcTemplate> jdbc,
      MailSettings settings) {
    this.processor = processor;
    this.jdbc = jdbc;
    this.settings = settings.imap();
  }

  /** Thrown by a job whose mail must wait for an earlier one: tried again soon, no attempt used up. */
  static class EarlierMailPending extends RuntimeException {
    EarlierMailPending(long mailId, long earlierId) {
      super("Inbound mail " + mailId + " waits for the earlier mail " + earlierId);
    }
  }

  /** Queues the job for a recorded mail; must run inside the transaction that wrote its ledger row. */
  static void queue(CommandContext context, long mailId, int attempts) {
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(TYPE);
    job.setJobHandlerConfigurationRaw(Long.toString(mailId));
    job.setRetries(attempts);
    context.getJobManager().send(job);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    java.util.List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
        ? new java.util.ArrayList<>()
        : new java.util.ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new Handler());
    configuration.setCustomJobHandlers(handlers);
    FailedJobCommandFactory others = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, failure) -> new Command<>() {
      @Override
      public Object execute(CommandContext context) {
        JobEntity job = context.getJobManager().findJobById(jobId);
        if (job != null && TYPE.equals(job.getJobHandlerType())) {
          return new AttemptFailed(jobId, failure).execute(context);
        }
        return others != null
            ? others.getCommand(jobId, failure).execute(context)
            : new DefaultJobRetryCmd(jobId, failure).execute(context);
      }
    });
  }

  private record MailId(long id) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return Long.toString(id);
    }
  }

  private class Handler implements JobHandler<MailId> {
    @Override
    public String getType() { return TYPE; }

    @Override
    public void execute(MailId mail, ExecutionEntity execution, CommandContext context, String tenantId) {
      processor.getObject().processRecorded(mail.id());
    }

    @Override
    public MailId newConfiguration(String canonicalString) {
      return new MailId(Long.parseLong(canonicalString));
    }

    @Override
    public void onDelete(MailId configuration, JobEntity jobEntity) {
      // nothing to clean up: the ledger row is the record
    }
  }

  /** The failed-attempt rule: back-off, then FAILED on the ledger for a person. */
  private class AttemptFailed extends JobRetryCmd {
    AttemptFailed(String jobId, Throwable failure) {
      super(jobId, failure);
    }

    @Override
    public Object execute(CommandContext context) {
      JobEntity job = getJob();
      if (job == null) return null;
      long mailId = Long.parseLong(job.getJobHandlerConfigurationRaw());
      job.unlock();
      logException(job);
      Date now = ClockUtil.getCurrentTime();
      if (exception instanceof EarlierMailPending || exception instanceof OptimisticLockingException) {
        job.setDuedate(new Date(now.getTime() + 1_000));
      } else if (job.getRetries() > 1) {
        int failedAttempts = Math.max(1, settings.processingAttempts() - job.getRetries() + 1);
        Duration wait = settings.processingBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 10));
        job.setDuedate(new Date(now.getTime() + wait.toMillis()));
        job.setRetries(job.getRetries() - 1);
        log.warn("Inbound mail {}: attempt {} failed ({}); next in {}", mailId, failedAttempts, exception.toString(),
            wait);
      } else {
        // The last attempt: the ledger lists it for a person, who can retry it once the cause is fixed.
        String error =
            exception == null ? "failed" : exception.getClass().getSimpleName() + ": " + exception.getMessage();
        jdbc.getObject().update("update aftersales.inbound_mail set status = 'FAILED', error = ? where id = ?"
            + " and status = 'RECEIVED'", io.aftersales.shared.Texts.storable(error), mailId);
        log.error("Inbound mail {} kept as FAILED after {} attempts: {}", mailId, settings.processingAttempts(), error);
        job.delete();
        return null;
      }
      notifyAcquisition(context);
      return null;
    }
  }
}
