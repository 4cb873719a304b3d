package eu.empact.oap.system;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * The engine creates its tables before Flyway migrates the registry's, so that a migration may add
 * to the engine's tables what they lack (the indexes of V14, ADR 10). Spring Boot runs the
 * database initializers in the order of their detectors and makes every bean that uses the
 * database (JdbcClient, JdbcTemplate ...) wait for all of them: this detector names the process
 * engine, ahead of Flyway's. Registered in {@code META-INF/spring.factories}.
 */
class EngineSchemaFirst extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(ProcessEngine.class);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
