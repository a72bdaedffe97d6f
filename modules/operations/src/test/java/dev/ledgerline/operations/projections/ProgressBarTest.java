package dev.ledgerline.operations.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void a_rebuild_half_way_shows_a_half_filled_bar_its_speed_and_the_time_left() {
        Instant started = Instant.parse("2026-01-01T00:00:00Z");
        RebuildRecord record = new RebuildRecord(UUID.randomUUID(), "tasks", "blue-green", "running", 1, "requested",
                "node", started, started, null, 99, 49L, 99L, null);
        RebuildView view = RebuildView.of(record, started.plusSeconds(10));
        assertThat(view.progressPercent()).isEqualTo(50.0);
        assertThat(view.eventsPerSecond()).isEqualTo(5.0);
        assertThat(view.etaSeconds()).isEqualTo(10);
        assertThat(ProgressBar.render(view))
                .isEqualTo("[###############...............]  50.0%  50/100 events  5 ev/s  ETA 10s  running");
    }
}
