package dev.ledgerline.operations.projections;

import dev.ledgerline.operations.api.ShadowTransactions;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's transaction manager, with the shadow schema first on the search path for the length of each transaction:
 * the projection's unqualified SQL lands in the shadow tables, everything else (tokens, other modules' tables it
 * looks at) is found in public. The rebuild's transactions commit without waiting for the log flush, and while one
 * is open, {@link ShadowTransactions#active()} says so.
 */
final class SearchPathTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;
    private final String schema;

    SearchPathTransactionManager(TransactionManager delegate, JdbcTemplate jdbc, String schema) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            // a rebuild's commits need not wait for the write-ahead log to reach the disk: its tables are unlogged,
            // so a crash empties them whatever the commits did, and the rebuild starts over when it sees that
            // (ShadowSchema's marker, checked by Rebuilder while it runs and in the switch's transaction)
            jdbc.execute("SET LOCAL search_path TO " + schema + ", public; SET LOCAL synchronous_commit TO off");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        TransactionSynchronizationManager.bindResource(ShadowTransactions.RESOURCE, schema);
        return new Transaction() {
            @Override
            public void commit() {
                unbindAfter(transaction::commit);
            }

            @Override
            public void rollback() {
                unbindAfter(transaction::rollback);
            }
        };
    }

    private static void unbindAfter(Runnable completion) {
        try {
            completion.run();
        } finally {
            TransactionSynchronizationManager.unbindResourceIfPossible(ShadowTransactions.RESOURCE);
        }
    }
}
