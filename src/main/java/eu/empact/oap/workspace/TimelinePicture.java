package eu.empact.oap.workspace;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The timeline of an OAP's cycle as a picture, laid out here and drawn by the page as inline SVG:
 * one lane per kind of thing (adoption, reporting rounds, deadlines, escalations), a span from its
 * start to its end or a point on its day, labels stacked in rows so that none covers another,
 * years and quarters along the top, and a line where today is.
 */
final class TimelinePicture {

  static final int WIDTH = 1100;
  private static final int LEFT = 150;
  private static final int RIGHT = 20;
  private static final int AXIS = 36;
  private static final int ROW = 20;
  private static final int LANE_PADDING = 10;
  /** About the width of a character of the labels' font (12px sans-serif), to keep labels apart. */
  private static final double CHARACTER = 6.6;

  /** Something on the timeline: a span when {@code end} is after {@code start}, else a point. */
  record Item(String label, LocalDate start, LocalDate end, String kind, String title) {

    static Item point(String label, LocalDate day, String kind, String title) {
      return new Item(label, day, day, kind, title);
    }

    boolean span() {
      return end.isAfter(start);
    }
  }

  record Lane(String name, List<Item> items) {}

  record Rect(double x, double y, double width, double height, String kind, String title) {}

  record Dot(double x, double y, String kind, String title) {}

  record Label(double x, double y, String text, String kind, String anchor) {}

  record Rule(double x1, double y1, double x2, double y2, String kind) {}

  record Picture(int width, int height, List<Rect> rects, List<Dot> dots, List<Label> labels, List<Rule> rules) {}

  private TimelinePicture() {}

  /** Lays out the lanes between two days (widened to whole quarters, and to today and every item). */
  static Picture of(LocalDate from, LocalDate to, LocalDate today, List<Lane> lanes) {
    LocalDate first = bound(from, today, lanes, true);
    LocalDate last = bound(to, today, lanes, false);
    first = first.withDayOfMonth(1).withMonth(((first.getMonthValue() - 1) / 3) * 3 + 1);
    last = last.withDayOfMonth(1).withMonth(((last.getMonthValue() - 1) / 3) * 3 + 1).plusMonths(3);
    Scale scale = new Scale(first, last);
    List<Rect> rects = new ArrayList<>();
    List<Dot> dots = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    int y = AXIS;
    for (Lane lane : lanes) {
      List<Double> rowEnds = new ArrayList<>();
      List<Item> items = lane.items().stream().sorted(Comparator.comparing(Item::start)).toList();
      int laneTop = y;
      for (Item item : items) {
        double x = scale.x(item.start());
        double x2 = item.span() ? scale.x(item.end()) : x;
        double labelWidth = 8 + item.label().length() * CHARACTER;
        // a label stands inside a span wide enough for it, else after its item; left of the item
        // where it would run off the right edge
        double labelX = item.span() && x2 - x > labelWidth ? x + 4 : x2 + 8;
        boolean leftOfItem = labelX + labelWidth > WIDTH - RIGHT;
        double occupiedFrom = leftOfItem ? x - labelWidth : x;
        int row = 0;
        while (row < rowEnds.size() && rowEnds.get(row) > occupiedFrom - 4) {
          row++;
        }
        if (row == rowEnds.size()) {
          rowEnds.add(0.0);
        }
        rowEnds.set(row, Math.max(leftOfItem ? x2 : labelX + labelWidth, x2));
        double rowY = laneTop + LANE_PADDING + row * ROW;
        if (item.span()) {
          rects.add(new Rect(x, rowY + 2, Math.max(2, x2 - x), ROW - 6, item.kind(), item.title()));
        } else {
          dots.add(new Dot(x, rowY + ROW / 2.0 - 2, item.kind(), item.title()));
        }
        labels.add(new Label(leftOfItem ? x - 6 : labelX, rowY + ROW - 6, item.label(), item.kind(),
            leftOfItem ? "end" : "start"));
      }
      int height = Math.max(1, rowEnds.size()) * ROW + 2 * LANE_PADDING;
      labels.add(new Label(8, laneTop + LANE_PADDING + 14, lane.name(), "lane", "start"));
      rules.add(new Rule(0, laneTop + height, WIDTH, laneTop + height, "lane"));
      y += height;
    }
    for (LocalDate quarter = first; quarter.isBefore(last); quarter = quarter.plusMonths(3)) {
      double x = scale.x(quarter);
      boolean year = quarter.getMonthValue() == 1;
      rules.add(new Rule(x, year ? 4 : AXIS - 12, x, y, year ? "year" : "quarter"));
      if (year || quarter.equals(first)) {
        labels.add(new Label(x + 3, 16, String.valueOf(quarter.getYear()), "year", "start"));
      }
      if (!year) {
        labels.add(new Label(x + 3, AXIS - 4, "Q" + ((quarter.getMonthValue() - 1) / 3 + 1), "quarter", "start"));
      }
    }
    double now = scale.x(today);
    rules.add(new Rule(now, AXIS - 14, now, y + 6, "today"));
    boolean todayLeft = now + 90 > WIDTH - RIGHT;
    labels.add(new Label(todayLeft ? now - 3 : now + 3, y + 18, "today " + today, "today",
        todayLeft ? "end" : "start"));
    return new Picture(WIDTH, y + 24, rects, dots, labels, rules);
  }

  /** Days to x: the lanes' names on the left, the period to the right. */
  private record Scale(LocalDate first, LocalDate last) {
    double x(LocalDate day) {
      double days = ChronoUnit.DAYS.between(first, last);
      return Math.round((LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(first, day) / days) * 10) / 10.0;
    }
  }

  /** The first or last day among a bound, today and every item. */
  private static LocalDate bound(LocalDate bound, LocalDate today, List<Lane> lanes, boolean first) {
    LocalDate found = first ? (bound.isBefore(today) ? bound : today) : (bound.isAfter(today) ? bound : today);
    for (Lane lane : lanes) {
      for (Item item : lane.items()) {
        LocalDate day = first ? item.start() : item.end();
        if (first ? day.isBefore(found) : day.isAfter(found)) {
          found = day;
        }
      }
    }
    return found;
  }
}
