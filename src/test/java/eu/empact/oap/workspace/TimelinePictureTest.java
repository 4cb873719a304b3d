package eu.empact.oap.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.workspace.TimelinePicture.Item;
import eu.empact.oap.workspace.TimelinePicture.Label;
import eu.empact.oap.workspace.TimelinePicture.Lane;
import eu.empact.oap.workspace.TimelinePicture.Picture;
import eu.empact.oap.workspace.TimelinePicture.Rule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cycle's timeline laid out: lanes, spans and points on their days, labels apart, today marked. */
class TimelinePictureTest {

  private static final LocalDate JANUARY_2024 = LocalDate.of(2024, 1, 1);
  private static final LocalDate END_2025 = LocalDate.of(2025, 12, 31);

  @Test
  void spansAndPointsStandOnTheirDaysWithTodayMarked() {
    Picture picture = TimelinePicture.of(JANUARY_2024, END_2025, LocalDate.of(2025, 1, 1), List.of(
        new Lane("Reporting rounds", List.of(new Item("Round 1", LocalDate.of(2024, 9, 15),
            LocalDate.of(2024, 10, 15), "round", "Round 1"))),
        new Lane("Adoption", List.of(Item.point("REV 0 adopted", LocalDate.of(2024, 1, 1), "step", "adopted")))));

    assertThat(picture.rects()).singleElement().satisfies(rect -> {
      assertThat(rect.kind()).isEqualTo("round");
      assertThat(rect.width()).isPositive();
    });
    assertThat(picture.dots()).singleElement().satisfies(dot -> assertThat(dot.x()).isEqualTo(150.0));
    Rule today = picture.rules().stream().filter(rule -> rule.kind().equals("today")).findFirst().orElseThrow();
    // 2025-01-01 is 366 of the 731 days from 2024-01-01 to 2026-01-01
    assertThat(today.x1()).isCloseTo(150 + 930 * 366 / 731.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(picture.labels()).extracting(Label::text).contains("2024", "2025", "Q2", "Reporting rounds", "Adoption",
        "today 2025-01-01");
  }

  @Test
  void labelsThatWouldOverlapGoToAnotherRowAndTheLaneGrows() {
    LocalDate day = LocalDate.of(2024, 6, 1);
    Picture one = TimelinePicture.of(JANUARY_2024, END_2025, day, List.of(
        new Lane("Deadlines", List.of(Item.point("State participation of FR", day, "deadline", "")))));
    Picture two = TimelinePicture.of(JANUARY_2024, END_2025, day, List.of(
        new Lane("Deadlines", List.of(Item.point("State participation of FR", day, "deadline", ""),
            Item.point("State participation of DE", day.plusDays(3), "deadline", "")))));

    assertThat(two.dots()).extracting(TimelinePicture.Dot::y).doesNotHaveDuplicates();
    assertThat(two.height()).isGreaterThan(one.height());
  }

  @Test
  void theTimeAxisWidensToTodayAndToEveryItem() {
    Picture picture = TimelinePicture.of(JANUARY_2024, END_2025, LocalDate.of(2027, 2, 10), List.of(
        new Lane("Adoption", List.of(Item.point("REV 0 imported", LocalDate.of(2023, 5, 2), "step", "")))));

    assertThat(picture.labels()).extracting(Label::text).contains("2023", "2026", "2027");
    // from the quarter of the first item (2023-04-01) to the end of today's (2027-04-01)
    assertThat(picture.dots().get(0).x()).isCloseTo(150.0 + 930 * 31 / (double) java.time.temporal.ChronoUnit.DAYS
        .between(LocalDate.of(2023, 4, 1), LocalDate.of(2027, 4, 1)), org.assertj.core.data.Offset.offset(0.1));
  }
}
