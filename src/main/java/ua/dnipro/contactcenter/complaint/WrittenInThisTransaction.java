package ua.dnipro.contactcenter.complaint;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction wrote, by key, so that it need not read it back: a filing inserts a
 * complaint's state and personal data and then reads them again in several steps (the classifier's,
 * the notification's, the answer to the channel), each a round trip to the database for what this
 * transaction itself just wrote. A row this transaction inserted is invisible to every other one,
 * and a row it updated is locked until it ends: nobody else can change it in between, so the value
 * remembered here is exactly what a read would return (and a {@code SELECT ... FOR UPDATE} would
 * only take a lock already held).
 *
 * <p>The memory belongs to the Spring transaction: it is registered as one of its synchronizations,
 * so a transaction started inside it ({@code REQUIRES_NEW}) does not see it, and it is gone when the
 * transaction commits or rolls back. Outside a transaction nothing is remembered.
 */
public final class WrittenInThisTransaction<K, V> {

  public void remember(K key, V value) {
    Memory<K, V> memory = memory(true);
    if (memory != null) {
      memory.written.put(key, value);
    }
  }

  public Optional<V> recall(K key) {
    Memory<K, V> memory = memory(false);
    return memory == null ? Optional.empty() : Optional.ofNullable(memory.written.get(key));
  }

  /** For a write this memory cannot follow: the next read goes to the database. */
  public void forget(K key) {
    Memory<K, V> memory = memory(false);
    if (memory != null) {
      memory.written.remove(key);
    }
  }

  private Memory<K, V> memory(boolean create) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Memory<?, ?> memory && memory.owner == this) {
        @SuppressWarnings("unchecked")
        Memory<K, V> mine = (Memory<K, V>) memory;
        return mine;
      }
    }
    if (!create) {
      return null;
    }
    Memory<K, V> memory = new Memory<>(this);
    TransactionSynchronizationManager.registerSynchronization(memory);
    return memory;
  }

  /** One transaction's writes; dropped with the transaction's synchronizations when it ends. */
  private static final class Memory<K, V> implements TransactionSynchronization {

    private final WrittenInThisTransaction<K, V> owner;
    private final Map<K, V> written = new HashMap<>();

    private Memory(WrittenInThisTransaction<K, V> owner) {
      this.owner = owner;
    }

    @Override
    public void afterCompletion(int status) {
      written.clear();
    }
  }
}
