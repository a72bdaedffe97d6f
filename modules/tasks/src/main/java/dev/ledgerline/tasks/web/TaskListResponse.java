package dev.ledgerline.tasks.web;

import java.util.List;

import dev.ledgerline.tasks.queries.TaskPage;

/** A page of the list; {@code nextCursor} is null on the last page. */
record TaskListResponse(List<TaskResponse> data, String nextCursor) {

    TaskListResponse {
        data = List.copyOf(data);
    }

    static TaskListResponse of(TaskPage page) {
        return new TaskListResponse(page.tasks().stream().map(TaskResponse::of).toList(),
                page.next() == null ? null : Cursors.encode(page.next()));
    }
}
