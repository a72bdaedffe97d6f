package dev.ledgerline.conversation.projection;

import java.util.Map;
import java.util.UUID;

import dev.ledgerline.conversation.events.ConversationId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationCommitsTest {

    private final ConversationCommits commits = new ConversationCommits();
    private final ConversationId waitedFor = new ConversationId(UUID.randomUUID());
    private final ConversationId other = new ConversationId(UUID.randomUUID());

    @Test
    void a_commit_reaching_the_awaited_version_wakes_the_waiter() throws InterruptedException {
        try (ConversationCommits.Waiter waiter = commits.register(waitedFor, 7)) {
            commits.committed(Map.of(waitedFor, 7L));

            assertThat(waiter.await(0)).isTrue();
            assertThat(waiter.confirmed()).as("the commit is the answer: no need to read again").isTrue();
        }
    }

    @Test
    void commits_of_an_older_version_or_of_another_conversation_do_not_wake_it() throws InterruptedException {
        try (ConversationCommits.Waiter waiter = commits.register(waitedFor, 7)) {
            commits.committed(Map.of(waitedFor, 6L, other, 9L));

            assertThat(waiter.await(0)).isFalse();
        }
    }

    @Test
    void a_removal_wakes_every_waiter_of_that_conversation() throws InterruptedException {
        try (ConversationCommits.Waiter first = commits.register(waitedFor, 3);
             ConversationCommits.Waiter second = commits.register(waitedFor, ConversationCommits.REMOVED)) {
            commits.committed(Map.of(waitedFor, ConversationCommits.REMOVED));

            assertThat(first.await(0)).isTrue();
            assertThat(first.confirmed()).as("the version waiter must look: its row is gone").isFalse();
            assertThat(second.await(0)).isTrue();
            assertThat(second.confirmed()).isTrue();
        }
    }

    @Test
    void a_commit_that_removed_unnamed_rows_wakes_waiters_without_confirming_anything() throws InterruptedException {
        try (ConversationCommits.Waiter waiter = commits.register(waitedFor, 3)) {
            commits.committedAll();

            assertThat(waiter.await(0)).isTrue();
            assertThat(waiter.confirmed()).isFalse();
        }
    }

    @Test
    void a_closed_waiter_is_no_longer_woken() throws InterruptedException {
        ConversationCommits.Waiter waiter = commits.register(waitedFor, 1);
        waiter.close();

        commits.committedAll();

        assertThat(waiter.await(0)).isFalse();
    }

    @Test
    void a_commit_is_remembered_for_a_wait_that_begins_after_it() {
        commits.committed(Map.of(waitedFor, 7L));
        commits.committed(Map.of(waitedFor, 5L));

        assertThat(commits.reached(waitedFor, 7)).as("a late, older commit does not take it back").isTrue();
        assertThat(commits.reached(waitedFor, 8)).isFalse();
        assertThat(commits.reached(other, 0)).as("nothing is known of another conversation").isFalse();
    }

    @Test
    void a_remembered_removal_answers_only_a_wait_for_the_removal() {
        commits.committed(Map.of(waitedFor, ConversationCommits.REMOVED));

        assertThat(commits.reached(waitedFor, ConversationCommits.REMOVED)).isTrue();
        assertThat(commits.reached(waitedFor, 3)).as("the row is gone: the wait must look").isFalse();
    }

    @Test
    void what_is_remembered_is_forgotten_when_rows_go_unnamed_or_the_tables_are_cleared() {
        commits.committed(Map.of(waitedFor, 7L));
        commits.committedAll();
        assertThat(commits.reached(waitedFor, 7)).isFalse();

        commits.committed(Map.of(waitedFor, 7L));
        commits.forget();
        assertThat(commits.reached(waitedFor, 7)).isFalse();
    }

    @Test
    void only_the_most_recently_committed_conversations_are_remembered() {
        commits.committed(Map.of(waitedFor, 1L));
        for (int i = 0; i < ConversationCommits.REMEMBERED; i++) {
            commits.committed(Map.of(new ConversationId(UUID.randomUUID()), 1L));
        }

        assertThat(commits.reached(waitedFor, 1)).as("the oldest made room").isFalse();
    }
}
