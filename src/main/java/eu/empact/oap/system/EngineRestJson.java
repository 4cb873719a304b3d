package eu.empact.oap.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One JSON mapper for the engine's REST APIs, {@code /engine-rest} and the webapps' own engine API
 * that Tasklist calls ({@code /camunda/api/engine}), instead of one per request (issue 14).
 *
 * <p>Camunda's {@link JacksonConfigurator} answers every lookup of the mapper with a new, configured
 * {@link ObjectMapper}: each request and each response then builds its (de)serializers anew, which
 * was a fifth of the server's time for a Tasklist filter's list in a profile. This resolver answers
 * first, with one mapper configured by the same {@code JacksonConfigurator} (its date format and
 * modules); a configured mapper is safe to share between threads.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(1)
public class EngineRestJson implements ContextResolver<ObjectMapper> {

  private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return MAPPER;
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    /** The servlet under which the Camunda webapps serve the engine's REST API to Tasklist and Cockpit. */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    @Bean
    ResourceConfigCustomizer engineRestJson() {
      return config -> config.register(EngineRestJson.class);
    }

    /**
     * Adds this resolver to the webapps' engine API. Camunda registers that servlet in its own
     * initializer, in no set order with this one; once every initializer has run and before any
     * servlet starts, the servlet is there to be given the provider.
     */
    @Bean
    ServletContextInitializer webappEngineRestJson() {
      // the context as initializers have it: the one a listener's event carries may not look up servlets
      return servletContext -> servletContext.addListener(new ServletContextListener() {
        @Override
        public void contextInitialized(ServletContextEvent event) {
          ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
          if (engineApi != null) {
            engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, EngineRestJson.class.getName());
          }
        }
      });
    }
  }
}
