package dev.ledgerline.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatsTest {

    @Test
    void a_percentile_is_the_value_at_the_nearest_rank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(Stats.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(Stats.percentile(sorted, 0.99)).isEqualTo(10);
        assertThat(Stats.percentile(sorted, 0.1)).isEqualTo(1);
    }

    @Test
    void no_latencies_give_no_percentile() {
        assertThat(Stats.percentile(new long[0], 0.5)).isNaN();
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    }
}
