package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.junit.jupiter.api.Test;

/** Reading engine command fields, and failing at start-up when Camunda renamed one. */
class EngineFieldsTest {

  @Test
  void aFieldIsReadFromACommand() {
    Field taskId = EngineFields.of(CompleteTaskCmd.class, "taskId", "a test");
    assertThat(EngineFields.read(taskId, new CompleteTaskCmd("t1", null))).isEqualTo("t1");
  }

  @Test
  void aRenamedFieldStopsTheStartNamingTheGuard() {
    assertThatThrownBy(() -> EngineFields.of(CompleteTaskCmd.class, "taskIdentifier", "the task completion rules"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Camunda changed " + CompleteTaskCmd.class.getName() + ".taskIdentifier: revisit the task completion rules")
        .hasCauseInstanceOf(NoSuchFieldException.class);
  }

  @Test
  void theClockIsUtc() {
    Clock clock = new ClockConfig().clock();
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }
}
