package eu.empact.oap;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import eu.empact.oap.system.EngineClock;
import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.ProcessStep;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;

/**
 * The package boundaries the build enforces, on the application's classes (no Spring, no engine):
 * no cycle between packages, a registry without the engine, one clock, a shared package that
 * depends on none of the others, and one base for what the models call (user-task listeners on
 * {@link FormTaskListener}, delegates and execution listeners on {@link ProcessStep}). Each rule's
 * reason says what to do when it fails.
 */
@AnalyzeClasses(packages = "eu.empact.oap", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  /** adoption, registry, reporting ... each with its sub-packages: no two depend on each other. */
  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("eu.empact.oap.(*)..")
      .namingSlices("$1").should().beFreeOfCycles()
      .because("a feature package depends on lower ones only (shared, registry, identity, tasks ...); move the "
          + "class that closes the cycle, or let the lower package publish an event or an interface");

  /** The same between any two packages, sub-packages too: reporting.documents depends on reporting, not back. */
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("eu.empact.oap.(**)")
      .namingSlices("$1").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule registryDoesNotUseTheEngine = noClasses().that().resideInAPackage("eu.empact.oap.registry..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda..")
      .because("the registry is plain Spring and JDBC; processes reach it through their delegates and listeners "
          + "(docs/adr/0001)");

  @ArchTest
  static final ArchRule onlyTheEngineClockReadsClockUtil = noClasses()
      .that().doNotHaveFullyQualifiedName(EngineClock.class.getName())
      .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
      .because("the application has one clock: take a java.time.Clock in the constructor (the bean is "
          + "EngineClock, which reads the engine's)");

  @ArchTest
  static final ArchRule sharedDependsOnNoOtherPackage = noClasses().that().resideInAPackage("eu.empact.oap.shared..")
      .should().dependOnClassesThat(resideInAPackage("eu.empact.oap..").and(not(resideInAPackage("eu.empact.oap.shared.."))))
      .orShould().dependOnClassesThat().resideInAPackage("org.camunda..")
      .because("every package may use shared, so shared may use none of them, nor the engine");

  @ArchTest
  static final ArchRule taskListenersAreFormTaskListeners = classes().that().areAssignableTo(TaskListener.class)
      .should().beAssignableTo(FormTaskListener.class)
      .because("every user task records its subject and checks its form the same way: extend FormTaskListener");

  @ArchTest
  static final ArchRule delegatesAreProcessSteps = classes().that().areAssignableTo(JavaDelegate.class)
      .or().areAssignableTo(ExecutionListener.class).should().beAssignableTo(ProcessStep.class)
      .because("every service task and execution listener gets its recorded subject and acting user the same "
          + "way: implement ProcessStep (run(Step)), or declare a ProcessStep lambda bean");

  @ArchTest
  static final ArchRule beansForTheModelsAreSteps = noMethods().that().areAnnotatedWith(Bean.class)
      .should().haveRawReturnType(JavaDelegate.class)
      .orShould().haveRawReturnType(ExecutionListener.class)
      .orShould().haveRawReturnType(TaskListener.class)
      .because("a lambda bean the models call is a ProcessStep (delegates, execution listeners) or a "
          + "FormTaskListener (user tasks)");
}
