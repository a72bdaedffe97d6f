package dev.ledgerline.operations.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoordinatorSchedulerTest {

    private final CoordinatorScheduler scheduler = new CoordinatorScheduler(Thread::new);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void the_coordinators_look_at_full_work_packages_comes_after_a_few_milliseconds_instead_of_100() {
        ScheduledFuture<?> recheck = scheduler.schedule(() -> { }, 100, TimeUnit.MILLISECONDS);

        assertThat(recheck.getDelay(TimeUnit.MILLISECONDS))
                .isLessThanOrEqualTo(CoordinatorScheduler.FULL_PACKAGES_RECHECK_MILLIS);
    }

    @Test
    void every_other_delay_is_kept() {
        ScheduledFuture<?> claimExtension = scheduler.schedule(() -> { }, 500, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> tokenClaim = scheduler.schedule(() -> { }, 5, TimeUnit.SECONDS);
        ScheduledFuture<?> almost = scheduler.schedule(() -> { }, 99, TimeUnit.MILLISECONDS);

        assertThat(claimExtension.getDelay(TimeUnit.MILLISECONDS)).isBetween(400L, 500L);
        assertThat(tokenClaim.getDelay(TimeUnit.MILLISECONDS)).isBetween(4_900L, 5_000L);
        assertThat(almost.getDelay(TimeUnit.MILLISECONDS)).isBetween(50L, 99L);
    }

    @Test
    void immediate_tasks_still_run() throws Exception {
        assertThat(scheduler.submit(() -> "ran").get(5, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(scheduler.schedule(() -> "later", 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS))
                .isEqualTo("later");
    }
}
