package io.aftersales.security;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Deployments run the {@link DeploymentCheck} before the engine parses them, whoever deploys (Camunda Modeler
 * over REST, the start-up scan): a refused deployment is a {@link ParseException}, which the REST API answers with
 * 400 and each violation (resource, line, element), and nothing is stored.
 *
 * <p>Defence in depth: expressions reach only the delegate and listener beans and the helper beans, not the
 * whole application context (Spring's default), so even an expression that slipped through could not reach the
 * identity service or a repository.
 */
@Component
class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {

  /**
   * Beans documented for use inside expressions (timer and due-date helpers): {@code businessTime} (the business
   * calendar, {@code io.aftersales.calendar.BusinessTime}). All their public methods may be called from a model, so
   * each must be written for that.
   */
  static final Set<String> HELPER_BEANS = Set.of("businessTime");

  private final ApplicationContext context;

  DeploymentCheckPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    deployers.add(new CheckingDeployer(this::check));
    if (configuration.getCustomPreDeployers() != null) deployers.addAll(configuration.getCustomPreDeployers());
    configuration.setCustomPreDeployers(deployers);
    configuration.setExpressionManager(new SpringExpressionManager(context, new ModelBeans(this)));
  }

  DeploymentCheck check() {
    return new DeploymentCheck(delegateBeans(), HELPER_BEANS, context::containsBean);
  }

  /** The application's delegates and listeners, by bean name (asked when first needed: all beans are defined then). */
  Set<String> delegateBeans() {
    ListableBeanFactory beans = context;
    return Stream.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)
        .flatMap(type -> Stream.of(beans.getBeanNamesForType(type, false, false)))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Runs the check on a new deployment; a deployment read again from the database was checked when it came. */
  record CheckingDeployer(java.util.function.Supplier<DeploymentCheck> check) implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew()) return;
      DeploymentCheck rules = check.get();
      List<DeploymentCheck.Violation> violations = new ArrayList<>();
      for (ResourceEntity resource : deployment.getResources().values()) {
        violations.addAll(rules.check(resource.getName(), resource.getBytes()));
      }
      if (!violations.isEmpty()) throw new DeploymentRefused(violations);
    }
  }

  /** The engine's parse error, so the REST API answers 400 with each violation under its resource. */
  static final class DeploymentRefused extends ParseException {
    private final List<ResourceReport> reports;

    DeploymentRefused(List<DeploymentCheck.Violation> violations) {
      super(message(violations), violations.get(0).resource(), List.copyOf(violations), List.of());
      Map<String, List<Problem>> byResource = new java.util.LinkedHashMap<>();
      for (DeploymentCheck.Violation violation : violations)
        byResource.computeIfAbsent(violation.resource(), r -> new ArrayList<>()).add(violation);
      this.reports = byResource.entrySet().stream().<ResourceReport>map(e -> new Report(e.getKey(), e.getValue()))
          .toList();
    }

    private static String message(List<DeploymentCheck.Violation> violations) {
      return "The deployment check refused this deployment (" + violations.size() + " violation"
          + (violations.size() == 1 ? "" : "s") + "): models may use only this application's delegate beans, "
          + "documented helper beans and process variables.\n" + violations.stream().map(v -> "- " + v)
              .collect(Collectors.joining("\n"));
    }

    @Override
    public List<ResourceReport> getResorceReports() { return reports; }
  }

  private record Report(String resourceName, List<Problem> errors) implements ResourceReport {
    @Override
    public String getResourceName() { return resourceName; }

    @Override
    public List<Problem> getErrors() { return errors; }

    @Override
    public List<Problem> getWarnings() { return List.of(); }
  }

  /** The beans an expression may name: delegates, listeners, helpers. Other names resolve as variables only. */
  private static final class ModelBeans extends AbstractMap<Object, Object> {
    private final DeploymentCheckPlugin plugin;
    private volatile Set<String> names;

    ModelBeans(DeploymentCheckPlugin plugin) {
      this.plugin = plugin;
    }

    private Set<String> names() {
      Set<String> known = names;
      if (known == null) {
        Set<String> all = new LinkedHashSet<>(plugin.delegateBeans());
        all.addAll(HELPER_BEANS);
        names = known = Set.copyOf(all);
      }
      return known;
    }

    @Override
    public boolean containsKey(Object key) {
      return names().contains(key);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? plugin.context.getBean((String) key) : null;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
      return names().stream().map(name -> Map.entry((Object) name, plugin.context.getBean(name)))
          .collect(Collectors.toSet());
    }
  }
}
