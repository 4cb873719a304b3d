package eu.empact.oap.security;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the engine gate in front of the engine, the task authorizations of {@link
 * TaskAuthorizationProvider} in place of the default ones, checks with the user's groups as
 * authenticated ({@link GroupsAsAuthenticated}), task lists checked by the page ({@link TaskPage}),
 * and the problem answers in front of both engine APIs. The engine's own logging of failed commands
 * is off: the gate logs each once.
 */
@Configuration
class EngineSecurity {

  @Bean
  ProcessEnginePlugin engineGatePlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineGate.checkEngine();
        TaskForms forms = new TaskForms();
        configuration.setResourceAuthorizationProvider(new TaskAuthorizationProvider());
        List<SessionFactory> sessions = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
          sessions.addAll(configuration.getCustomSessionFactories());
        }
        sessions.add(new GroupsAsAuthenticated.Factory());
        configuration.setCustomSessionFactories(sessions);
        configuration.setEnableCmdExceptionLogging(false);
        configuration.setCustomPreCommandInterceptorsTxRequired(first(
            new EngineGate(configuration::getIdentityService, configuration::isEnablePasswordPolicy, forms),
            configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(first(
            new EngineGate(configuration::getIdentityService, configuration::isEnablePasswordPolicy, forms),
            configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
      }

      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        TaskPage.install(configuration);
      }
    };
  }

  /** The gate logs each failed command once; the REST layer does not log it a second time. */
  @Bean
  InitializingBean restRefusalLogFilter() {
    return () -> {
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
        logging.addTurboFilter(new RestRefusalLogFilter());
      }
    };
  }

  @Bean
  FilterRegistrationBean<EngineProblemFilter> engineProblemFilter(ObjectMapper json) {
    FilterRegistrationBean<EngineProblemFilter> registration = new FilterRegistrationBean<>(new EngineProblemFilter(json));
    registration.setName("engine-problems");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  private static List<CommandInterceptor> first(CommandInterceptor gate, List<CommandInterceptor> others) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(gate);
    if (others != null) {
      interceptors.addAll(others);
    }
    return interceptors;
  }
}
