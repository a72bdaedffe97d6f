package dev.ledgerline.operations.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

class ShadowSegmentsTest {

    private static final List<Integer> FOUR = List.of(0, 1, 2, 3);

    @Test
    void a_rebuild_uses_no_more_segments_than_its_limit() {
        assertThat(ShadowSegments.covering(FOUR, 1).count()).isEqualTo(1);
        assertThat(ShadowSegments.covering(FOUR, 2).count()).isEqualTo(2);
        assertThat(ShadowSegments.covering(FOUR, 3).count()).as("rounded down to a power of two").isEqualTo(2);
        assertThat(ShadowSegments.covering(FOUR, 16).count()).as("no finer than the live segments").isEqualTo(4);
    }

    @Test
    void unevenly_split_live_segments_limit_the_shadow_to_the_coarsest_of_them() {
        // 0 and 2 split from 0 (mask 3), 1 is still half of the whole (mask 1)
        List<Integer> uneven = List.of(0, 1, 2);

        assertThat(ShadowSegments.covering(uneven, 8).count()).isEqualTo(2);
    }

    @Test
    void every_event_of_a_live_segment_lies_in_the_shadow_segment_that_contains_it() {
        ShadowSegments shadow = new ShadowSegments(2);
        Segment[] live = Segment.computeSegments(0, 1, 2, 3);
        Segment[] shadowSegments = Segment.computeSegments(0, 1);

        for (Segment segment : live) {
            Segment containing = shadowSegments[shadow.containing(segment.getSegmentId())];
            for (int value = 0; value < 1_000; value++) {
                if (segment.matches(value)) {
                    assertThat(containing.matches(value)).as("value %d of live segment %s", value, segment).isTrue();
                }
            }
        }
    }

    @Test
    void live_segments_merged_below_the_shadow_count_are_no_longer_covered() {
        ShadowSegments shadow = new ShadowSegments(2);

        assertThat(shadow.cover(FOUR)).isTrue();
        assertThat(shadow.cover(List.of(0))).isFalse();
    }

    @Test
    void a_count_that_is_not_a_power_of_two_is_refused() {
        assertThatThrownBy(() -> new ShadowSegments(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
