-- Conversation module read tables, maintained by the conversation-projection processing group from the
-- conversation events (ConversationStarted, MessagePosted, ToolCallRecorded, ...) and rebuilt from them at will.
-- Depends on identity's users table (V10..V19).

CREATE TABLE conversations (
    id                 uuid         NOT NULL,
    user_id            uuid         NOT NULL,
    title              varchar(200),
    message_count      bigint       NOT NULL,
    capacity_used      bigint       NOT NULL,
    capacity_max       bigint       NOT NULL,
    expires_at         timestamptz,
    -- the tool calls still waiting for a result: [{callId, name, messageId}] in the order they were made
    pending_tool_calls jsonb        NOT NULL DEFAULT '[]'::jsonb,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    -- sequence number of the last event applied; read-your-writes waits for it, redelivered events are skipped by it
    version            bigint       NOT NULL,
    CONSTRAINT conversations_pk PRIMARY KEY (id),
    CONSTRAINT conversations_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT conversations_counts_ck CHECK (message_count >= 0 AND capacity_used >= 0 AND capacity_max > 0)
);

COMMENT ON TABLE conversations IS
    'Read model of the Conversation aggregate (projection conversation-projection); one row per live conversation.';

-- the owner's list, most recently active first, with (updated_at, id) as the keyset cursor
CREATE INDEX conversations_user_updated_idx ON conversations (user_id, updated_at DESC, id DESC);

CREATE TABLE messages (
    id              uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    sequence        bigint      NOT NULL,
    role            varchar(16) NOT NULL,
    content         text        NOT NULL,
    token_count     bigint      NOT NULL,
    -- [{callId, name, arguments (a JSON object), output, status}]; output and status stay null until the result
    tool_calls      jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at      timestamptz NOT NULL,
    CONSTRAINT messages_pk PRIMARY KEY (id),
    CONSTRAINT messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    -- also the index for paging a conversation's messages by sequence, both ways
    CONSTRAINT messages_conversation_sequence_uk UNIQUE (conversation_id, sequence),
    CONSTRAINT messages_role_ck CHECK (role IN ('user', 'assistant', 'system')),
    CONSTRAINT messages_sequence_ck CHECK (sequence > 0),
    CONSTRAINT messages_token_count_ck CHECK (token_count >= 0)
);

COMMENT ON TABLE messages IS
    'Read model of the messages of each conversation, with their tool calls and results merged in tool_calls.';
