package eu.empact.oap.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Texts people wrote show as written in a form's Markdown: never a link, a heading or a table of their own. */
class FormMarkdownTest {

  @Test
  void whatPeopleWroteIsEscaped() {
    assertThat(FormMarkdown.text("[click](javascript:alert(1)) <b>x</b> *a* _b_ `c` #d")).isEqualTo(
        "\\[click\\](javascript:alert(1)) \\<b\\>x\\</b\\> \\*a\\* \\_b\\_ \\`c\\` \\#d");
    assertThat(FormMarkdown.text("- item\n1. first\n> quote\n===")).isEqualTo("\\- item\n1\\. first\n\\> quote\n\\===");
    assertThat(FormMarkdown.cell("a | b\nc")).isEqualTo("a \\| b c");
    assertThat(FormMarkdown.text(null)).isEqualTo("—");
    assertThat(FormMarkdown.table(List.of("A", "B"), List.of(List.of("1|2", "")))).isEqualTo(
        "| A | B |\n| --- | --- |\n| 1\\|2 | — |\n");
    assertThat(FormMarkdown.link("REV [1]", "http://x/oaps/1?rev=1#oa-2.4")).isEqualTo(
        "[REV \\[1\\]](http://x/oaps/1?rev=1#oa-2.4)");
  }

  @Test
  void oaRefsAreInTheOrderPeopleCountThem() {
    assertThat(Stream.of("2.10", "10.1", "2.2", "1.1", "2", "2.1a", "2.1").sorted(FormMarkdown.OA_REFS).toList())
        .containsExactly("1.1", "2", "2.1", "2.1a", "2.2", "2.10", "10.1");
  }

  @Test
  void aDayIsNamedInWords() {
    assertThat(FormText.day(LocalDate.of(2027, 1, 24))).isEqualTo("24 January 2027");
  }
}
