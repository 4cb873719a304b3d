package eu.empact.oap.registry;

import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.shared.TransactionMemo;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The operational actions of adopted versions already read, kept in memory: an adopted version
 * never changes (nor does it once superseded), so what was read of it stays true on every node
 * and needs no check against the database. Every report, reminder and escalation of a round asks
 * for its OA, so a round reads each OA once instead of at every task. An OA read inside a
 * transaction is kept for the rest of that transaction, and for all once it commits: a version
 * adopted in a transaction that rolls back is not adopted.
 */
@Component
class AdoptedActions {

  /** OAs kept at most (26 OAs of 15 OAPs, a few versions each, fit many times); more are forgotten all at once. */
  static final int KEPT = 5_000;

  record Key(long oapId, int revision, String ref) {}

  /** The OAs read in a transaction, kept for all once it commits (the memo's key). */
  private record ReadInThisTransaction() {}

  private final Map<Key, OperationalAction> kept = new ConcurrentHashMap<>();
  private final TransactionMemo memo;

  AdoptedActions(TransactionMemo memo) {
    this.memo = memo;
  }

  /** What was read of the OA: kept, or read earlier in this transaction; null if neither. */
  OperationalAction get(Key key) {
    OperationalAction known = kept.get(key);
    if (known == null && TransactionSynchronizationManager.isSynchronizationActive()) {
      return readInThisTransaction().get(key);
    }
    return known;
  }

  void keep(Key key, OperationalAction action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      put(key, action);
      return;
    }
    readInThisTransaction().put(key, action);
  }

  /** This transaction's reads, each kept for all once it commits. */
  private Map<Key, OperationalAction> readInThisTransaction() {
    return memo.get(new ReadInThisTransaction(), () -> {
      Map<Key, OperationalAction> read = new HashMap<>();
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          read.forEach(AdoptedActions.this::put);
        }
      });
      return read;
    });
  }

  private void put(Key key, OperationalAction action) {
    if (kept.size() >= KEPT) {
      kept.clear();
    }
    kept.put(key, action);
  }
}
