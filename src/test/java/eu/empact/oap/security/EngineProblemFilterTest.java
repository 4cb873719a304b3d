package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.tasks.FieldProblem;
import org.junit.jupiter.api.Test;

class EngineProblemFilterTest {

  @Test
  void namesTheValueTheEngineFoundMissingAndWhy() {
    assertThat(EngineProblemFilter.missing("No user found with id 'x'.: user is null"))
        .isEqualTo(FieldProblem.of("user", "No user found with id 'x'"));
    assertThat(EngineProblemFilter.missing("No group found with id 'a:b'.: group is null"))
        .isEqualTo(FieldProblem.of("group", "No group found with id 'a:b'"));
    assertThat(EngineProblemFilter.missing("taskId is null")).isEqualTo(FieldProblem.of("taskId", "is missing"));
  }

  @Test
  void keepsAMessageItCannotReadWhole() {
    assertThat(EngineProblemFilter.missing("Something else went missing"))
        .isEqualTo(FieldProblem.of(null, "Something else went missing"));
    assertThat(EngineProblemFilter.missing(null)).isEqualTo(FieldProblem.of(null, "a value the request needs is missing"));
  }
}
