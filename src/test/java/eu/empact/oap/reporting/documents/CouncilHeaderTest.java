package eu.empact.oap.reporting.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Council header of the documents: the date as the Council writes it, the marking of a document gathering OAPs. */
class CouncilHeaderTest {

  @Test
  void datesAndNumbersAsTheCouncilWritesThem() {
    assertThat(new CouncilHeader("14541/23", LocalDate.of(2023, 11, 3), "LIMITE").dated())
        .isEqualTo("Brussels, 3 November 2023");
    assertThat(new CouncilHeader(null, LocalDate.of(2023, 11, 3), null).numberOrDraft())
        .isEqualTo("Draft: no Council document number yet");
  }

  @Test
  void aDocumentGatheringOapsIsMarkedWithTheHighestLevelAsWrittenAndKeepsWhatNoLevelNames() {
    assertThat(CouncilHeader.marking(List.of("LIMITE", "RESTREINT UE/EU RESTRICTED", "LIMITE")))
        .isEqualTo("RESTREINT UE/EU RESTRICTED");
    assertThat(CouncilHeader.marking(List.of("Public", "(EU RESTRICTED)", "LIMITE"))).isEqualTo("(EU RESTRICTED)");
    assertThat(CouncilHeader.marking(List.of("CONFIDENTIEL UE/EU CONFIDENTIAL", "SECRET UE/EU SECRET")))
        .isEqualTo("SECRET UE/EU SECRET");
    assertThat(CouncilHeader.marking(List.of("LIMITE", "For the NECs only "))).isEqualTo("LIMITE + For the NECs only");
    assertThat(CouncilHeader.marking(Arrays.asList(null, " ", ""))).isNull();
  }

  @Test
  void whatTheSecretariatTypedAsTheNumberCannotLeaveTheFootersCssString() {
    assertThat(new CouncilHeader("15020/24 REV 1", LocalDate.of(2024, 10, 15), null).footerCss())
        .isEqualTo("\"15020/24 REV 1, page \"");
    assertThat(new CouncilHeader("1\"; } </style>\\", LocalDate.of(2024, 10, 15), null).footerCss())
        .isEqualTo("\"1\\22 \\3b  \\7d  \\3c /style\\3e \\5c , page \"");
  }
}
