package dev.ledgerline.bootstrap.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ledgerline.support.EndToEndTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event processors' transactions commit without waiting for the log flush; everything else (commands above
 * all: the events are the record) waits for it.
 */
@EndToEndTest
class ProcessorTransactionsTest {

    private static final String SET_OFF = "off from session";

    @Autowired
    Configuration axon;
    @Autowired
    TransactionManager transactions;
    @Autowired
    PlatformTransactionManager platformTransactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_projection_processor_commits_asynchronously() {
        for (String processor : new String[] {"conversation-projection", "tasks-projection", "identity-projection",
                "audit-reads-projection"}) {
            TransactionManager processorTransactions = axon.eventProcessingConfiguration()
                    .transactionManager(processor);

            assertThat(processorTransactions.fetchInTransaction(this::synchronousCommit)).as(processor)
                    .isEqualTo(SET_OFF);
        }
    }

    @Test
    void the_setting_ends_with_the_processors_transaction() {
        TransactionManager processorTransactions = axon.eventProcessingConfiguration()
                .transactionManager("conversation-projection");

        processorTransactions.executeInTransaction(() -> assertThat(synchronousCommit()).isEqualTo(SET_OFF));

        // the pool hands the same connections out again: SET LOCAL must not have outlived the transaction
        for (int i = 0; i < 20; i++) {
            assertThat(transactions.fetchInTransaction(this::synchronousCommit)).isNotEqualTo(SET_OFF);
        }
    }

    @Test
    void commands_and_every_other_transaction_wait_for_the_log_flush() {
        // the transaction manager Axon's command bus, aggregates and event store take from the configuration
        assertThat(axon.getComponent(TransactionManager.class).fetchInTransaction(this::synchronousCommit))
                .isNotEqualTo(SET_OFF);
        assertThat(transactions.fetchInTransaction(this::synchronousCommit)).isNotEqualTo(SET_OFF);
        assertThat(synchronousCommit()).isNotEqualTo(SET_OFF);
    }

    @Test
    void a_transaction_the_processor_joins_keeps_its_own_setting() {
        TransactionManager processorTransactions = axon.eventProcessingConfiguration()
                .transactionManager("conversation-projection");

        String inside = new TransactionTemplate(platformTransactions).execute(status ->
                processorTransactions.fetchInTransaction(this::synchronousCommit));

        assertThat(inside).isNotEqualTo(SET_OFF);
    }

    /**
     * The setting and where it comes from: the tests' server runs with it off throughout (fsync off, for speed), so
     * only the source tells a transaction's own {@code SET LOCAL} from the server's default.
     */
    private String synchronousCommit() {
        return jdbc.queryForObject("SELECT setting || ' from ' || source FROM pg_settings "
                + "WHERE name = 'synchronous_commit'", String.class);
    }
}
