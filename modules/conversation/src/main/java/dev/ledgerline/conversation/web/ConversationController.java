package dev.ledgerline.conversation.web;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.ledgerline.conversation.api.ConversationJson;
import dev.ledgerline.conversation.api.MessageJson;
import dev.ledgerline.conversation.commands.ConversationRefusedException;
import dev.ledgerline.conversation.commands.DeleteConversation;
import dev.ledgerline.conversation.commands.MessageReceipt;
import dev.ledgerline.conversation.commands.PostMessage;
import dev.ledgerline.conversation.commands.RecordToolResult;
import dev.ledgerline.conversation.commands.RenameConversation;
import dev.ledgerline.conversation.commands.StartConversation;
import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessageRole;
import dev.ledgerline.conversation.events.ToolResultStatus;
import dev.ledgerline.conversation.queries.ConversationQueries;
import dev.ledgerline.conversation.queries.InvalidCursorException;
import dev.ledgerline.conversation.queries.MessageRange;
import dev.ledgerline.conversation.web.PageResponses.ConversationPageResponse;
import dev.ledgerline.conversation.web.PageResponses.MessagePageResponse;
import dev.ledgerline.identity.api.CurrentUser;
import dev.ledgerline.identity.events.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Conversations, messages and tool results over HTTP. Every write waits (bounded) until the read tables show it, so
 * that the answer and any read after it include the change.
 */
