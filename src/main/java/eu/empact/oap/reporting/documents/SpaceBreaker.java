package eu.empact.oap.reporting.documents;

import com.openhtmltopdf.extend.FSTextBreaker;

/**
 * Breaks lines at spaces only, as the Council's documents do: "2024-2025", "January-June" and
 * "15020/24" stay whole on their line. A word wider than its column is still broken (CSS
 * {@code word-wrap: break-word}) rather than running over it.
 */
final class SpaceBreaker implements FSTextBreaker {

  private String text = "";
  private int position;

  @Override
  public void setText(String newText) {
    text = newText;
    position = 0;
  }

  /** The place after the next word and the spaces that follow it; -1 at the end. */
  @Override
  public int next() {
    if (position >= text.length()) {
      return -1;
    }
    int at = position;
    while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    position = at;
    return at;
  }
}
