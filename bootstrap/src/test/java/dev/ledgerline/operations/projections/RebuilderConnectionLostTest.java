package dev.ledgerline.operations.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures a blue-green rebuild waits out (the connection is gone) and which end it. */
class RebuilderConnectionLostTest {

    @Test
    void a_lost_or_refused_connection_is_waited_out() {
        assertThat(Rebuilder.connectionLost(new CannotGetJdbcConnectionException("no connection")))
                .as("the pool could not hand out a connection").isTrue();
        assertThat(Rebuilder.connectionLost(resourceFailure("08006"))).as("connection failure").isTrue();
        assertThat(Rebuilder.connectionLost(resourceFailure("57P01"))).as("administrator shutdown").isTrue();
        assertThat(Rebuilder.connectionLost(resourceFailure("57P02"))).as("crash shutdown").isTrue();
        assertThat(Rebuilder.connectionLost(resourceFailure("57P03"))).as("cannot connect now (recovery)").isTrue();
        assertThat(Rebuilder.connectionLost(new CannotCreateTransactionException("begin failed",
                new SQLException("Connection refused", "08001")))).as("a transaction that could not begin").isTrue();
    }

    @Test
    void other_failures_end_the_rebuild() {
        assertThat(Rebuilder.connectionLost(resourceFailure("53100"))).as("disk full").isFalse();
        assertThat(Rebuilder.connectionLost(resourceFailure("57P04"))).as("database dropped").isFalse();
        assertThat(Rebuilder.connectionLost(new QueryTimeoutException("canceled", new SQLException("x", "57014"))))
                .as("statement timeout").isFalse();
        assertThat(Rebuilder.connectionLost(new IllegalStateException("no state"))).isFalse();
    }

    private static DataAccessResourceFailureException resourceFailure(String sqlState) {
        return new DataAccessResourceFailureException("failed", new SQLException("failed", sqlState));
    }
}
