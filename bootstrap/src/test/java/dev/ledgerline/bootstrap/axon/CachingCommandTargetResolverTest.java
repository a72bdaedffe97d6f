package dev.ledgerline.bootstrap.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import dev.ledgerline.conversation.commands.PostMessage;
import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessageRole;
import dev.ledgerline.identity.commands.RevokeSession;
import dev.ledgerline.identity.events.RevocationReason;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.tasks.commands.CompleteTask;
import dev.ledgerline.tasks.events.TaskId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CachingCommandTargetResolverTest {

    private final CachingCommandTargetResolver resolver = new CachingCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    /** A command whose target is a field, with a version given as text. */
    static final class FieldTarget {
        @TargetAggregateIdentifier
        private final String id;
        @TargetAggregateVersion
        private final String version;

        FieldTarget(String id, String version) {
            this.id = id;
            this.version = version;
        }
    }

    /** A command whose target and version come from methods. */
    static final class MethodTarget {
        private final int version;

        MethodTarget(int version) {
            this.version = version;
        }

        @TargetAggregateIdentifier
        String target() {
            return "aggregate-" + version;
        }

        @TargetAggregateVersion
        int version() {
            return version;
        }
    }

    record NoTarget(String id) {
    }

    record NullTarget(@TargetAggregateIdentifier String id) {
    }

    static Stream<Object> commands() {
        UserId user = UserId.random();
        return Stream.of(
                new PostMessage(ConversationId.random(), user, MessageId.random(), MessageRole.USER, "hello", null,
                        List.of(), null),
                new CompleteTask(TaskId.random(), user, 3L),
                new RevokeSession(SessionId.random(), RevocationReason.LOGOUT, user),
                new FieldTarget("a", "7"),
                new FieldTarget("b", null),
                new MethodTarget(4));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void answers_what_axons_own_resolver_answers(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);

        assertThat(resolver.resolveTarget(message)).isEqualTo(axons.resolveTarget(message));
        // the second time from the members found the first time
        assertThat(resolver.resolveTarget(message)).isEqualTo(axons.resolveTarget(message));
    }

    @Test
    void reads_each_command_of_a_class_anew() {
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new MethodTarget(1))).getIdentifier())
                .isEqualTo("aggregate-1");
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new MethodTarget(2))))
                .satisfies(target -> {
                    assertThat(target.getIdentifier()).isEqualTo("aggregate-2");
                    assertThat(target.getVersion()).isEqualTo(2L);
                });
    }

    @Test
    void refuses_a_command_without_a_target_like_axon() {
        for (Object command : List.of(new NoTarget("x"), new NullTarget(null))) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
            assertThatThrownBy(() -> axons.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> resolver.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("@TargetAggregateIdentifier")
                    .hasMessageContaining(command.getClass().getSimpleName());
        }
    }

    @Test
    void refuses_a_version_that_is_not_a_number_like_axon() {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(new FieldTarget("a", "seven"));

        assertThatThrownBy(() -> axons.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> resolver.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }
}
