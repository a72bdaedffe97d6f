package dev.ledgerline.tasks.domain;

import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.commands.ChangeTask;
import dev.ledgerline.tasks.commands.CompleteTask;
import dev.ledgerline.tasks.commands.CreateTask;
import dev.ledgerline.tasks.commands.DeleteTask;
import dev.ledgerline.tasks.commands.InvalidTaskException;
import dev.ledgerline.tasks.commands.ReopenTask;
import dev.ledgerline.tasks.commands.TaskNotFoundException;
import dev.ledgerline.tasks.commands.TaskVersionMismatchException;
import dev.ledgerline.tasks.events.TaskCompleted;
import dev.ledgerline.tasks.events.TaskCreated;
import dev.ledgerline.tasks.events.TaskDeleted;
import dev.ledgerline.tasks.events.TaskDescriptionChanged;
import dev.ledgerline.tasks.events.TaskId;
import dev.ledgerline.tasks.events.TaskReopened;
import dev.ledgerline.tasks.events.TaskTitleChanged;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskTest {

    private final TaskId task = TaskId.random();
    private final UserId owner = UserId.random();
    private final UserId stranger = UserId.random();
    private final TaskCreated created = new TaskCreated(task, owner, "Buy milk", null);
    private FixtureConfiguration<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    // creating

    @Test
    void a_task_is_created_with_its_title_trimmed() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "  Buy milk \n", "two litres"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskCreated(task, owner, "Buy milk", "two litres"));
    }

    @Test
    void a_blank_description_is_no_description() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "Buy milk", "   "))
                .expectEvents(new TaskCreated(task, owner, "Buy milk", null));
    }

    @Test
    void a_task_needs_a_title() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, null, null))
                .expectException(InvalidTaskException.class)
                .expectNoEvents();
    }

    @Test
    void an_empty_title_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "", null))
                .expectException(InvalidTaskException.class)
                .expectExceptionMessage("must not be blank")
                .expectNoEvents();
    }

    @Test
    void a_title_of_only_whitespace_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, " \t ", null))
                .expectException(InvalidTaskException.class)
                .expectNoEvents();
    }

    @Test
    void a_title_may_have_200_characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "t".repeat(200), null))
                .expectEvents(new TaskCreated(task, owner, "t".repeat(200), null));
    }

    @Test
    void a_title_of_201_characters_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "t".repeat(201), null))
                .expectException(InvalidTaskException.class)
                .expectExceptionMessage("must be at most 200 characters")
                .expectNoEvents();
    }

    @Test
    void a_title_length_counts_characters_not_utf16_units() {
        String emoji = "\uD83D\uDE00".repeat(200);
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, emoji, null))
                .expectEvents(new TaskCreated(task, owner, emoji, null));
    }

    @Test
    void a_title_with_a_control_character_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "Buy\u0000milk", null))
                .expectException(InvalidTaskException.class)
                .expectNoEvents();
    }

    @Test
    void a_title_with_a_broken_surrogate_pair_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "Buy \uD83D milk", null))
                .expectException(InvalidTaskException.class)
                .expectNoEvents();
    }

    @Test
    void a_description_may_have_1000_characters_and_line_breaks() {
        String description = "d".repeat(998) + "\r\n";
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "Buy milk", description))
                .expectEvents(new TaskCreated(task, owner, "Buy milk", description));
    }

    @Test
    void a_description_of_1001_characters_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "Buy milk", "d".repeat(1001)))
                .expectException(InvalidTaskException.class)
                .expectExceptionMessage("must be at most 1000 characters")
                .expectNoEvents();
    }

    @Test
    void a_description_with_a_nul_character_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(task, owner, "Buy milk", "a\u0000b"))
                .expectException(InvalidTaskException.class)
                .expectNoEvents();
    }

    // changing

    @Test
    void changing_the_title_records_only_the_title() {
        fixture.given(created)
                .when(new ChangeTask(task, owner, " Buy oat milk ", null, null))
                .expectEvents(new TaskTitleChanged(task, "Buy oat milk"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changing_the_description_records_only_the_description() {
        fixture.given(created)
                .when(new ChangeTask(task, owner, null, "organic", null))
                .expectEvents(new TaskDescriptionChanged(task, "organic"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changing_both_records_both() {
        fixture.given(created)
                .when(new ChangeTask(task, owner, "Buy oat milk", "organic", null))
                .expectEvents(new TaskTitleChanged(task, "Buy oat milk"), new TaskDescriptionChanged(task, "organic"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_empty_description_removes_it() {
        fixture.given(new TaskCreated(task, owner, "Buy milk", "organic"))
                .when(new ChangeTask(task, owner, null, "", null))
                .expectEvents(new TaskDescriptionChanged(task, null));
    }

    @Test
    void changing_to_the_same_text_records_nothing() {
        fixture.given(new TaskCreated(task, owner, "Buy milk", "organic"))
                .when(new ChangeTask(task, owner, "Buy milk ", "organic", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_change_with_one_invalid_field_records_nothing() {
        fixture.given(created)
                .when(new ChangeTask(task, owner, "Buy oat milk", "d".repeat(1001), null))
                .expectException(InvalidTaskException.class)
                .expectNoEvents();
    }

    @Test
    void a_title_cannot_be_changed_to_blank() {
        fixture.given(created)
                .when(new ChangeTask(task, owner, "  ", null, null))
                .expectException(InvalidTaskException.class)
                .expectNoEvents();
    }

    // completing and reopening

    @Test
    void an_open_task_is_completed() {
        fixture.given(created)
                .when(new CompleteTask(task, owner, null))
                .expectEvents(new TaskCompleted(task))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_completed_task_cannot_be_completed_again() {
        fixture.given(created, new TaskCompleted(task))
                .when(new CompleteTask(task, owner, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_completed_task_is_reopened() {
        fixture.given(created, new TaskCompleted(task))
                .when(new ReopenTask(task, owner, null))
                .expectEvents(new TaskReopened(task))
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_open_task_cannot_be_reopened() {
        fixture.given(created)
                .when(new ReopenTask(task, owner, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_reopened_task_can_be_completed_again() {
        fixture.given(created, new TaskCompleted(task), new TaskReopened(task))
                .when(new CompleteTask(task, owner, null))
                .expectEvents(new TaskCompleted(task))
                .expectResultMessagePayload(3L);
    }

    // deleting

    @Test
    void a_task_is_deleted() {
        fixture.given(created, new TaskCompleted(task))
                .when(new DeleteTask(task, owner, null))
                .expectEvents(new TaskDeleted(task))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_deleted_task_cannot_be_changed() {
        fixture.given(created, new TaskDeleted(task))
                .when(new ChangeTask(task, owner, "Buy oat milk", null, null))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void a_deleted_task_cannot_be_completed() {
        fixture.given(created, new TaskDeleted(task))
                .when(new CompleteTask(task, owner, null))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void a_deleted_task_cannot_be_reopened() {
        fixture.given(created, new TaskCompleted(task), new TaskDeleted(task))
                .when(new ReopenTask(task, owner, null))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void a_deleted_task_cannot_be_deleted_again() {
        fixture.given(created, new TaskDeleted(task))
                .when(new DeleteTask(task, owner, null))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    // ownership

    @Test
    void only_the_owner_can_change_a_task() {
        fixture.given(created)
                .when(new ChangeTask(task, stranger, "Mine now", null, null))
                .expectException(TaskNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void only_the_owner_can_complete_a_task() {
        fixture.given(created)
                .when(new CompleteTask(task, stranger, null))
                .expectException(TaskNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void only_the_owner_can_reopen_a_task() {
        fixture.given(created, new TaskCompleted(task))
                .when(new ReopenTask(task, stranger, null))
                .expectException(TaskNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void only_the_owner_can_delete_a_task() {
        fixture.given(created)
                .when(new DeleteTask(task, stranger, null))
                .expectException(TaskNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void a_stranger_with_the_right_version_still_finds_no_task() {
        fixture.given(created)
                .when(new CompleteTask(task, stranger, 0L))
                .expectException(TaskNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void a_stranger_with_a_stale_version_finds_no_task_rather_than_a_conflict() {
        fixture.given(created, new TaskCompleted(task))
                .when(new ReopenTask(task, stranger, 0L))
                .expectException(TaskNotFoundException.class);
    }

    // expected versions

    @Test
    void a_command_at_the_current_version_applies() {
        fixture.given(created, new TaskTitleChanged(task, "Buy oat milk"))
                .when(new CompleteTask(task, owner, 1L))
                .expectEvents(new TaskCompleted(task))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_change_at_a_stale_version_is_refused() {
        fixture.given(created, new TaskTitleChanged(task, "Buy oat milk"))
                .when(new ChangeTask(task, owner, "Buy soy milk", null, 0L))
                .expectException(TaskVersionMismatchException.class)
                .expectNoEvents();
    }

    @Test
    void a_completion_at_a_stale_version_is_refused_even_when_it_would_change_nothing() {
        fixture.given(created, new TaskCompleted(task))
                .when(new CompleteTask(task, owner, 0L))
                .expectException(TaskVersionMismatchException.class)
                .expectNoEvents();
    }

    @Test
    void a_reopening_at_a_stale_version_is_refused() {
        fixture.given(created, new TaskCompleted(task), new TaskReopened(task), new TaskCompleted(task))
                .when(new ReopenTask(task, owner, 1L))
                .expectException(TaskVersionMismatchException.class)
                .expectNoEvents();
    }

    @Test
    void a_deletion_at_a_stale_version_is_refused() {
        fixture.given(created, new TaskCompleted(task))
                .when(new DeleteTask(task, owner, 0L))
                .expectException(TaskVersionMismatchException.class)
                .expectNoEvents();
    }

    @Test
    void a_version_the_task_never_had_is_refused() {
        fixture.given(created)
                .when(new CompleteTask(task, owner, 7L))
                .expectException(TaskVersionMismatchException.class)
                .expectNoEvents();
    }
}
