package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Member States of a period, from the periods of membership V20 stores, under each rule. */
class EuMembershipTest {

  static final EuMembership STORED = MigratedActors.snapshot().membership();

  @Test
  void theMemberStatesOf2012AreThe27WithTheUnitedKingdomAndWithoutCroatia() {
    List<String> of2012 = STORED.memberStates(Period.parse("2012"));
    assertThat(of2012).hasSize(27).contains("UK", "FR", "DE").doesNotContain("HR");
  }

  @Test
  void theMemberStatesOf2024AreThe27WithCroatiaAndWithoutTheUnitedKingdom() {
    List<String> of2024 = STORED.memberStates(Period.parse("2024-2025"));
    assertThat(of2024).hasSize(27).contains("HR").doesNotContain("UK");
    assertThat(of2024).isSorted();
  }

  @Test
  void aPeriodThatSpansAChangeFollowsTheConfiguredRule() {
    Period of2013 = Period.parse("2013");
    Period of2019And2020 = Period.parse("2019-2020");
    EuMembership firstDay = rule(MembershipRule.FIRST_DAY);
    EuMembership anyDay = rule(MembershipRule.ANY_DAY);
    EuMembership everyDay = rule(MembershipRule.EVERY_DAY);

    // Croatia joined on 1 July 2013, the United Kingdom left on 31 January 2020
    assertThat(firstDay.memberState("HR", of2013)).isFalse();
    assertThat(anyDay.memberState("HR", of2013)).isTrue();
    assertThat(everyDay.memberState("HR", of2013)).isFalse();
    assertThat(firstDay.memberState("UK", of2019And2020)).isTrue();
    assertThat(anyDay.memberState("UK", of2019And2020)).isTrue();
    assertThat(everyDay.memberState("UK", of2019And2020)).isFalse();
    assertThat(firstDay.memberStates(Period.parse("2014"))).hasSize(28).contains("HR", "UK");
    assertThat(anyDay.memberStates(Period.parse("2021"))).hasSize(27).doesNotContain("UK");
    assertThat(everyDay.memberStates(of2013)).hasSize(27).doesNotContain("HR");
  }

  @Test
  void everyActorThatWasAMemberStateHasANecGroupAcrossOaps() {
    assertThat(STORED.everMemberStates()).hasSize(28).contains("UK", "HR");
    assertThat(STORED.memberState("NO", Period.parse("2012"))).isFalse();
  }

  @Test
  void oaRefsSortNumberByNumber() {
    List<String> refs = new ArrayList<>(List.of("2.10", "10.1", "2.2", "2.9", "1.1", "2.1.a", "2.1"));
    refs.sort(OaRefs.ORDER);
    assertThat(refs).containsExactly("1.1", "2.1", "2.1.a", "2.2", "2.9", "2.10", "10.1");
  }

  private static EuMembership rule(MembershipRule rule) {
    return new EuMembership(Map.copyOf(STORED.terms()), rule);
  }
}
