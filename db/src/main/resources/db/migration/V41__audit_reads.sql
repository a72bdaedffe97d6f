-- Who read which audit stream, when: a projection of AuditStreamRead events (rebuildable), listed to admins.
CREATE TABLE audit_reads (
    id             uuid                     NOT NULL,
    auditor_id     uuid                     NOT NULL,
    stream_type    varchar(50)              NOT NULL,
    stream_id      varchar(255)             NOT NULL,
    operation      varchar(20)              NOT NULL,
    correlation_id varchar(128),
    client_address varchar(64),
    read_at        timestamp with time zone NOT NULL,
    CONSTRAINT audit_reads_pk PRIMARY KEY (id)
);
CREATE INDEX audit_reads_read_at_idx ON audit_reads (read_at DESC, id DESC);
COMMENT ON TABLE audit_reads IS 'Projection of AuditStreamRead events (processing group audit-reads-projection)';
