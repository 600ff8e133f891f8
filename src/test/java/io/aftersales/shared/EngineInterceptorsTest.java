package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

class EngineInterceptorsTest {
  private static CommandInterceptor check() {
    return new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        return next.execute(command);
      }
    };
  }

  @Test
  void eachCheckIsAddedAfterThoseAlreadyThere() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    CommandInterceptor first = check();
    CommandInterceptor second = check();
    EngineInterceptors.appendPost(configuration, first);
    EngineInterceptors.appendPost(configuration, second);
    assertThat(configuration.getCustomPostCommandInterceptorsTxRequired()).containsExactly(first, second);
    assertThat(configuration.getCustomPostCommandInterceptorsTxRequiresNew()).isNull();
  }
}
