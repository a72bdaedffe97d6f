-- A read-only window on the event store for operators and auditors who use psql:
--   SELECT global_index, payload_type, payload, meta_data->>'correlationId' FROM event_log ORDER BY global_index DESC LIMIT 20;
-- Payloads and metadata are Jackson-serialized UTF-8 JSON inside bytea; here they read as jsonb.
CREATE VIEW event_log AS
SELECT e.global_index,
       e.type                                     AS aggregate_type,
       e.aggregate_identifier,
       e.sequence_number,
       e.event_identifier,
       e.payload_type,
       e.payload_revision,
       e.time_stamp::timestamptz                  AS occurred_at,
       convert_from(e.payload, 'UTF8')::jsonb     AS payload,
       convert_from(e.meta_data, 'UTF8')::jsonb   AS meta_data
FROM domain_event_entry e;

-- A single-table view is auto-updatable in PostgreSQL; this one must never be a way to change the record.
CREATE FUNCTION event_log_is_read_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'event_log is a read-only view of the event store' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER event_log_read_only
    INSTEAD OF INSERT OR UPDATE OR DELETE ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_is_read_only();
