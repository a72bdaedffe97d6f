package dev.ledgerline.tasks.queries;

import java.util.List;

/** One page of tasks; {@code next} is null on the last page. */
public record TaskPage(List<TaskView> tasks, TaskCursor next) {

    public TaskPage {
        tasks = List.copyOf(tasks);
    }
}
