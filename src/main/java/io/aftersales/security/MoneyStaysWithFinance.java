package io.aftersales.security;

import io.aftersales.shared.EngineFields;
import io.aftersales.shared.EngineInterceptors;
import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * Money moves only by finance's hand. A task of the {@code finance} group (issue a refund, a credit note) is
 * completed only by a member of Finance, and is claimed by, assigned or delegated to, or offered to no one else.
 * Team leads see and reassign every task; this keeps them from finishing a refund in finance's name. Refusals are
 * Camunda's {@link AuthorizationException} (REST 403). Work the engine does on its own (no logged-in user) is not
 * affected.
 */
@Component
class MoneyStaysWithFinance extends AbstractProcessEnginePlugin {
  private static final String GUARD = "MoneyStaysWithFinance";
  private static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;
  private static final Field CLAIM_TASK = EngineFields.of(ClaimTaskCmd.class, "taskId", GUARD);
  private static final Field CLAIM_USER = EngineFields.of(ClaimTaskCmd.class, "userId", GUARD);
  private static final Field DELEGATE_TASK = EngineFields.of(DelegateTaskCmd.class, "taskId", GUARD);
  private static final Field DELEGATE_USER = EngineFields.of(DelegateTaskCmd.class, "userId", GUARD);
  private static final Field LINK_TASK = EngineFields.of(AbstractSetTaskPropertyCmd.class, "taskId", GUARD);
  private static final Field LINK_USER = EngineFields.of(AbstractAddIdentityLinkCmd.class, "userId", GUARD);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.appendPost(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        EngineFields.Completion completion = EngineFields.completion(command);
        if (completion != null) {
          completedByFinance(completion.taskId());
        } else if (command instanceof ClaimTaskCmd) {
          givenToFinance((String) EngineFields.read(CLAIM_TASK, command), (String) EngineFields.read(CLAIM_USER,
              command));
        } else if (command instanceof DelegateTaskCmd) {
          givenToFinance((String) EngineFields.read(DELEGATE_TASK, command),
              (String) EngineFields.read(DELEGATE_USER, command));
        } else if (command instanceof AbstractAddIdentityLinkCmd) {
          givenToFinance((String) EngineFields.read(LINK_TASK, command), (String) EngineFields.read(LINK_USER,
              command));
        }
        return next.execute(command);
      }
    });
  }

  private static void completedByFinance(String taskId) {
    CommandContext context = Context.getCommandContext();
    String user = context.getAuthenticatedUserId();
    if (user == null || !moneyTask(context, taskId)) return;
    List<String> groups = context.getAuthenticatedGroupIds();
    if (groups != null && (groups.contains(Groups.FINANCE) || groups.contains(CAMUNDA_ADMIN))) return;
    throw new AuthorizationException(
        "This task moves money: only a member of Finance completes it (a team lead may reassign it to one).");
  }

  private static void givenToFinance(String taskId, String userId) {
    CommandContext context = Context.getCommandContext();
    if (userId == null || context.getAuthenticatedUserId() == null || !moneyTask(context, taskId)) return;
    boolean finance = context.runWithoutAuthorization(() -> context.getProcessEngineConfiguration()
        .getIdentityService().createUserQuery().userId(userId).memberOfGroup(Groups.FINANCE).count() > 0);
    if (!finance) {
      throw new AuthorizationException("This task moves money: it can go only to a member of Finance, not to "
          + userId + ".");
    }
  }

  /** A task offered to the finance group. */
  private static boolean moneyTask(CommandContext context, String taskId) {
    if (taskId == null) return false;
    TaskEntity task = context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
    if (task == null) return false;
    for (IdentityLink link : task.getCandidates()) {
      if (Groups.FINANCE.equals(link.getGroupId())) return true;
    }
    return false;
  }
}
