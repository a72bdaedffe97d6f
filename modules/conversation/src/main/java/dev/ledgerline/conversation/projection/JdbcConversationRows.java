package dev.ledgerline.conversation.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessageRole;
import dev.ledgerline.conversation.queries.ToolCallView;
import dev.ledgerline.identity.events.UserId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** The read tables {@code conversations} and {@code messages} (V30). */
@Repository
class JdbcConversationRows implements ConversationRows {

    private static final String CONVERSATION_COLUMNS = "id, user_id, title, message_count, capacity_used, capacity_max,"
            + " expires_at, created_at, updated_at, version, pending_tool_calls";
    static final String MESSAGE_COLUMNS =
            "id, conversation_id, user_id, sequence, role, content, token_count, tool_calls, created_at";

    private final NamedParameterJdbcTemplate jdbc;

    JdbcConversationRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ConversationRow> conversation(ConversationId id) {
        return jdbc.query("SELECT " + CONVERSATION_COLUMNS + " FROM conversations WHERE id = :id",
                        new MapSqlParameterSource("id", id.value()), JdbcConversationRows::conversationRow)
                .stream().findFirst();
    }

    /** The rows of those conversations that exist, in one query. */
    List<ConversationRow> conversations(Collection<ConversationId> ids) {
        return jdbc.query("SELECT " + CONVERSATION_COLUMNS + " FROM conversations WHERE id = ANY(:ids)",
                new MapSqlParameterSource("ids", ids.stream().map(ConversationId::value).toArray(UUID[]::new)),
                JdbcConversationRows::conversationRow);
    }

    // The one look at another module's table: the foreign key's target. When the projection is rebuilt, a user
    // deleted since has no row any more; their conversations are skipped (their later events find no row) instead
    // of failing the replay on the foreign key.
    private static final String INSERT_CONVERSATION = "INSERT INTO conversations (" + CONVERSATION_COLUMNS + ")"
            + " SELECT :id, :userId, :title, :messageCount, :capacityUsed, :capacityMax, :expiresAt, :createdAt,"
            + " :updatedAt, :version, CAST(:pending AS jsonb) WHERE EXISTS (SELECT 1 FROM users WHERE id = :userId)"
            + " ON CONFLICT (id) DO NOTHING";
    private static final String UPDATE_CONVERSATION = "UPDATE conversations SET title = :title,"
            + " message_count = :messageCount, capacity_used = :capacityUsed, capacity_max = :capacityMax,"
            + " expires_at = :expiresAt, updated_at = :updatedAt, version = :version,"
            + " pending_tool_calls = CAST(:pending AS jsonb) WHERE id = :id";
    private static final String INSERT_MESSAGE = "INSERT INTO messages (" + MESSAGE_COLUMNS + ") VALUES (:id,"
            + " :conversationId, :userId, :sequence, :role, :content, :tokenCount, CAST(:toolCalls AS jsonb),"
            + " :createdAt) ON CONFLICT DO NOTHING";
    private static final String UPDATE_TOOL_CALLS =
            "UPDATE messages SET tool_calls = CAST(:toolCalls AS jsonb) WHERE id = :id";

    @Override
    public void insertConversation(ConversationRow row) {
        jdbc.update(INSERT_CONVERSATION, parameters(row));
    }

    void insertConversations(Collection<ConversationRow> rows) {
        batch(INSERT_CONVERSATION, rows.stream().map(JdbcConversationRows::parameters));
    }

