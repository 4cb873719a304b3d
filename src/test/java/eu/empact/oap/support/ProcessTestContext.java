package eu.empact.oap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The application for process tests: H2 in memory, no demo data, and the job executor off, so
 * that a test moves the clock and executes each timer job itself. The context closes after each
 * class: Camunda registers process engines JVM-wide by name, so only one may live at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = {"empact.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:empact-process;DB_CLOSE_DELAY=-1")
public @interface ProcessTestContext {}
