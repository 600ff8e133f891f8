package io.aftersales.sla;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The clocks are the platform's own bookkeeping: whoever's action moves them (a warehouse clerk completing a step, a
 * customer writing, an agent answering), their timers, variables and escalations are written as the system — never
 * with that person's rights (a clerk may not start processes) nor in their name in the engine's operation log.
 */
@Component
class AsSystem {
  // The identity service comes with the engine, which is built with the plugin that uses this: look it up late.
  private final ObjectProvider<IdentityService> identity;

  AsSystem(ObjectProvider<IdentityService> identity) {
    this.identity = identity;
  }

  void run(Runnable work) {
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
