package eu.empact.oap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts the application (Spring, the engine, often the webapps): it runs in the full
 * lane, {@code ./mvnw verify} (failsafe), not in the fast lane, {@code ./mvnw test} (surefire), which
 * excludes this tag. Every class that starts Spring carries it, directly, through
 * {@link ProcessTestContext} or from its superclass; {@code TestLanesTest} holds that.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(ApplicationTest.TAG)
public @interface ApplicationTest {

  /** The JUnit tag of the full lane, as the pom's surefire and failsafe configurations name it. */
  String TAG = "application";
}
