package dev.ledgerline.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.probe.AmendProbe;
import dev.ledgerline.support.probe.ProbeRecorded;
import dev.ledgerline.support.probe.RecordProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store chains a new event from the link this node remembers committing, or else from the table. A link
 * of an append whose transaction rolled back must never be remembered: another node may commit a different event at
 * that sequence, and chaining from the rolled-back link would break the chain.
 */
@EndToEndTest
class ChainLinksMemoryTest {

    private static final String PROBE = "ProbeAggregate";

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    @Test
    void a_link_whose_append_rolled_back_is_not_chained_from() throws Exception {
        String stream = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordProbe(stream, "note 0"));
        // sequence 1 appended on this node, then its transaction rolls back
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            engine.appendEvents(new GenericDomainEventMessage<>(PROBE, stream, 1, new ProbeRecorded(stream, "ghost")));
            transaction.setRollbackOnly();
        });
        // sequence 1 committed by another node, with its own memory of links
        ChainLinks otherNode = new ChainLinks(new ChainHasher(chainKey()));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            otherNode.append(connection, List.of(stored(stream, 1, new ProbeRecorded(stream, "note 1"))));
            connection.commit();
        }

        commands.sendAndWait(new AmendProbe(stream, "note 2"));

        List<Map<String, Object>> links = jdbc.queryForList("SELECT sequence_number, previous_hash, hash"
                + " FROM audit_event_chain WHERE aggregate_identifier = ? ORDER BY sequence_number", stream);
        assertThat(links).extracting(link -> ((Number) link.get("sequence_number")).longValue())
                .containsExactly(0L, 1L, 2L);
        assertThat((byte[]) links.get(1).get("previous_hash")).isEqualTo((byte[]) links.get(0).get("hash"));
        assertThat((byte[]) links.get(2).get("previous_hash"))
                .as("sequence 2 continues from the committed sequence 1")
                .isEqualTo((byte[]) links.get(1).get("hash"));
    }

    private StoredEvent stored(String stream, long sequence, Object payload) {
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        return new StoredEvent(-1, stream, sequence, PROBE, UUID.randomUUID().toString(),
                DateTimeUtils.formatInstant(Instant.now()), data.getType().getName(), data.getType().getRevision(),
                data.getData(), serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());
    }

    private byte[] chainKey() throws Exception {
        Path dataDir = Path.of(environment.getRequiredProperty("ledgerline.database.data-dir"));
        return Base64.getDecoder().decode(Files.readString(dataDir.resolve("keys/audit-chain.key")).trim());
    }
}
