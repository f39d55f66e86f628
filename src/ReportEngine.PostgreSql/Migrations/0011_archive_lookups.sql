-- The issuing path asks for the entry a run archived on every issue; by run id it is one index probe, not a walk of
-- the chain. (The latest entry of a report uses archive_records_by_report.)
CREATE INDEX archive_records_by_run ON reportengine.archive_records (run_id) WHERE run_id IS NOT NULL;
