package io.aftersales.shared;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Adds a command check of ours to the engine, after those already there (plugins each add their own). */
public final class EngineInterceptors {
  private EngineInterceptors() {}

  /**
   * After the command context exists ("post" interceptor, "tx required" executor: the one the services use), so the
   * check can read what the command works on.
   */
  public static void appendPost(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    List<CommandInterceptor> post = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      post.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    post.add(interceptor);
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }
}
