package dev.ledgerline.tasks.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.events.TaskCreated;
import dev.ledgerline.tasks.events.TaskId;
import dev.ledgerline.tasks.queries.FindTasks;
import dev.ledgerline.tasks.queries.TaskView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL on the {@code tasks} table; the projection's only way to it. */
@Component
class TaskTable {

    private static final String COLUMNS =
            "id, title, description, completed, completed_at, created_at, updated_at, version";

    private final JdbcClient jdbc;

    TaskTable(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** False when the task exists already or its owner has no users row (the foreign key would refuse it). */
    boolean insert(TaskCreated event, long version, Instant at) {
        return jdbc.sql("""
                        INSERT INTO tasks (id, user_id, title, description, completed, completed_at, created_at,
                                           updated_at, version)
                        SELECT :id, :owner, :title, :description, false, NULL, :at, :at, :version
                        WHERE EXISTS (SELECT 1 FROM users WHERE id = :owner)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", event.taskId().value())
                .param("owner", event.ownerId().value())
                .param("title", event.title())
                .param("description", event.description())
                .param("at", timestamp(at))
                .param("version", version)
                .update() == 1;
    }

    boolean exists(TaskId id) {
        return jdbc.sql("SELECT count(*) FROM tasks WHERE id = :id").param("id", id.value())
                .query(Long.class).single() > 0;
    }

    void changeTitle(TaskId id, String title, long version, Instant at) {
        update("title = :title", id, version, at).param("title", title).update();
    }

    void changeDescription(TaskId id, String description, long version, Instant at) {
        update("description = :description", id, version, at).param("description", description).update();
    }

    void complete(TaskId id, long version, Instant at) {
        update("completed = true, completed_at = :at", id, version, at).update();
    }

    void reopen(TaskId id, long version, Instant at) {
        update("completed = false, completed_at = NULL", id, version, at).update();
    }

    void delete(TaskId id) {
        jdbc.sql("DELETE FROM tasks WHERE id = :id").param("id", id.value()).update();
    }

    void deleteAllOf(UserId owner) {
        jdbc.sql("DELETE FROM tasks WHERE user_id = :owner").param("owner", owner.value()).update();
    }

    void clear() {
        jdbc.sql("DELETE FROM tasks").update();
    }

    Optional<TaskView> find(UserId owner, TaskId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tasks WHERE id = :id AND user_id = :owner")
                .param("id", id.value())
                .param("owner", owner.value())
                .query(TaskTable::view)
                .optional();
    }

    /** One row more than the limit, so the caller knows whether there is a next page. */
    List<TaskView> page(FindTasks query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tasks WHERE user_id = :owner");
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("owner", query.ownerId().value());
        if (query.completed() != null) {
            sql.append(" AND completed = :completed");
            statement.put("completed", query.completed());
        }
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" AND (title ILIKE :pattern OR description ILIKE :pattern)");
            statement.put("pattern", "%" + escapeLike(query.text()) + "%");
        }
        if (query.after() != null) {
            sql.append(" AND (created_at, id) < (:afterCreatedAt, :afterId)");
            statement.put("afterCreatedAt", timestamp(query.after().createdAt()));
            statement.put("afterId", query.after().id().value());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        statement.put("limit", query.limit() + 1);
        return jdbc.sql(sql.toString()).params(statement).query(TaskTable::view).list();
    }

    /** An update that applies only to a row older than the event, so a redelivered event changes nothing. */
    private JdbcClient.StatementSpec update(String assignments, TaskId id, long version, Instant at) {
        return jdbc.sql("UPDATE tasks SET " + assignments + ", updated_at = :at, version = :version "
                        + "WHERE id = :id AND version < :version")
                .param("id", id.value())
                .param("version", version)
                .param("at", timestamp(at));
    }

    /** PostgreSQL keeps microseconds; truncating here makes the cursor and a rebuild see exactly what is stored. */
    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static TaskView view(ResultSet row, int rowNumber) throws SQLException {
        return new TaskView(
                new TaskId(row.getObject("id", UUID.class)),
                row.getString("title"),
                row.getString("description"),
                row.getBoolean("completed"),
                instant(row, "completed_at"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
