package dev.ledgerline.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.probe.AmendProbe;
import dev.ledgerline.support.probe.RecordProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A processor's fetch with gaps answers exactly what Axon's query ({@code global_index > index OR global_index IN
 * gaps ORDER BY global_index LIMIT n}) answers, for every mix of gaps and limits.
 */
@EndToEndTest
class EventStoreQueriesTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_fetch_with_gaps_answers_what_axons_query_answers() throws Exception {
        List<Long> p = positionsOfNewStream(6);
        long missing = -7; // a gap no row fills (a transaction still open, or rolled back)
        List<Case> cases = List.of(
                new Case(p.get(2), gaps(p.get(0), p.get(1)), 1),
                new Case(p.get(2), gaps(p.get(0), p.get(1)), 2),
                new Case(p.get(2), gaps(p.get(0), p.get(1)), 3),
                new Case(p.get(2), gaps(p.get(0), p.get(1)), 500),
                new Case(p.get(4), gaps(missing, p.get(1), p.get(3)), 2),
                new Case(p.get(4), gaps(missing, p.get(3)), 4),
                new Case(p.get(3), gaps(missing), 3),
                new Case(p.get(5), gaps(p.get(0), p.get(2), p.get(4)), 500),
                // never in a token (its gaps lie below its index), answered like Axon's query all the same
                new Case(p.get(2), gaps(p.get(0), p.get(4)), 500),
                new Case(p.get(2), gaps(p.get(2)), 3));

        try (Connection connection = dataSource.getConnection()) {
            try {
                // PostgreSQL's own choice of plan for three rounds, then its generic plan, forced
                for (int round = 0; round < 4; round++) {
                    if (round == 3) {
                        connection.createStatement().execute("SET plan_cache_mode = force_generic_plan");
                    }
                    for (Case c : cases) {
                        List<Long> fetched = new ArrayList<>();
                        for (Object[] row : EventStoreQueries.after(connection, c.index(), c.gaps(), c.limit())) {
                            fetched.add((Long) row[0]);
                        }
                        assertThat(fetched).as(round + " " + c).isNotEmpty().isEqualTo(axons(c));
                    }
                }
            } finally {
                connection.createStatement().execute("RESET plan_cache_mode");
            }
        }
    }

    private record Case(long index, SortedSet<Long> gaps, int limit) {
    }

    /** Axon's query with its values written in, so that it is planned for exactly them. */
    private List<Long> axons(Case c) {
        String gaps = c.gaps().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > " + c.index()
                + " OR global_index IN (" + gaps + ") ORDER BY global_index LIMIT " + c.limit(), Long.class);
    }

    private static SortedSet<Long> gaps(Long... positions) {
        return new TreeSet<>(List.of(positions));
    }

    private List<Long> positionsOfNewStream(int events) {
        String stream = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordProbe(stream, "note 0"));
        for (int i = 1; i < events; i++) {
            commands.sendAndWait(new AmendProbe(stream, "note " + i));
        }
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, stream);
    }
}
