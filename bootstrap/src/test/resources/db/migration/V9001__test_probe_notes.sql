-- Test-only read table (bootstrap/src/test): the probe-notes projection the operations tests rebuild and poison.
CREATE TABLE probe_notes (
    probe_id varchar(100) NOT NULL,
    sequence bigint       NOT NULL,
    note     varchar(200) NOT NULL,
    CONSTRAINT probe_notes_pk PRIMARY KEY (probe_id, sequence)
);
