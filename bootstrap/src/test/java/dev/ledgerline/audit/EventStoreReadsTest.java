package dev.ledgerline.audit;

import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.probe.AmendProbe;
import dev.ledgerline.support.probe.ProbeRecorded;
import dev.ledgerline.support.probe.RecordProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The event store's reads, which run as plain SQL under Axon's token and sourcing logic. */
@EndToEndTest
class EventStoreReadsTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_token_with_gaps_reads_the_events_that_filled_them_before_the_ones_after_it() {
        String stream = streamOf(5);
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, stream);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(positions.get(4),
                new TreeSet<>(List.of(positions.get(1), positions.get(3))));

        List<? extends TrackedEventMessage<?>> read = engine.readEvents(token, false).limit(2).toList();

        assertThat(read).extracting(event -> ((ProbeRecorded) event.getPayload()).note())
                .containsExactly("note 1", "note 3");
        GapAwareTrackingToken after = (GapAwareTrackingToken) read.get(1).trackingToken();
        assertThat(after.getIndex()).isEqualTo(positions.get(4));
        assertThat(after.getGaps()).as("both gaps are filled").isEmpty();
    }

    @Test
    void an_aggregate_reads_its_events_in_order_from_a_sequence_number_on() {
        String stream = streamOf(4);

        List<? extends DomainEventMessage<?>> events = engine.readEvents(stream, 2).asStream().toList();

        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(2L, 3L);
        assertThat(events).extracting(event -> ((ProbeRecorded) event.getPayload()).note())
                .containsExactly("note 2", "note 3");
        assertThat(events).allSatisfy(event -> assertThat(event.getAggregateIdentifier()).isEqualTo(stream));
        assertThat(engine.readSnapshot(stream)).isEmpty();
    }

    private String streamOf(int events) {
        String stream = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordProbe(stream, "note 0"));
        for (int i = 1; i < events; i++) {
            commands.sendAndWait(new AmendProbe(stream, "note " + i));
        }
        return stream;
    }
}
