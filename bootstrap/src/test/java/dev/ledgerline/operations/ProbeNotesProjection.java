package dev.ledgerline.operations;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import dev.ledgerline.support.probe.ProbeRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test-only projection of probe events into probe_notes. Its version comes from a property, so a second application
 * context can be "the next release" (version 2 also fills note_length). Tests can hold replays at a gate (to keep a
 * rebuild running) and poison one note (to dead-letter it).
 */
@Component
@ProcessingGroup(ProbeNotesProjection.GROUP)
class ProbeNotesProjection {

    static final String GROUP = "probe-notes-projection";
    static final String NAME = "probe-notes";

    static volatile CountDownLatch replayGate = new CountDownLatch(0);
    /** When set, only this probe's events wait at the replay gate. */
    static volatile String gatedProbe;
    static volatile String poisonNote;

    private final JdbcTemplate jdbc;
    private final int version;

    ProbeNotesProjection(JdbcTemplate jdbc, @Value("${ledgerline.test.probe-notes-version:1}") int version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    @EventHandler
    void on(ProbeRecorded event, @SequenceNumber long sequence, ReplayStatus replay) throws InterruptedException {
        String gated = gatedProbe;
        if (replay.isReplay() && (gated == null || gated.equals(event.probeId()))
                && !replayGate.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The test never opened the replay gate");
        }
        if (event.note().equals(poisonNote)) {
            throw new IllegalStateException("Poisoned note " + event.note());
        }
        if (version >= 2) {
            jdbc.update("INSERT INTO probe_notes (probe_id, sequence, note, note_length) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING", event.probeId(), sequence, event.note(),
                    event.note().length());
        } else {
            jdbc.update("INSERT INTO probe_notes (probe_id, sequence, note) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    event.probeId(), sequence, event.note());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM probe_notes");
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {

        @Bean
        ProjectionDescriptor probeNotesProjectionDescriptor(@Value("${ledgerline.test.probe-notes-version:1}") int version) {
            return new ProjectionDescriptor(NAME, GROUP, version, List.of("probe_notes"));
        }
    }
}
