package dev.ledgerline.audit;

import java.util.UUID;

import dev.ledgerline.audit.chain.ChainVerifier;
import dev.ledgerline.audit.queries.ChainVerification;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.probe.AmendProbe;
import dev.ledgerline.support.probe.RecordProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain written with every append detects each kind of change made directly in SQL. */
@EndToEndTest
class AuditChainEndToEndTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_appended_event_has_its_link_and_the_untouched_stream_verifies_intact() {
        String stream = streamOfFiveEvents();

        ChainVerification result = verifier.verify(stream).orElseThrow();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event_chain WHERE aggregate_identifier = ?",
                Integer.class, stream)).isEqualTo(5);
        assertThat(result.status()).isEqualTo("intact");
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.headHash()).hasSize(64);
    }

    @Test
    void a_changed_payload_byte_is_reported_at_its_sequence() {
        String stream = streamOfFiveEvents();

        jdbc.update("UPDATE domain_event_entry SET payload = overlay(payload placing '\\x58'::bytea from 10 for 1) "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2", stream);

        ChainVerification result = verifier.verify(stream).orElseThrow();
        assertThat(result.status()).isEqualTo("tampered");
        assertThat(result.firstBrokenSequence()).isEqualTo(2);
        assertThat(result.eventsChecked()).isEqualTo(2);
        assertThat(result.reason()).contains("changed");
    }

    @Test
    void a_changed_metadata_value_is_reported_at_its_sequence() {
        String stream = streamOfFiveEvents();

        jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                + "'system', 'someone'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 4", stream);

        assertThat(verifier.verify(stream).orElseThrow().firstBrokenSequence()).isEqualTo(4);
    }

    @Test
    void a_deleted_event_is_reported_at_its_sequence() {
        String stream = streamOfFiveEvents();

        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3", stream);

        ChainVerification result = verifier.verify(stream).orElseThrow();
        assertThat(result.status()).isEqualTo("tampered");
        assertThat(result.firstBrokenSequence()).isEqualTo(3);
        assertThat(result.reason()).contains("deleted");
    }

    @Test
    void an_event_deleted_together_with_its_link_is_reported_at_its_sequence() {
        String stream = streamOfFiveEvents();

        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", stream);
        jdbc.update("DELETE FROM audit_event_chain WHERE aggregate_identifier = ? AND sequence_number = 1", stream);

        assertThat(verifier.verify(stream).orElseThrow().firstBrokenSequence()).isEqualTo(1);
    }

    @Test
    void a_forged_event_inserted_in_sql_is_reported_at_its_sequence() {
        String stream = streamOfFiveEvents();

        jdbc.update("INSERT INTO domain_event_entry (global_index, type, aggregate_identifier, sequence_number, "
                + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "SELECT nextval('domain_event_entry_seq'), type, aggregate_identifier, 5, ?, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 4", UUID.randomUUID().toString(), stream);

        ChainVerification result = verifier.verify(stream).orElseThrow();
        assertThat(result.status()).isEqualTo("tampered");
        assertThat(result.firstBrokenSequence()).isEqualTo(5);
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.reason()).contains("no chain link");
    }

    @Test
    void a_link_rewritten_without_the_key_does_not_hide_a_change() {
        String stream = streamOfFiveEvents();

        jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'note 0', 'note X'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 0", stream);
        jdbc.update("UPDATE audit_event_chain SET hash = sha256(hash) WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", stream);

        assertThat(verifier.verify(stream).orElseThrow().firstBrokenSequence()).isEqualTo(0);
    }

    @Test
    void an_unknown_stream_has_no_verification() {
        assertThat(verifier.verify(UUID.randomUUID().toString())).isEmpty();
    }

    private String streamOfFiveEvents() {
        String stream = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordProbe(stream, "note 0"));
        for (int i = 1; i < 5; i++) {
            commands.sendAndWait(new AmendProbe(stream, "note " + i));
        }
        return stream;
    }
}
