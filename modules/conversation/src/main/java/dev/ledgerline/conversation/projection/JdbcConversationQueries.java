package dev.ledgerline.conversation.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.queries.ConversationPage;
import dev.ledgerline.conversation.queries.ConversationQueries;
import dev.ledgerline.conversation.queries.ConversationView;
import dev.ledgerline.conversation.queries.InvalidCursorException;
import dev.ledgerline.conversation.queries.MessagePage;
import dev.ledgerline.conversation.queries.MessageRange;
import dev.ledgerline.conversation.queries.MessageView;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link ConversationQueries} on the read tables. */
@Component
class JdbcConversationQueries implements ConversationQueries {

    private static final String CONVERSATION_SELECT = "SELECT id, user_id, title, message_count, capacity_used,"
            + " capacity_max, expires_at, created_at, updated_at, version, pending_tool_calls FROM conversations";

    /** How often a wait reads the row when this node projects the conversation (its commit wakes the wait). */
    private static final long LOCAL_PAUSE_MILLIS = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final ConversationCommits commits;
    private final Duration readYourWritesTimeout;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private volatile StreamingEventProcessor projection;

    JdbcConversationQueries(NamedParameterJdbcTemplate jdbc, ConversationCommits commits,
                            @Value("${ledgerline.read-your-writes.timeout:5s}") Duration readYourWritesTimeout,
                            ObjectProvider<EventProcessingConfiguration> processing) {
        this.jdbc = jdbc;
        this.commits = commits;
        this.readYourWritesTimeout = readYourWritesTimeout;
        this.processing = processing;
    }

    @Override
    public Optional<ConversationView> conversation(ConversationId id, UserId owner) {
        return jdbc.query(CONVERSATION_SELECT + " WHERE id = :id AND user_id = :owner", owned(id, owner),
                JdbcConversationRows::conversationRow).stream().findFirst().map(ConversationRow::toView);
    }

