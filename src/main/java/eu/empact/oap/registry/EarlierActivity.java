package eu.empact.oap.registry;

import eu.empact.oap.registry.OapDocument.Activity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An activity as a version stored it, for the content that replaces the version (a replaced draft)
 * or copies it (the next revision): its stable id ({@code key}) and the check a person made of its
 * timing.
 *
 * @param position 0-based, in its OA
 */
record EarlierActivity(String oaRef, int position, String description, String timingText, long key, Check check) {

  /** A person's check of a flagged timing: CORRECTED (the reading replaced) or KEPT, by whom, when. */
  record Check(String decision, String correctedAs, String by, Instant at, ActivityTiming reading) {}

  /**
   * Which earlier activity each activity of an OA is (null: a new one). An activity is the earlier
   * activity of the same OA ref with the same description and timing, else the same description,
   * else the one at its position, each earlier activity matched once: an activity inserted or
   * deleted before it, or its timing rewritten, does not make it another one; an activity whose
   * description was rewritten in place stays the one at its position.
   */
  static List<EarlierActivity> match(String oaRef, List<Activity> activities, List<EarlierActivity> earlier) {
    List<EarlierActivity> candidates = new ArrayList<>(earlier.stream().filter(a -> a.oaRef().equals(oaRef)).toList());
    EarlierActivity[] matched = new EarlierActivity[activities.size()];
    for (int pass = 0; pass < 3; pass++) {
      for (int i = 0; i < activities.size(); i++) {
        if (matched[i] != null) {
          continue;
        }
        Activity activity = activities.get(i);
        int position = i;
        int round = pass;
        EarlierActivity found = candidates.stream().filter(a -> switch (round) {
          case 0 -> a.description().equals(activity.description()) && Objects.equals(a.timingText(), activity.timing());
          case 1 -> a.description().equals(activity.description());
          default -> a.position() == position;
        }).findFirst().orElse(null);
        if (found != null) {
          matched[i] = found;
          candidates.remove(found);
        }
      }
    }
    return Arrays.asList(matched);
  }
}
