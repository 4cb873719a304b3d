package eu.empact.oap.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.support.FakeDelegateExecution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one shape of every delegate and execution listener, without an engine. */
class ProcessStepTest {

  final List<String> seen = new ArrayList<>();

  @Test
  void aStepReadsWhatTheServerRecordedAndWhoActs() throws Exception {
    FakeDelegateExecution process = FakeDelegateExecution.ofProcessInstance("pi-1").variable("oapId", 7)
        .variable("revision", 2L).variable("necMeetingDate", Date.from(Instant.parse("2026-03-04T00:00:00Z")))
        .variable("returnComments", "  ").authenticated("driver.it");
    ProcessStep step = s -> {
      seen.add(s.oapId() + " " + s.integer("revision") + " " + s.date("necMeetingDate") + " "
          + s.text("returnComments") + " " + s.user() + " " + s.processInstanceId());
      s.set("outcome", "adopted");
    };

    step.execute(process.execution());

    assertThat(seen).containsExactly("7 2 2026-03-04 null driver.it pi-1");
    assertThat(process.variables()).containsEntry("outcome", "adopted");
  }

  @Test
  void theSameStepServesAsAnExecutionListenerAndAJobActsAsSystem() throws Exception {
    FakeDelegateExecution process = FakeDelegateExecution.ofProcessInstance("pi-2");
    ProcessStep closing = s -> seen.add(s.optionalId("oapId").isPresent() + " " + s.user() + " " + s.byPerson());

    closing.notify(process.execution());
    closing.notify(process.variable("oapId", 9L).execution());

    assertThat(seen).containsExactly("false system false", "true system false");
  }

  @Test
  void aRegistryRefusalInAPersonsRequestRefusesItAsTheFormsDo() {
    FakeDelegateExecution process = FakeDelegateExecution.ofProcessInstance("pi-3").variable("oapId", 7L)
        .authenticated("esu.officer");
    ProcessStep step = s -> {
      throw new RegistryConflictException("OAP 7 REV 0 is ADOPTED and read-only");
    };

    assertThatThrownBy(() -> step.execute(process.execution())).isInstanceOf(FormRefusal.class)
        .hasMessageContaining("REV 0 is ADOPTED and read-only");
  }

  @Test
  void inAJobTheRefusalFailsTheJobSoThatCockpitShowsAnIncident() {
    FakeDelegateExecution process = FakeDelegateExecution.ofProcessInstance("pi-4").variable("oapId", 7L);
    ProcessStep step = s -> {
      throw new NotFoundException("no OAP 7");
    };

    assertThatThrownBy(() -> step.execute(process.execution())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aFormRefusalAndAnyOtherFailurePassUnchanged() {
    FakeDelegateExecution process = FakeDelegateExecution.ofProcessInstance("pi-5").authenticated("driver.it");
    FormRefusal refusal = FormRefusal.of("actor", "not a known Member State");
    ProcessStep refusing = s -> {
      throw refusal;
    };
    ProcessStep failing = s -> s.oapId();

    assertThatThrownBy(() -> refusing.execute(process.execution())).isSameAs(refusal);
    assertThatThrownBy(() -> failing.execute(process.execution())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("oapId");
  }
}
