package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.assistantCalling;
import static dev.ledgerline.conversation.ConversationClient.message;
import static dev.ledgerline.conversation.ConversationClient.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ledgerline.conversation.api.ConversationHistory;
import dev.ledgerline.conversation.api.ConversationJson;
import dev.ledgerline.conversation.api.MessageJson;
import dev.ledgerline.conversation.queries.ConversationState;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The audit module's view of a conversation at its last event is what the REST API shows. */
@EndToEndTest
class ConversationHistoryEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @Test
    void replaying_the_stored_events_gives_exactly_what_the_rest_api_shows() {
        ConversationClient client = ConversationUsers.newClient(new Http(port));
        String id = client.startConversation(Http.json("title", "audited", "capacityMax", 1_000));
        client.post(id, message("user", "Plan my day"));
        client.post(id, assistantCalling("Looking.", List.of(
                toolCall("call_h1", "search_tasks", Map.of("zeta", 1, "alpha", List.of(true, "x"), "mid", 2.5)),
                toolCall("call_h2", "calendar", Map.of()))));
        client.result(id, "call_h1", Http.json("output", "3 tasks", "status", "ok"));
        client.post(id, message("assistant", "Here is your day."));

        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(id).forEachRemaining(events::add);
        ConversationState state = ConversationHistory.replay(events).orElseThrow();

        JsonNode conversation = client.conversation(id).body();
        JsonNode messages = client.messages(id, "limit=200").body().get("data");
        assertThat(written(ConversationJson.of(state.conversation()))).isEqualTo(conversation);
        assertThat(written(state.messages().stream().map(MessageJson::of).toList())).isEqualTo(messages);
        assertThat(conversation.get("pendingToolCalls").get(0).get("callId").asText()).isEqualTo("call_h2");
    }

    /** As JSON text read back, so that numbers compare by value as the client sees them. */
    private static JsonNode written(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