@RestController
@RequestMapping("/api/conversations")
class ConversationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(ConversationController.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final CommandGateway commands;
    private final ConversationQueries queries;
    private final CurrentUser currentUser;

    ConversationController(CommandGateway commands, ConversationQueries queries, CurrentUser currentUser) {
        this.commands = commands;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @PostMapping
    ResponseEntity<ConversationJson> start(@Valid @RequestBody StartConversationRequest request) {
        ConversationId id = ConversationId.random();
        long capacity = request.capacityMax() != null ? request.capacityMax() : StartConversation.DEFAULT_CAPACITY;
        // PostgreSQL keeps microseconds: the aggregate, the event and the read tables all see the same instant
        Instant expiresAt = request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MICROS);
        send(new StartConversation(id, owner(), title(request.title()), capacity, expiresAt));
        awaitVersion(id, 0);
        return ResponseEntity.created(URI.create("/api/conversations/" + id)).body(read(id));
    }

    @GetMapping
    ConversationPageResponse list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                  @RequestParam(required = false) String cursor) {
        try {
            return ConversationPageResponse.of(queries.conversations(owner(), limit, cursor));
        } catch (InvalidCursorException e) {
            throw ConversationProblems.invalid("cursor", "is not a cursor this server handed out");
        }
    }

    @GetMapping("/{id}")
    ConversationJson get(@PathVariable UUID id) {
        return read(new ConversationId(id));
    }

    @PatchMapping("/{id}")
    ConversationJson rename(@PathVariable UUID id, @Valid @RequestBody RenameConversationRequest request) {
        ConversationId conversationId = new ConversationId(id);
        long version = send(new RenameConversation(conversationId, owner(), title(request.title())));
        awaitVersion(conversationId, version);
        return read(conversationId);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        ConversationId conversationId = new ConversationId(id);
        send(new DeleteConversation(conversationId, owner()));
        if (!queries.awaitRemoval(conversationId)) {
            log.warn("The conversation read tables still show deleted conversation {}", conversationId);
            throw ConversationProblems.lagging();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/messages")
    ResponseEntity<MessageJson> post(@PathVariable UUID id,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                         @Valid @RequestBody PostMessageRequest request) {
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            throw ConversationProblems.invalid(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters");
        }
        ConversationId conversationId = new ConversationId(id);
        MessageReceipt receipt = send(new PostMessage(conversationId, owner(), MessageId.random(),
                MessageRole.fromWireName(request.role()), request.content(), request.tokenCount(),
                toolCalls(request), key));
        MessageJson message = readMessage(conversationId, receipt);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED);
        if (receipt.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(message);
    }

    @GetMapping("/{id}/messages")
    MessagePageResponse messages(@PathVariable UUID id,
                                 @RequestParam(required = false) @Min(0) Long after,
                                 @RequestParam(required = false) @Min(1) Long before,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                 @RequestParam(defaultValue = "asc")
                                 @jakarta.validation.constraints.Pattern(regexp = "asc|desc") String order) {
        MessageRange range = new MessageRange(after, before, limit, "desc".equals(order));
        return queries.messages(new ConversationId(id), owner(), range).map(MessagePageResponse::of)
                .orElseThrow(ConversationProblems::notFound);
    }

    @PostMapping("/{id}/tool-calls/{callId}/result")
    MessageJson recordResult(@PathVariable UUID id, @PathVariable String callId,
                                 @Valid @RequestBody ToolResultRequest request) {
        ConversationId conversationId = new ConversationId(id);
        MessageReceipt receipt = send(new RecordToolResult(conversationId, owner(), callId, request.output(),
                ToolResultStatus.fromWireName(request.status())));
        return readMessage(conversationId, receipt);
    }

    private List<PostMessage.ToolCall> toolCalls(PostMessageRequest request) {
        if (request.toolCalls() == null || request.toolCalls().isEmpty()) {
            return List.of();
        }
        if (!"assistant".equals(request.role())) {
            throw ConversationProblems.invalid("toolCalls", "only assistant messages may carry tool calls");
        }
        Set<String> callIds = new HashSet<>();
        return request.toolCalls().stream().map(call -> {
            if (!callIds.add(call.callId())) {
                throw ConversationProblems.invalid("toolCalls", "call id '" + call.callId() + "' appears twice");
            }
            String arguments = call.arguments() == null ? "{}" : call.arguments().toString();
            return new PostMessage.ToolCall(call.callId(), call.name(), arguments);
        }).toList();
    }

    /**
     * The message once the read tables show the command's version: as the command posted it, or (a replay, a tool
     * result, where the message is older than the command) as the read tables have it.
     */
    private MessageJson readMessage(ConversationId id, MessageReceipt receipt) {
        awaitVersion(id, receipt.version());
        if (receipt.posted() != null) {
            return MessageJson.of(receipt.posted());
        }
        return queries.message(id, receipt.messageId(), owner()).map(MessageJson::of)
                .orElseThrow(ConversationProblems::lagging);
    }

    private ConversationJson read(ConversationId id) {
        return queries.conversation(id, owner()).map(ConversationJson::of)
                .orElseThrow(ConversationProblems::notFound);
    }

    private void awaitVersion(ConversationId id, long version) {
        if (!queries.awaitVersion(id, version)) {
            log.warn("The conversation read tables did not show version {} of conversation {} in time", version, id);
            throw ConversationProblems.lagging();
        }
    }

    /**
     * A conflict or a refusal is decided once more, on the conversation as stored. This node may hold it in memory
     * ({@code ConversationCaching}) without another node's latest events: a post on such a copy collides with the
     * stored sequence number (conflict), and a refusal may rest on what the copy lacks (a tool call made on the other
     * node). Either way the command was rolled back whole and the copy dropped, so the second attempt loads the
     * conversation from the store. What it answers stands: a second conflict is 409, a second refusal the refusal.
     */
    private <R> R send(Object command) {
        try {
            try {
                return commands.sendAndWait(command);
            } catch (ConcurrencyException | ConversationRefusedException first) {
                log.debug("Deciding {} again on the stored conversation after: {}", command.getClass().getSimpleName(),
                        first.getMessage());
                return commands.sendAndWait(command);
            }
        } catch (ConversationRefusedException refusal) {
            throw ConversationProblems.refused(refusal);
        }
    }

    private UserId owner() {
        return currentUser.id();
    }

    private static String title(String title) {
        return title == null || title.isBlank() ? null : title.strip();
    }
}
