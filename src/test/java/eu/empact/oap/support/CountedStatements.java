package eu.empact.oap.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Counts every SQL statement the application's connections execute, each row of a batch as one
 * (the engine flushes its inserts, updates and deletes in JDBC batches, and runs a prepared
 * statement again for the next row), and on request keeps their text with the thread that
 * executed it: a configuration the benchmarks add to the application they start.
 */
public class CountedStatements {

  /** How much of a statement's SQL is kept: its start tells it apart, and a cycle's statements fit in memory. */
  private static final int KEPT_LENGTH = 300;
  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static volatile Queue<String> recorded;

  /**
   * From now on, also keeps the start of each statement's SQL with the thread that executed it;
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
          return result instanceof Connection connection ? counted(connection) : result;
        }) : bean;
      }
    };
  }

  /** The connection, whose statements count each execution and each row added to a batch. */
  private static Connection counted(Connection connection) {
    return proxy(Connection.class, (target, method, args) -> {
      Object result = invoke(connection, method, args);
      if (result instanceof Statement statement
          && (method.getName().startsWith("prepare") || method.getName().equals("createStatement"))) {
        String prepared = args != null && args.length > 0 ? String.valueOf(args[0]) : null;
        return proxy(method.getReturnType(), (t, m, a) -> {
          if (m.getName().startsWith("execute") && !m.getName().endsWith("Batch")
              || m.getName().equals("addBatch")) {
            count(prepared != null ? prepared : a != null && a.length > 0 ? String.valueOf(a[0]) : m.getName());
          }
          return invoke(statement, m, a);
        });
      }
      return result;
    });
  }

  private static void count(String sql) {
    STATEMENTS.incrementAndGet();
    Queue<String> kept = recorded;
    if (kept != null) {
      kept.add(Thread.currentThread().getName() + ": " + (sql.length() > KEPT_LENGTH ? sql.substring(0, KEPT_LENGTH) : sql));
    }
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
