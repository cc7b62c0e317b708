package ua.dnipro.contactcenter.security;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What the engine's expression language may name: the delegates and listeners the models call
 * ({@code ${registerComplaint}}) and the call activities' variable mappings, nothing else. Out of the box the Spring expression manager
 * resolves every bean of the application, so one evaluated expression reaches {@code jdbcTemplate},
 * the services and the configuration. The beans are looked up when an expression names them, not
 * when the engine starts (some of them need the engine).
 */
@Component
class ExpressionBeans extends AbstractProcessEnginePlugin {

  static final List<Class<?>> EXPOSED_TYPES = List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class,
      DelegateVariableMapping.class);

  private final ApplicationContext context;

  ExpressionBeans(ApplicationContext context) {
    this.context = context;
  }

  /** The names of the beans expressions may resolve. */
  Set<String> exposedNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Class<?> type : EXPOSED_TYPES) {
      names.addAll(List.of(context.getBeanNamesForType(type, false, false)));
    }
    return names;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new SpringExpressionManager(context, new ExposedBeans(exposedNames(), context)));
  }

  /** A read-only view of the exposed beans, resolved on use. */
  private static final class ExposedBeans extends AbstractMap<Object, Object> {

    private final Set<String> names;
    private final ApplicationContext context;

    ExposedBeans(Set<String> names, ApplicationContext context) {
      this.names = Set.copyOf(names);
      this.context = context;
    }

    @Override
    public boolean containsKey(Object key) {
      return names.contains(key);
    }

    @Override
    public Object get(Object key) {
      return names.contains(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
      return names.stream().map(name -> Map.entry((Object) name, context.getBean(name))).collect(Collectors.toSet());
    }
  }
}
