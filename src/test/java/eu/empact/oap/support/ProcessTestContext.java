package eu.empact.oap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The application for process tests: H2 in memory, no demo data, and the job executor off, so
 * that a test moves the clock and executes each timer job itself.
 *
 * <p>Every class with this annotation and nothing else of its own shares one application context,
 * started once per {@code ./mvnw verify} and cached by Spring's test framework: no
 * {@code @DirtiesContext}, so a test must not depend on a clean database (each creates the OAPs it
 * works on, under names of its own, and finds its tasks by its own process instance). Camunda
 * registers process engines and process applications JVM-wide by name, and the integration tests
 * start applications of their own beside this cached one: the engine and the process application
 * here get unique names, so they never clash with the {@code default} engine of another context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@SpringBootTest(properties = {"empact.demo.enabled=false", "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:empact-process;DB_CLOSE_DELAY=-1")
public @interface ProcessTestContext {}
