package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.empact.oap.registry.ActorReading.ReadAs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Actor cells as the plans of 2012-2013 and 2024 write them, read against the actors and aliases
 * of the migrations: what is read plainly, what with an assumption (and which), and what is left
 * for a person, never dropped.
 */
class ActorTextTest {

  static final ActorDirectory.Snapshot ACTORS = MigratedActors.snapshot();

  @Test
  void aCodeANameOrAKnownSpellingIsReadAsWritten() {
    assertThat(read("FR")).extracting(ActorReading::actor, ActorReading::readAs, ActorReading::status)
        .containsExactly(tuple("FR", ReadAs.CODE, Reading.READ));
    assertThat(read("Europol")).extracting(ActorReading::actor, ActorReading::readAs)
        .containsExactly(tuple("EUROPOL", ReadAs.NAME));
    assertThat(read("Cefpol")).extracting(ActorReading::actor, ActorReading::readAs)
        .containsExactly(tuple("CEPOL", ReadAs.ALIAS));
    assertThat(read("GR")).extracting(ActorReading::actor, ActorReading::readAs)
        .containsExactly(tuple("EL", ReadAs.ALIAS));
    assertThat(read("France (Police Forces)")).extracting(ActorReading::actor, ActorReading::readAs)
        .containsExactly(tuple("FR", ReadAs.NAME));
    assertThat(read("Bosnia and Herzegovina")).extracting(ActorReading::actor).containsExactly("BA");
    assertThat(read("IT\u2077")).extracting(ActorReading::actor).containsExactly("IT");
  }

  @Test
  void actorsJoinedByCommasAndAndAreEachRead() {
    List<ActorReading> parts = read("HU, AT and Frontex");

    assertThat(parts).extracting(ActorReading::written, ActorReading::actor, ActorReading::status)
        .containsExactly(tuple("HU", "HU", Reading.READ), tuple("AT", "AT", Reading.READ),
            tuple("Frontex", "FRONTEX", Reading.READ));
    assertThat(read("Acting EU Presidency, Europol, Frontex")).extracting(ActorReading::actor)
        .containsExactly("PRESIDENCY", "EUROPOL", "FRONTEX");
    assertThat(read("Europol, PL, SK, RS")).extracting(ActorReading::actor)
        .containsExactly("EUROPOL", "PL", "SK", "RS");
  }

  @Test
  void actorsWrittenTogetherWithoutASeparatorAreInterpretedAndSaidSo() {
    List<ActorReading> parts = read("Frontex Europol");

    assertThat(parts).extracting(ActorReading::actor, ActorReading::readAs, ActorReading::status)
        .containsExactly(tuple("FRONTEX", ReadAs.IN_PHRASE, Reading.INTERPRETED),
            tuple("EUROPOL", ReadAs.IN_PHRASE, Reading.INTERPRETED));
    assertThat(parts.get(0).note()).contains("'Frontex' read as FRONTEX in 'Frontex Europol'")
        .contains("without a separator");
  }

  @Test
  void anActorAmongOtherWordsIsInterpretedNamingTheWordsSetAside() {
    List<ActorReading> parts = read("in cooperation with EC");

    assertThat(parts).extracting(ActorReading::written, ActorReading::actor, ActorReading::status)
        .containsExactly(tuple("EC", "COM", Reading.INTERPRETED));
    assertThat(parts.get(0).note()).contains("the words 'in cooperation with' were set aside");
  }

  @Test
  void aCollectiveFormWithAQualifierIsInterpretedAndTheNamedActorsAreRead() {
    List<ActorReading> parts = read("MS concerned involved in EUROSUR, DZ, TN, LY, EG.");

    assertThat(parts).extracting(ActorReading::collective, ActorReading::actor, ActorReading::status)
        .containsExactly(tuple("Relevant MS", null, Reading.INTERPRETED), tuple(null, "DZ", Reading.READ),
            tuple(null, "TN", Reading.READ), tuple(null, "LY", Reading.READ), tuple(null, "EG", Reading.READ));
    assertThat(parts.get(0).note()).contains("'involved in EUROSUR' were set aside");
    assertThat(read("All MS")).extracting(ActorReading::collective, ActorReading::status)
        .containsExactly(tuple("All MS", Reading.READ));
  }

  @Test
  void wordsThatNameNoActorAreOnePartForAPersonKeptAsWritten() {
    List<ActorReading> parts = read("Europol, Frontex and other relevant EU Agencies and International Organisations");

    assertThat(parts).extracting(ActorReading::written, ActorReading::actor, ActorReading::status)
        .containsExactly(tuple("Europol", "EUROPOL", Reading.READ), tuple("Frontex", "FRONTEX", Reading.READ),
            tuple("other relevant EU Agencies and International Organisations", null, Reading.UNREADABLE));
    assertThat(parts.get(2).readAs()).isEqualTo(ReadAs.UNREADABLE);
    assertThat(read("Atlantis")).extracting(ActorReading::written, ActorReading::status)
        .containsExactly(tuple("Atlantis", Reading.UNREADABLE));
  }

  @Test
  void shortWordsInAPhraseNameNoActorUnlessWrittenInCapitals() {
    assertThat(read("operations at the borders")).extracting(ActorReading::actor, ActorReading::status)
        .containsExactly(tuple(null, Reading.UNREADABLE));
    assertThat(read("all relevant agencies")).extracting(ActorReading::collective, ActorReading::status)
        .containsExactly(tuple(null, Reading.UNREADABLE));
  }

  @Test
  void theDriverIsTheOapsDriverWithANote() {
    assertThat(ActorText.read("Driver", ACTORS, "IT")).extracting(ActorReading::actor, ActorReading::readAs,
        ActorReading::status).containsExactly(tuple("IT", ReadAs.ROLE, Reading.INTERPRETED));
  }

  @Test
  void aCellWithNothingWrittenIsUnreadableNotLost() {
    assertThat(read(" ; ")).extracting(ActorReading::status).containsExactly(Reading.UNREADABLE);
  }

  private static List<ActorReading> read(String cell) {
    return ActorText.read(cell, ACTORS, "DE");
  }
}
