package eu.empact.oap.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction read once and asks for again, kept until it ends: one engine command that
 * opens a round creates 26 tasks, and each asks for the round and the OAP's exclusions. The class
 * that writes what it keeps forgets it when it writes, so the transaction still reads its own
 * writes; another transaction's commit is seen from its next transaction on, as with repeatable
 * reads. A transaction suspended for a new one (REQUIRES_NEW) keeps its memo to itself. Outside a
 * transaction nothing is kept.
 */
@Component
public class TransactionMemo {

  /** The value read for the key in this transaction: kept, or read now and kept. */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> read) {
    Map<Object, Object> memo = memo();
    if (memo == null) {
      return read.get();
    }
    if (memo.containsKey(key)) {
      return (T) memo.get(key);
    }
    T value = read.get();
    memo.put(key, value);
    return value;
  }

  /** Forgets the values of the keys that match: the caller wrote what they were read from. */
  public void forget(Predicate<Object> written) {
    if (TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> memo) {
      memo.keySet().removeIf(written);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> memo() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(this);
    if (memo == null) {
      Map<Object, Object> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void suspend() {
          TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
        }

        @Override
        public void resume() {
          TransactionSynchronizationManager.bindResource(TransactionMemo.this, fresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
        }
      });
      memo = fresh;
    }
    return memo;
  }
}
