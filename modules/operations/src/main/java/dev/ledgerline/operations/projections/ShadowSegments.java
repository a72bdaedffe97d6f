package dev.ledgerline.operations.projections;

import java.util.Collection;

import org.axonframework.eventhandling.Segment;

/**
 * How a blue-green rebuild's shadow processor divides the events: into {@code count} segments (a power of two), each
 * covering whole live segments. Live segment {@code s} lies in shadow segment {@code s & (count - 1)}, so at the switch
 * every live token can take the position of the shadow segment that handled all of its events.
 * <p>
 * Fewer segments than the live processor's make a rebuild cheaper: Axon's coordinator offers every event to every
 * work package and, for every event, measures each package's queue by walking it (up to 1,024 entries), so with four
 * packages a third of the coordinator's time went there. One node runs a rebuild, so the live processor's segments, the
 * unit of sharing work between nodes, buy it nothing.
 */
record ShadowSegments(int count) {

    ShadowSegments {
        if (count < 1 || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("A shadow processor needs a power of two of segments, not " + count);
        }
    }

    /** At most {@code limit} segments, and no more than the coarsest live segment allows. */
    static ShadowSegments covering(Collection<Integer> liveSegments, int limit) {
        int count = Integer.highestOneBit(Math.max(1, limit));
        for (Segment segment : Segment.computeSegments(liveSegments.stream().mapToInt(Integer::intValue).toArray())) {
            count = Math.min(count, segment.getMask() + 1);
        }
        return new ShadowSegments(count);
    }

    /** The shadow segment that handles every event of this live segment. */
    int containing(int liveSegment) {
        return liveSegment & (count - 1);
    }

    /** Whether every one of these live segments lies within one shadow segment (a merge may have coarsened one). */
    boolean cover(Collection<Integer> liveSegments) {
        for (Segment segment : Segment.computeSegments(liveSegments.stream().mapToInt(Integer::intValue).toArray())) {
            if (segment.getMask() + 1 < count) {
                return false;
            }
        }
        return true;
    }
}
