package eu.empact.oap.notification;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sizes the database connection pool from the threads that use it, so that none waits for a
 * connection: each job executor thread and its acquisition thread, each notification sender and
 * the sender's poller hold one connection at a time, and {@code empact.database.connections-for-requests}
 * remain for web requests. A larger {@code spring.datasource.hikari.maximum-pool-size} is kept.
 */
@Component
class ConnectionPoolSizing implements BeanPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPoolSizing.class);

  private final Environment environment;

  ConnectionPoolSizing(Environment environment) {
    this.environment = environment;
  }

  /** The connections the application's own threads need at most at the same time, with those for requests. */
  int required() {
    boolean jobs = environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true);
    int jobThreads = jobs ? environment.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class, 10) + 1 : 0;
    boolean mail = environment.containsProperty("spring.mail.host");
    int senders = mail ? environment.getProperty("empact.notifications.senders", Integer.class, 4) + 1 : 0;
    return jobThreads + senders + environment.getProperty("empact.database.connections-for-requests", Integer.class, 10);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getHikariPoolMXBean() == null) {
      int required = required();
      if (pool.getMaximumPoolSize() < required) {
        LOG.info("Database connection pool sized to {} connections (was {}): job executor, notification senders "
            + "and requests", required, pool.getMaximumPoolSize());
        pool.setMaximumPoolSize(required);
      }
    }
    return bean;
  }
}
