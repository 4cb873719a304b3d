package eu.empact.oap;

import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import eu.empact.oap.support.ApplicationTest;
import java.lang.annotation.Annotation;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The lane rule (README, "Tests"), on the test classes: a test that starts the application is tagged
 * {@link ApplicationTest}, so {@code ./mvnw test} stays fast and {@code ./mvnw verify} still runs it;
 * and failsafe finds every tagged class by its name.
 */
@AnalyzeClasses(packages = "eu.empact.oap", importOptions = {ImportOption.OnlyIncludeTests.class})
class TestLanesTest {

  private static final DescribedPredicate<JavaClass> START_THE_APPLICATION =
      carries(SpringBootTest.class).as("start the application (@SpringBootTest)");

  private static final DescribedPredicate<JavaClass> TAGGED = carries(ApplicationTest.class)
      .as("are tagged @ApplicationTest (itself, through @ProcessTestContext or a superclass)");

  @ArchTest
  static final ArchRule applicationTestsAreInTheFullLane = classes().that(START_THE_APPLICATION)
      .and().doNotHaveModifier(JavaModifier.ABSTRACT).should(be(TAGGED))
      .because("./mvnw test runs only untagged tests, without Spring, in seconds");

  @ArchTest
  static final ArchRule integrationTestsAreInTheFullLane = classes().that().haveSimpleNameEndingWith("IT")
      .should(be(TAGGED)).because("failsafe runs the tagged tests only");

  @ArchTest
  static final ArchRule failsafeFindsEveryTaggedTest = classes().that(TAGGED)
      .and().doNotHaveModifier(JavaModifier.ABSTRACT).and().areNotAnnotations()
      .should().haveSimpleNameEndingWith("Test").orShould().haveSimpleNameEndingWith("IT")
      .because("failsafe includes **/*Test.java and **/*IT.java");

  /** Whether the class, or one of its superclasses, is (meta-)annotated with the annotation. */
  private static DescribedPredicate<JavaClass> carries(Class<? extends Annotation> annotation) {
    return DescribedPredicate.describe("carry @" + annotation.getSimpleName(),
        type -> Stream.concat(Stream.of(type), type.getAllRawSuperclasses().stream())
            .anyMatch(each -> each.isMetaAnnotatedWith(annotation)));
  }
}
