package eu.empact.oap.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Counts every SQL statement the application's connections prepare or create, and on request
 * keeps their text with the thread that prepared it: a configuration the benchmarks add to the
 * application they start.
 */
public class CountedStatements {

  /** How much of a statement's SQL is kept: its start tells it apart, and a cycle's statements fit in memory. */
  private static final int KEPT_LENGTH = 300;
  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static volatile Queue<String> recorded;

  /**
   * From now on, also keeps the start of each statement's SQL with the thread that prepared it;
   * until {@link #recorded()}.
   */
  public static void record() {
    recorded = new ConcurrentLinkedQueue<>();
  }

  /** The statements kept since {@link #record()}, as "thread: SQL"; stops keeping them. */
  public static List<String> recorded() {
    Queue<String> kept = recorded;
    recorded = null;
    return kept == null ? List.of() : List.copyOf(kept);
  }

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
              Queue<String> kept = recorded;
              if (kept != null) {
                String sql = a != null && a.length > 0 ? String.valueOf(a[0]) : m.getName();
                kept.add(Thread.currentThread().getName() + ": "
                    + (sql.length() > KEPT_LENGTH ? sql.substring(0, KEPT_LENGTH) : sql));
              }
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