    @Override
    public ConversationPage conversations(UserId owner, int limit, String cursor) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("owner", owner.value())
                .addValue("limit", limit + 1);
        String after = "";
        if (cursor != null) {
            Cursor position = Cursor.decode(cursor);
            after = " AND (updated_at, id) < (:updatedAt, :id)";
            parameters.addValue("updatedAt", JdbcConversationRows.timestamp(position.updatedAt()))
                    .addValue("id", position.id());
        }
        List<ConversationRow> rows = jdbc.query(CONVERSATION_SELECT + " WHERE user_id = :owner" + after
                + " ORDER BY updated_at DESC, id DESC LIMIT :limit", parameters, JdbcConversationRows::conversationRow);
        boolean more = rows.size() > limit;
        List<ConversationRow> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.of(page.get(page.size() - 1)).encode() : null;
        return new ConversationPage(page.stream().map(ConversationRow::toView).toList(), next);
    }

    @Override
    public Optional<MessagePage> messages(ConversationId id, UserId owner, MessageRange range) {
        if (!owns(id, owner)) {
            return Optional.empty();
        }
        String direction = range.descending() ? "DESC" : "ASC";
        List<MessageRow> rows = jdbc.query("SELECT " + JdbcConversationRows.MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE conversation_id = :id AND sequence > :after AND sequence < :before"
                        + " ORDER BY sequence " + direction + " LIMIT :limit",
                new MapSqlParameterSource("id", id.value())
                        .addValue("after", range.after() == null ? 0L : range.after())
                        .addValue("before", range.before() == null ? Long.MAX_VALUE : range.before())
                        .addValue("limit", range.limit() + 1),
                JdbcConversationRows::messageRow);
        boolean more = rows.size() > range.limit();
        List<MessageView> page = (more ? rows.subList(0, range.limit()) : rows).stream()
                .map(MessageRow::toView).toList();
        Long first = page.isEmpty() ? null : page.get(0).sequence();
        Long last = page.isEmpty() ? null : page.get(page.size() - 1).sequence();
        return Optional.of(new MessagePage(page, first, last, more));
    }

    @Override
    public Optional<MessageView> message(ConversationId id, MessageId messageId, UserId owner) {
        return jdbc.query("SELECT " + JdbcConversationRows.MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE id = :messageId AND conversation_id = :id AND user_id = :owner",
                owned(id, owner).addValue("messageId", messageId.value()), JdbcConversationRows::messageRow)
                .stream().findFirst().map(MessageRow::toView);
    }

    @Override
    public boolean awaitVersion(ConversationId id, long version) {
        return await(id, version, () -> {
            List<Long> versions = jdbc.queryForList("SELECT version FROM conversations WHERE id = :id",
                    new MapSqlParameterSource("id", id.value()), Long.class);
            return !versions.isEmpty() && versions.get(0) >= version;
        });
    }

    @Override
    public boolean awaitRemoval(ConversationId id) {
        return await(id, ConversationCommits.REMOVED, () -> jdbc.queryForList(
                "SELECT 1 FROM conversations WHERE id = :id",
                new MapSqlParameterSource("id", id.value()), Integer.class).isEmpty());
    }

    /**
     * Waits until {@code reached}, bounded by the read-your-writes timeout. When this node's projection has committed
     * the conversation at the version, or commits it while the request waits, that is the answer, without reading the
     * row. While this node holds the segment that projects the conversation, that commit is what the wait waits for:
     * it reads the row only if no such commit came within 50 ms (the segment may have moved), and again every 50 ms.
     * Otherwise (the projection runs on another node) it reads at once, then every 2 ms doubling to 20 ms.
     */
    private boolean await(ConversationId id, long version, BooleanSupplier reached) {
        long deadline = System.nanoTime() + readYourWritesTimeout.toNanos();
        long pauseMillis = 2;
        try (ConversationCommits.Waiter commit = commits.register(id, version)) {
            if (commits.reached(id, version)
                    || projectedHere(id) && commit.await(LOCAL_PAUSE_MILLIS) && commit.confirmed()) {
                return true;
            }
            while (!reached.getAsBoolean()) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                if (commit.await(projectedHere(id) ? LOCAL_PAUSE_MILLIS : pauseMillis)) {
                    if (commit.confirmed()) {
                        return true;
                    }
                } else {
                    pauseMillis = Math.min(pauseMillis * 2, 20);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether this node's projection processor holds the segment that handles the conversation's events. */
    boolean projectedHere(ConversationId id) {
        StreamingEventProcessor processor = projection;
        if (processor == null) {
            EventProcessingConfiguration configuration = processing.getIfAvailable();
            processor = configuration == null ? null : configuration
                    .eventProcessor(ConversationProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElse(null);
            if (processor == null) {
                return false;
            }
            projection = processor;
        }
        if (!processor.isRunning()) {
            return false;
        }
        // the processor's sequencing policy is per aggregate: a segment handles the events whose aggregate
        // identifier's hash it matches
        String sequence = id.toString();
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (!status.isErrorState() && status.getSegment().matches(sequence)) {
                return true;
            }
        }
        return false;
    }

    private boolean owns(ConversationId id, UserId owner) {
        return !jdbc.queryForList("SELECT 1 FROM conversations WHERE id = :id AND user_id = :owner",
                owned(id, owner), Integer.class).isEmpty();
    }

    private static MapSqlParameterSource owned(ConversationId id, UserId owner) {
        return new MapSqlParameterSource("id", id.value()).addValue("owner", owner.value());
    }

    /** Where a page of the conversation list ended: the last row's activity time and id, base64url-encoded. */
    record Cursor(Instant updatedAt, UUID id) {

        static Cursor of(ConversationRow row) {
            return new Cursor(row.updatedAt(), row.id().value());
        }

        String encode() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + "~" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("~", 2);
                return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                        UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new InvalidCursorException();
            }
        }
    }
}
