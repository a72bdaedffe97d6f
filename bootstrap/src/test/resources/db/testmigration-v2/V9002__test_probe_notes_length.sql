-- Test-only schema change: the next release of the probe-notes projection (version 2) also stores each note's length.
ALTER TABLE probe_notes ADD COLUMN note_length integer;
