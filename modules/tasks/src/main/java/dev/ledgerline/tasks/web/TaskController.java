package dev.ledgerline.tasks.web;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import dev.ledgerline.identity.api.CurrentUser;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.commands.ChangeTask;
import dev.ledgerline.tasks.commands.CompleteTask;
import dev.ledgerline.tasks.commands.CreateTask;
import dev.ledgerline.tasks.commands.DeleteTask;
import dev.ledgerline.tasks.commands.InvalidTaskException;
import dev.ledgerline.tasks.commands.ReopenTask;
import dev.ledgerline.tasks.commands.TaskNotFoundException;
import dev.ledgerline.tasks.commands.TaskVersionMismatchException;
import dev.ledgerline.tasks.events.TaskId;
import dev.ledgerline.tasks.queries.FindTasks;
import dev.ledgerline.tasks.queries.TaskPage;
import dev.ledgerline.tasks.queries.TaskView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tasks REST API. Every write answers only once the read table shows it (see {@link ReadYourWrites}), so a client
 * that reads next sees its own change.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private static final Logger log = LoggerFactory.getLogger(TaskController.class);
    private static final long NEW_TASK_VERSION = 0L;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final CurrentUser currentUser;
    private final ReadYourWrites reads;

    TaskController(CommandGateway commands, QueryGateway queries, CurrentUser currentUser, ReadYourWrites reads) {
        this.commands = commands;
        this.queries = queries;
        this.currentUser = currentUser;
        this.reads = reads;
    }

    @PostMapping
    ResponseEntity<TaskResponse> create(@RequestBody TaskRequest request) {
        UserId owner = currentUser.id();
        TaskId id = TaskId.random();
        send(new CreateTask(id, owner, request.title(), request.description()));
        return answer(HttpStatus.CREATED, owner, id, NEW_TASK_VERSION);
    }

    @GetMapping
    TaskListResponse list(@RequestParam(required = false) Boolean completed,
                          @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = "\\P{Cntrl}*",
                                  message = "must not contain control characters") String q,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(FindTasks.MAX_LIMIT) int limit,
                          @RequestParam(required = false) String cursor) {
        FindTasks query = new FindTasks(currentUser.id(), completed, q, limit, cursor == null ? null
                : Cursors.decode(cursor));
        return TaskListResponse.of(queries.query(query, TaskPage.class).join());
    }

    @GetMapping("/{id}")
    ResponseEntity<TaskResponse> get(@PathVariable UUID id) {
        TaskView task = reads.find(currentUser.id(), new TaskId(id)).orElseThrow(TaskProblems::notFound);
        return ResponseEntity.ok().eTag(IfMatch.etag(task.version())).body(TaskResponse.of(task));
    }

    @PatchMapping("/{id}")
    ResponseEntity<TaskResponse> change(@PathVariable UUID id, @RequestBody TaskRequest request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UserId owner = currentUser.id();
        TaskId taskId = new TaskId(id);
        long version = (Long) send(new ChangeTask(taskId, owner, request.title(), request.description(),
                IfMatch.expectedVersion(ifMatch)));
        return answer(HttpStatus.OK, owner, taskId, version);
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<TaskResponse> complete(@PathVariable UUID id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UserId owner = currentUser.id();
        TaskId taskId = new TaskId(id);
        long version = (Long) send(new CompleteTask(taskId, owner, IfMatch.expectedVersion(ifMatch)));
        return answer(HttpStatus.OK, owner, taskId, version);
    }

    @PostMapping("/{id}/reopen")
    ResponseEntity<TaskResponse> reopen(@PathVariable UUID id,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UserId owner = currentUser.id();
        TaskId taskId = new TaskId(id);
        long version = (Long) send(new ReopenTask(taskId, owner, IfMatch.expectedVersion(ifMatch)));
        return answer(HttpStatus.OK, owner, taskId, version);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UserId owner = currentUser.id();
        TaskId taskId = new TaskId(id);
        send(new DeleteTask(taskId, owner, IfMatch.expectedVersion(ifMatch)));
        return reads.awaitGone(owner, taskId) ? ResponseEntity.noContent().build()
                : ResponseEntity.accepted().build();
    }

    /**
     * The task as the read table shows it once it has caught up with {@code version}. Should it lag beyond the
     * bound, the write still stands: 202 with the new ETag and no body, and the client reads again later.
     */
    private ResponseEntity<TaskResponse> answer(HttpStatus status, UserId owner, TaskId id, long version) {
        Optional<TaskView> task = reads.awaitVersion(owner, id, version);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(task.isPresent() ? status : HttpStatus.ACCEPTED)
                .eTag(IfMatch.etag(task.map(TaskView::version).orElse(version)));
        if (status == HttpStatus.CREATED) {
            response.location(URI.create("/api/tasks/" + id));
        }
        return task.map(view -> response.body(TaskResponse.of(view))).orElseGet(() -> response.build());
    }

    /** Creating answers the task's id, every other command the task's version afterwards. */
    private Object send(Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (TaskNotFoundException | AggregateNotFoundException e) {
            throw TaskProblems.notFound();
        } catch (IncompatibleAggregateException e) {
            // the id names another aggregate's stream (a user's, say): Axon cannot source a task from it
            log.warn("Refused {}: its id is not a task's ({})", command.getClass().getSimpleName(), e.getMessage());
            throw TaskProblems.notFound();
        } catch (TaskVersionMismatchException e) {
            throw TaskProblems.preconditionFailed(e);
        } catch (InvalidTaskException e) {
            throw TaskProblems.invalid(e);
        }
    }
}
