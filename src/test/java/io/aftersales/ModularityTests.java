package io.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the feature packages honest: no cycles, no reaching into another module's internals. */
class ModularityTests {
  private final ApplicationModules modules = ApplicationModules.of(AftersalesApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void documentsEveryModule() throws Exception {
    // PlantUML component diagrams under target/spring-modulith-docs, one per module and one overall.
    Documenter documenter = new Documenter(modules);
    documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    Path docs = Path.of("target", "spring-modulith-docs");
    assertThat(docs.resolve("components.puml")).exists();
    modules.forEach(module -> assertThat(docs.resolve("module-" + module.getIdentifier() + ".puml")).exists());
    assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
        .contains("cases", "intake", "mail", "masterdata", "security");
  }
}
