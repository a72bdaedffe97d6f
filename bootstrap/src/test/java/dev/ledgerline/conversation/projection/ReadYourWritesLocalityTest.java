package dev.ledgerline.conversation.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.support.EndToEndTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A read-your-writes wait knows whether this node projects the conversation it waits for. */
@EndToEndTest
class ReadYourWritesLocalityTest {

    @Autowired
    JdbcConversationQueries queries;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_conversation_is_projected_here_exactly_while_this_node_holds_its_segment() throws InterruptedException {
        StreamingEventProcessor processor = processing
                .eventProcessor(ConversationProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        // however many segments the processor has (ledgerline.processors.segments), the single node claims them all
        awaitTrue(() -> processor.processingStatus().values().stream()
                .mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum() == 1.0,
                "the single node holds every segment");
        ConversationId conversation = new ConversationId(UUID.randomUUID());
        assertThat(queries.projectedHere(conversation)).isTrue();

        int segment = processor.processingStatus().values().stream().map(status -> status.getSegment())
                .filter(candidate -> candidate.matches(conversation.toString()))
                .mapToInt(Segment::getSegmentId).findFirst().orElseThrow();
        processor.releaseSegment(segment, 2, TimeUnit.SECONDS);
        awaitTrue(() -> !processor.processingStatus().containsKey(segment), "the segment is released");

        assertThat(queries.projectedHere(conversation)).as("another node may hold it now: the wait polls").isFalse();

        awaitTrue(() -> processor.processingStatus().containsKey(segment), "the segment is claimed again");
        assertThat(queries.projectedHere(conversation)).isTrue();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waiting until " + what).isNegative();
            Thread.sleep(20);
        }
    }
}
