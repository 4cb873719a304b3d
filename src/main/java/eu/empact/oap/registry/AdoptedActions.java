package eu.empact.oap.registry;

import eu.empact.oap.registry.OapDocument.OperationalAction;
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

  private final Map<Key, OperationalAction> kept = new ConcurrentHashMap<>();

  /** What was read of the OA: kept, or read earlier in this transaction; null if neither. */
  OperationalAction get(Key key) {
    OperationalAction known = kept.get(key);
    if (known == null && TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> pending) {
      return (OperationalAction) pending.get(key);
    }
    return known;
  }

  void keep(Key key, OperationalAction action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      put(key, action);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<Key, OperationalAction> pending = (Map<Key, OperationalAction>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<Key, OperationalAction> read = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, read);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          read.forEach(AdoptedActions.this::put);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(AdoptedActions.this);
        }
      });
      pending = read;
    }
    pending.put(key, action);
  }

  private void put(Key key, OperationalAction action) {
    if (kept.size() >= KEPT) {
      kept.clear();
    }
    kept.put(key, action);
  }
}
