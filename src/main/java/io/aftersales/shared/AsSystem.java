package io.aftersales.shared;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The platform's own bookkeeping in the engine (service-level clocks, recurring-problem alerts): whoever's action
 * causes it (a warehouse clerk completing a step, a customer writing, an agent's review), its processes, variables and
 * decisions are run as the system — never with that person's rights (a clerk may not start processes) nor in their
 * name in the engine's operation log.
 */
@Component
public class AsSystem {
  // The identity service comes with the engine, which is built with the plugin that uses this: look it up late.
  private final ObjectProvider<IdentityService> identity;

  public AsSystem(ObjectProvider<IdentityService> identity) {
    this.identity = identity;
  }

  public void run(Runnable work) {
    IdentityService service = identity.getObject();
    Authentication who = service.getCurrentAuthentication();
    if (who == null) {
      work.run();
      return;
    }
    service.clearAuthentication();
    try {
      work.run();
    } finally {
      service.setAuthentication(who);
    }
  }
}
