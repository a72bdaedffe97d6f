-- Axon Framework 4.13 JPA storage: event store, snapshots, tracking tokens, sagas and the dead-letter queue.
-- Column names follow Spring's camelCase-to_underscores naming of Axon's JPA entities; Hibernate validates them
-- at start (ddl-auto=validate). Every blob is bytea (never an oid large object).

-- The global index orders every event in the store. Increment 1: the JPA allocation size is overridden to 1 in
-- META-INF/orm.xml, because pre-allocated blocks of 50 would hand out indexes out of commit order across nodes.
CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE domain_event_entry (
    global_index         bigint       NOT NULL,
    type                 varchar(255),
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    event_identifier     varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    payload_type         varchar(255) NOT NULL,
    payload_revision     varchar(255),
    payload              bytea        NOT NULL,
    meta_data            bytea,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_event_identifier_uk UNIQUE (event_identifier),
    -- sourcing an aggregate reads by this pair; it is also the optimistic lock between concurrent writers
    CONSTRAINT domain_event_entry_aggregate_sequence_uk UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    payload_type         varchar(255) NOT NULL,
    payload_revision     varchar(255),
    payload              bytea        NOT NULL,
    meta_data            bytea,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT snapshot_event_entry_event_identifier_uk UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255) NOT NULL,
    owner          varchar(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);

CREATE TABLE saga_entry (
    saga_id         varchar(255) NOT NULL,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga bytea,
    CONSTRAINT saga_entry_pk PRIMARY KEY (saga_id)
);

-- Hibernate's default allocation size (50) is kept for this entity; the sequence matches it.
CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE association_value_entry (
    id                bigint       NOT NULL,
    saga_id           varchar(255) NOT NULL,
    association_key   varchar(255) NOT NULL,
    association_value varchar(255),
    saga_type         varchar(255),
    CONSTRAINT association_value_entry_pk PRIMARY KEY (id)
);
CREATE INDEX association_value_entry_type_key_value_idx
    ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_entry_saga_idx
    ON association_value_entry (saga_id, saga_type);

CREATE TABLE dead_letter_entry (
    dead_letter_id       varchar(255)             NOT NULL,
    processing_group     varchar(255)             NOT NULL,
    sequence_identifier  varchar(255)             NOT NULL,
    sequence_index       bigint                   NOT NULL,
    message_type         varchar(255)             NOT NULL,
    event_identifier     varchar(255)             NOT NULL,
    time_stamp           varchar(255)             NOT NULL,
    payload_type         varchar(255)             NOT NULL,
    payload_revision     varchar(255),
    payload              bytea                    NOT NULL,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp(6) with time zone NOT NULL,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_group_sequence_index_uk
        UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);
