package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.message;
import static dev.ledgerline.conversation.ConversationExchangeTest.sequences;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.Http.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tests only read: they share one conversation of twelve messages. */
@EndToEndTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationPaginationTest {

    @LocalServerPort
    int port;
    private ConversationClient client;
    private String id;

    @BeforeAll
    void postTwelveMessages() {
        client = ConversationUsers.newClient(new Http(port));
        id = client.startConversation();
        for (int i = 1; i <= 12; i++) {
            assertThat(client.post(id, message(i % 2 == 1 ? "user" : "assistant", "message " + i)).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void messages_are_paged_forwards_with_after() {
        Response first = client.messages(id, "limit=5");
        assertThat(sequences(first.body().get("data"))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(first.body().get("firstSequence").asLong()).isEqualTo(1);
        assertThat(first.body().get("lastSequence").asLong()).isEqualTo(5);
        assertThat(first.body().get("hasMore").asBoolean()).isTrue();

        Response second = client.messages(id, "limit=5&after=" + first.body().get("lastSequence").asLong());
        assertThat(sequences(second.body().get("data"))).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(second.body().get("hasMore").asBoolean()).isTrue();

        Response last = client.messages(id, "limit=5&order=asc&after=10");
        assertThat(sequences(last.body().get("data"))).containsExactly(11L, 12L);
        assertThat(last.body().get("hasMore").asBoolean()).isFalse();
        assertThat(last.body().get("data").get(1).get("content").asText()).isEqualTo("message 12");
    }

    @Test
    void messages_are_paged_backwards_with_before() {
        Response first = client.messages(id, "limit=5&order=desc");
        assertThat(sequences(first.body().get("data"))).containsExactly(12L, 11L, 10L, 9L, 8L);
        assertThat(first.body().get("firstSequence").asLong()).isEqualTo(12);
        assertThat(first.body().get("lastSequence").asLong()).isEqualTo(8);
        assertThat(first.body().get("hasMore").asBoolean()).isTrue();

        Response second = client.messages(id, "limit=5&order=desc&before=8");
        assertThat(sequences(second.body().get("data"))).containsExactly(7L, 6L, 5L, 4L, 3L);

        Response last = client.messages(id, "limit=5&order=desc&before=3");
        assertThat(sequences(last.body().get("data"))).containsExactly(2L, 1L);
        assertThat(last.body().get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void after_and_before_together_read_a_window() {
        assertThat(sequences(client.messages(id, "after=3&before=7").body().get("data"))).containsExactly(4L, 5L, 6L);
        assertThat(sequences(client.messages(id, "after=3&before=7&order=desc").body().get("data")))
                .containsExactly(6L, 5L, 4L);
    }

    @Test
    void an_empty_page_has_no_first_or_last_sequence() {
        Response empty = client.messages(id, "after=12");
        assertThat(empty.body().get("data")).isEmpty();
        assertThat(empty.body().get("firstSequence").isNull()).isTrue();
        assertThat(empty.body().get("lastSequence").isNull()).isTrue();
        assertThat(empty.body().get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void paging_parameters_out_of_range_answer_400() {
        for (String query : new String[] {"limit=0", "limit=201", "order=sideways", "after=-1", "before=0",
                "limit=ten"}) {
            Response response = client.messages(id, query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(sequences(client.messages(id, "limit=200").body().get("data"))).hasSize(12);
    }

    @Test
    void a_list_cursor_this_server_did_not_hand_out_answers_400() {
        for (String cursor : new String[] {"nonsense", "bm9uc2Vuc2U", "MTIzfm5vdC1hLXV1aWQ"}) {
            Response response = client.get("/api/conversations?cursor=" + cursor);
            assertThat(response.status()).as(cursor).isEqualTo(400);
            assertThat(response.body().get("type").asText())
                    .isEqualTo("https://ledgerline.dev/problems/validation-failed");
        }
        assertThat(client.get("/api/conversations?limit=101").status()).isEqualTo(400);
    }
}
