package dev.ledgerline.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FigureTest {

    @Test
    void the_ratio_compares_the_medians_of_both_sides() {
        Figure figure = new Figure("W1", "messages/s", "1/s", List.of(90.0, 100.0, 300.0), List.of(200.0, 1.0, 250.0),
                Target.ratioAtLeast(0.5));

        assertThat(figure.ratio()).isEqualTo(0.5);
        assertThat(figure.met()).isTrue();
    }

    @Test
    void a_bound_on_the_value_judges_the_app_median() {
        Figure figure = new Figure("L1", "lag p99", "ms", List.of(120.0, 90.0, 101.0), null,
                Target.valueAtMost(100, "ms"));

        assertThat(figure.met()).isFalse();
    }

    @Test
    void a_nan_repetition_makes_the_figure_incomplete() {
        assertThat(new Figure("R1", "p99", "ms", List.of(1.0, Double.NaN), null, Target.none()).complete()).isFalse();
        assertThat(new Figure("R1", "p99", "ms", List.of(), null, Target.none()).complete()).isFalse();
        assertThat(new Figure("R1", "p99", "ms", List.of(1.0), List.of(), Target.none()).complete()).isFalse();
    }

    @Test
    void a_report_only_figure_is_neither_met_nor_missed() {
        assertThat(new Figure("S1", "start", "s", List.of(12.0), null, Target.none()).met()).isNull();
    }
}
