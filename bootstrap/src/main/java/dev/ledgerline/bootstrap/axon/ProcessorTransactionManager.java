package dev.ledgerline.bootstrap.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transaction manager of the event processors: Spring's, with each transaction it begins committed without
 * waiting for PostgreSQL to flush the write-ahead log ({@code synchronous_commit = off}). A processor's transaction
 * writes only what the events determine: projection rows, its token, its dead letters. PostgreSQL loses at most the
 * last few such transactions in a crash, always a whole suffix of them (the log is replayed in order), so a lost batch
 * takes its token update with it and is projected again from the events, which every command commits durably before a
 * processor can read them. A commit is visible to every reader at once, flushed or not: read-your-writes is unchanged.
 * <p>
 * Under W1's posting load, this spares each post the wait for a second log flush (the projection's) before its answer.
 * A transaction begun inside another one (joined, not new) is left as it is: it is the caller's to commit.
 */
final class ProcessorTransactionManager implements TransactionManager {

    static final String ASYNCHRONOUS_COMMIT = "SET LOCAL synchronous_commit TO off";

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    ProcessorTransactionManager(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        boolean joining = TransactionSynchronizationManager.isActualTransactionActive();
        Transaction transaction = delegate.startTransaction();
        if (!joining) {
            try {
                jdbc.execute(ASYNCHRONOUS_COMMIT);
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        }
        return transaction;
    }
}