    /** Whether the owner a new conversation needs exists (see the insert). */
    boolean userExists(UserId userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM users WHERE id = :userId)",
                new MapSqlParameterSource("userId", userId.value()), Boolean.class));
    }

    @Override
    public void updateConversation(ConversationRow row) {
        jdbc.update(UPDATE_CONVERSATION, parameters(row));
    }

    void updateConversations(Collection<ConversationRow> rows) {
        batch(UPDATE_CONVERSATION, rows.stream().map(JdbcConversationRows::parameters));
    }

    @Override
    public void deleteConversation(ConversationId id) {
        jdbc.update("DELETE FROM conversations WHERE id = :id", new MapSqlParameterSource("id", id.value()));
    }

    @Override
    public void deleteConversationsOf(UserId userId) {
        jdbc.update("DELETE FROM conversations WHERE user_id = :userId",
                new MapSqlParameterSource("userId", userId.value()));
    }

    @Override
    public void insertMessage(MessageRow row) {
        jdbc.update(INSERT_MESSAGE, parameters(row));
    }

    void insertMessages(Collection<MessageRow> rows) {
        batch(INSERT_MESSAGE, rows.stream().map(JdbcConversationRows::parameters));
    }

    @Override
    public Optional<MessageRow> message(MessageId id) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE id = :id",
                new MapSqlParameterSource("id", id.value()), JdbcConversationRows::messageRow).stream().findFirst();
    }

    @Override
    public void updateToolCalls(MessageId id, List<ToolCallView> toolCalls) {
        jdbc.update(UPDATE_TOOL_CALLS, toolCallParameters(id, toolCalls));
    }

    void updateToolCalls(Map<MessageId, List<ToolCallView>> toolCalls) {
        batch(UPDATE_TOOL_CALLS, toolCalls.entrySet().stream()
                .map(entry -> toolCallParameters(entry.getKey(), entry.getValue())));
    }

    private void batch(String sql, Stream<MapSqlParameterSource> parameters) {
        SqlParameterSource[] batch = parameters.toArray(SqlParameterSource[]::new);
        if (batch.length == 1) {
            jdbc.update(sql, batch[0]);
        } else if (batch.length > 1) {
            jdbc.batchUpdate(sql, batch);
        }
    }

    private static MapSqlParameterSource toolCallParameters(MessageId id, List<ToolCallView> toolCalls) {
        return new MapSqlParameterSource("id", id.value()).addValue("toolCalls", JsonColumns.toolCalls(toolCalls));
    }

    private static MapSqlParameterSource parameters(MessageRow row) {
        return new MapSqlParameterSource()
                .addValue("id", row.id().value())
                .addValue("conversationId", row.conversationId().value())
                .addValue("userId", row.userId().value())
                .addValue("sequence", row.sequence())
                .addValue("role", row.role().wireName())
                .addValue("content", row.content())
                .addValue("tokenCount", row.tokenCount())
                .addValue("toolCalls", JsonColumns.toolCalls(row.toolCalls()))
                .addValue("createdAt", timestamp(row.createdAt()));
    }

    @Override
    public void clear() {
        jdbc.getJdbcOperations().update("DELETE FROM messages");
        jdbc.getJdbcOperations().update("DELETE FROM conversations");
    }

    private static MapSqlParameterSource parameters(ConversationRow row) {
        return new MapSqlParameterSource()
                .addValue("id", row.id().value())
                .addValue("userId", row.userId().value())
                .addValue("title", row.title())
                .addValue("messageCount", row.messageCount())
                .addValue("capacityUsed", row.capacityUsed())
                .addValue("capacityMax", row.capacityMax())
                .addValue("expiresAt", timestamp(row.expiresAt()))
                .addValue("createdAt", timestamp(row.createdAt()))
                .addValue("updatedAt", timestamp(row.updatedAt()))
                .addValue("version", row.version())
                .addValue("pending", JsonColumns.pending(row.pendingToolCalls()));
    }

    static ConversationRow conversationRow(ResultSet rs, int rowNum) throws SQLException {
        return new ConversationRow(new ConversationId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)), rs.getString("title"), rs.getLong("message_count"),
                rs.getLong("capacity_used"), rs.getLong("capacity_max"), instant(rs, "expires_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"),
                JsonColumns.pending(rs.getString("pending_tool_calls")));
    }

    static MessageRow messageRow(ResultSet rs, int rowNum) throws SQLException {
        return new MessageRow(new MessageId(rs.getObject("id", UUID.class)),
                new ConversationId(rs.getObject("conversation_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)), rs.getLong("sequence"),
                MessageRole.fromWireName(rs.getString("role")), rs.getString("content"), rs.getLong("token_count"),
                JsonColumns.toolCalls(rs.getString("tool_calls")), instant(rs, "created_at"));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
