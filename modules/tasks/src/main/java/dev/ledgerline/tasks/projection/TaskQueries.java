package dev.ledgerline.tasks.projection;

import java.util.List;
import java.util.Optional;

import dev.ledgerline.tasks.queries.FindTask;
import dev.ledgerline.tasks.queries.FindTasks;
import dev.ledgerline.tasks.queries.TaskPage;
import dev.ledgerline.tasks.queries.TaskView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the tasks queries from the read table, always scoped to the owner. */
@Component
class TaskQueries {

    private final TaskTable table;

    TaskQueries(TaskTable table) {
        this.table = table;
    }

    @QueryHandler
    Optional<TaskView> handle(FindTask query) {
        return table.find(query.ownerId(), query.taskId());
    }

    @QueryHandler
    TaskPage handle(FindTasks query) {
        List<TaskView> rows = table.page(query);
        if (rows.size() <= query.limit()) {
            return new TaskPage(rows, null);
        }
        List<TaskView> page = rows.subList(0, query.limit());
        return new TaskPage(page, page.get(page.size() - 1).position());
    }
}
