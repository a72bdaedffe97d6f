package dev.ledgerline.bootstrap.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void a_hosted_postgres_url_becomes_a_jdbc_url_with_its_credentials() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgres://alice:s%40cret@ep-cool.eu-central-1.aws.example.tech:5433/neondb?sslmode=require",
                null, null);

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://ep-cool.eu-central-1.aws.example.tech:5433/neondb?sslmode=require");
        assertThat(url.username()).isEqualTo("alice");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    @Test
    void libpq_channel_binding_is_spelled_the_jdbc_way() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://bob:pw@db.example.tech/app?sslmode=require&channel_binding=require", null, null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.tech/app?sslmode=require&channelBinding=require");
    }

    @Test
    void explicit_credentials_win_over_those_in_the_url() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://alice:one@localhost/db", "carol", "two");

        assertThat(url.username()).isEqualTo("carol");
        assertThat(url.password()).isEqualTo("two");
    }

    @Test
    void a_jdbc_url_is_used_as_given() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/ledgerline", "app", "secret");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/ledgerline");
        assertThat(url.describe()).isEqualTo("jdbc:postgresql://localhost:5432/ledgerline");
    }

    @Test
    void credentials_and_parameters_never_appear_in_the_description() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://alice:topsecret@localhost/db?sslmode=require", null, null);

        assertThat(url.describe()).doesNotContain("topsecret").doesNotContain("alice");
    }

    @Test
    void other_schemes_are_refused_with_a_clear_message() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/db", null, null))
                .hasMessageContaining("DATABASE_URL must start with");
    }
}
