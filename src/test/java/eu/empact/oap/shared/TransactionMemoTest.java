package eu.empact.oap.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** What a transaction read is read once in it, forgotten when written, and kept from no other transaction. */
class TransactionMemoTest {

  private final TransactionMemo memo = new TransactionMemo();
  private final DataSourceTransactionManager manager =
      new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:memo;DB_CLOSE_DELAY=-1"));
  private final AtomicInteger reads = new AtomicInteger();
  private final Supplier<Integer> read = reads::incrementAndGet;

  @Test
  void aTransactionReadsAValueOnceAndAgainAfterItWroteIt() {
    new TransactionTemplate(manager).executeWithoutResult(status -> {
      assertThat(memo.get("round 1", read)).isEqualTo(1);
      assertThat(memo.get("round 1", read)).isEqualTo(1);
      assertThat(memo.get("round 2", read)).isEqualTo(2);
      memo.forget("round 1"::equals);
      assertThat(memo.get("round 1", read)).as("read again after the write").isEqualTo(3);
      assertThat(memo.get("round 2", read)).as("not written: still kept").isEqualTo(2);
    });
    assertThat(reads).hasValue(3);
  }

  @Test
  void theNextTransactionReadsAgain() {
    TransactionTemplate transaction = new TransactionTemplate(manager);
    transaction.executeWithoutResult(status -> memo.get("round 1", read));
    transaction.executeWithoutResult(status -> assertThat(memo.get("round 1", read)).isEqualTo(2));
  }

  @Test
  void aNewTransactionInsideAnotherKeepsItsOwnAndLeavesTheOuterOnesIntact() {
    TransactionTemplate inner = new TransactionTemplate(manager);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    new TransactionTemplate(manager).executeWithoutResult(status -> {
      memo.get("round 1", read);
      inner.executeWithoutResult(nested -> {
        assertThat(memo.get("round 1", read)).as("the outer transaction's read is not this one's").isEqualTo(2);
        memo.forget(key -> true);
      });
      assertThat(memo.get("round 1", read)).as("the outer transaction's read is still kept").isEqualTo(1);
    });
  }

  @Test
  void outsideATransactionNothingIsKept() {
    memo.get("round 1", read);
    assertThat(memo.get("round 1", read)).isEqualTo(2);
  }
}
