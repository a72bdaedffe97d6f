package dev.ledgerline.operations.api;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether the current thread runs in a transaction of a blue-green rebuild, whose projection writes go to the shadow
 * tables. A projection that tells waiting readers about its commits must stay quiet there: the live tables do not
 * have those rows, and a reader told otherwise would answer from rows that are not there yet.
 */
public final class ShadowTransactions {

    /** Bound, to the shadow schema's name, by the rebuild's transaction manager for the length of each transaction. */
    public static final String RESOURCE = ShadowTransactions.class.getName();

    private ShadowTransactions() {
    }

    public static boolean active() {
        return TransactionSynchronizationManager.hasResource(RESOURCE);
    }
}
