package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.empact.oap.registry.OapDocument.Kpi;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The identity of each KPI by which reports give its value: written, or numbered by its place and flagged. */
class KpiCodesTest {

  @Test
  void writtenCodesAreTheIdentities() {
    assertThat(KpiCodes.of(kpis("a", "b", " c "))).extracting(KpiCodes.Identity::code, KpiCodes.Identity::assigned)
        .containsExactly(tuple("a", false), tuple("b", false), tuple("c", false));
  }

  @Test
  void kpisWithoutCodesAreNumberedInOrderAndFlagged() {
    assertThat(KpiCodes.of(kpis(null, null, "", null))).extracting(KpiCodes.Identity::code,
            KpiCodes.Identity::assigned)
        .containsExactly(tuple("1", true), tuple("2", true), tuple("3", true), tuple("4", true));
  }

  @Test
  void aCodeWrittenTwiceKeepsTheFirstAndNumbersTheOther() {
    assertThat(KpiCodes.of(kpis("a", "b", "b"))).extracting(KpiCodes.Identity::code, KpiCodes.Identity::assigned)
        .containsExactly(tuple("a", false), tuple("b", false), tuple("3", true));
  }

  @Test
  void aNumberTheOaWritesAsAnotherKpisCodeIsNotGivenTwice() {
    assertThat(KpiCodes.of(kpis(null, "1", "#1", "2"))).extracting(KpiCodes.Identity::code)
        .containsExactly("3", "1", "#1", "2");
    assertThat(KpiCodes.of(kpis("2", null))).extracting(KpiCodes.Identity::code).containsExactly("2", "#2");
    assertThat(KpiCodes.of(kpis(null, "1", "#1", "2", "3"))).extracting(KpiCodes.Identity::code)
        .doesNotHaveDuplicates().containsExactly("4", "1", "#1", "2", "3");
  }

  private static List<Kpi> kpis(String... codes) {
    return Arrays.stream(codes).map(code -> new Kpi(code, "Number of operations", null)).toList();
  }
}
