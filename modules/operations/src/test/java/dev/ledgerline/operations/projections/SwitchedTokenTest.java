package dev.ledgerline.operations.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.junit.jupiter.api.Test;

class SwitchedTokenTest {

    private static TrackingToken at(long index) {
        return new GapAwareTrackingToken(index, List.of());
    }

    private static TrackingToken shadowAt(long index) {
        return RebuildProcessors.initialToken() instanceof ReplayToken replay ? replay.advancedTo(at(index)) : null;
    }

    @Test
    void the_shadow_processor_never_leaves_replay_mode() {
        TrackingToken shadow = shadowAt(1_000_000);
        assertThat(ReplayToken.isReplay(shadow)).isTrue();
        assertThat(shadow.position()).hasValue(1_000_000);
    }

    @Test
    void a_live_processor_behind_the_shadow_continues_from_the_shadow_position() {
        TrackingToken switched = Rebuilder.switchedToken(at(90), shadowAt(100));
        assertThat(switched).isEqualTo(at(100));
        assertThat(ReplayToken.isReplay(switched)).isFalse();
    }

    @Test
    void a_live_segment_that_has_replayed_nothing_since_its_reset_continues_from_the_shadow_position() {
        TrackingToken resetNothingReplayed = ReplayToken.createReplayToken(at(50), null);
        assertThat(WrappedToken.unwrapUpperBound(resetNothingReplayed)).isNull();

        assertThat(Rebuilder.switchedToken(resetNothingReplayed, shadowAt(100))).isEqualTo(at(100));
    }

    @Test
    void a_live_processor_ahead_of_the_shadow_replays_the_difference_without_side_effects() {
        TrackingToken switched = Rebuilder.switchedToken(at(110), shadowAt(100));
        assertThat(switched).isInstanceOf(ReplayToken.class);
        assertThat(switched.position()).hasValue(100);
        TrackingToken next = ((ReplayToken) switched).advancedTo(at(105));
        assertThat(ReplayToken.isReplay(next)).as("an event the live tables had seen").isTrue();
        TrackingToken after = ((ReplayToken) next).advancedTo(at(111));
        assertThat(ReplayToken.isReplay(after)).as("a new event").isFalse();
    }

    @Test
    void a_live_processor_without_a_token_takes_the_shadow_position() {
        assertThat(Rebuilder.switchedToken(null, shadowAt(7))).isEqualTo(at(7));
    }
}
