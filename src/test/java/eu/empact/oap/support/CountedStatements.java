package eu.empact.oap.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Counts every SQL statement the application's connections prepare or create: a configuration
 * the benchmarks add to the application they start.
 */
public class CountedStatements {

  private static final AtomicLong STATEMENTS = new AtomicLong();

  /** The statements counted since the last reset. */
  public static long count() {
    return STATEMENTS.get();
  }

  public static void reset() {
    STATEMENTS.set(0);
  }

  @Bean
  static BeanPostProcessor countStatements() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource source ? proxy(DataSource.class, (target, method, args) -> {
          Object result = invoke(source, method, args);
          return result instanceof Connection connection ? proxy(Connection.class, (t, m, a) -> {
            if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
              STATEMENTS.incrementAndGet();
            }
            return invoke(connection, m, a);
          }) : result;
        }) : bean;
      }
    };
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
