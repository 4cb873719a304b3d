package eu.empact.oap.security;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what an engine command was asked to do (its task id, its variables ...) before it runs.
 * The engine's commands keep that in protected fields without getters; the names are those of
 * Camunda 7.24 and are checked once at start-up ({@link #require}), so that an engine upgrade that
 * renames one fails at start, not silently at a user's click.
 */
final class CommandFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {}

  @SuppressWarnings("unchecked")
  static <T> T read(Object command, String name) {
    Field field = field(command.getClass(), name);
    try {
      return (T) field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  /** Fails unless the command class (or a superclass) has the field. */
  static void require(Class<?> command, String name) {
    field(command, name);
  }

  private static Field field(Class<?> type, String name) {
    return FIELDS.computeIfAbsent(type.getName() + "#" + name, key -> {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        try {
          Field field = c.getDeclaredField(name);
          field.setAccessible(true);
          return field;
        } catch (NoSuchFieldException e) {
          // look further up
        }
      }
      throw new IllegalStateException(type.getName() + " has no field '" + name + "': the engine gate does not "
          + "know this Camunda version");
    });
  }
}
