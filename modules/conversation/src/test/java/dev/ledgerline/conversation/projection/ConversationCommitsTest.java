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
}
