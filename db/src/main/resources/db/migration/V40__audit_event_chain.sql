-- Tamper evidence. Every event appended to the store gets a link here, in the same transaction as the event itself:
--   hash = HMAC-SHA256(key, previous_hash || the event's stored bytes)   (see dev.ledgerline.audit.chain.ChainHasher)
-- chained per aggregate stream in sequence order. The key is configuration and never enters the database, so whoever
-- can write to the database alone can change events but cannot produce matching links. Not a projection: rebuilds
-- never touch this table.
CREATE TABLE audit_event_chain (
    aggregate_identifier varchar(255)             NOT NULL,
    sequence_number      bigint                   NOT NULL,
    event_identifier     varchar(255)             NOT NULL,
    previous_hash        bytea                    NOT NULL,
    hash                 bytea                    NOT NULL,
    recorded_at          timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT audit_event_chain_pk PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT audit_event_chain_hash_length_ck CHECK (octet_length(hash) = 32 AND octet_length(previous_hash) = 32)
);

COMMENT ON TABLE audit_event_chain IS 'HMAC chain over each aggregate''s events, written with the events; see README (audit)';
