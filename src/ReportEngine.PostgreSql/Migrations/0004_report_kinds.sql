-- Report kinds (reports.md): a report's identity is (authority, kind, period, parameter), where the parameter is a
-- quality statement's code for the quality-statement report and empty for the other kinds.
ALTER TABLE reportengine.pack_runs ADD COLUMN parameter text NOT NULL DEFAULT '';
ALTER TABLE reportengine.pack_runs DROP CONSTRAINT pack_runs_authority_code_kind_period_key;
ALTER TABLE reportengine.pack_runs ADD CONSTRAINT pack_runs_report_key UNIQUE (authority_code, kind, period, parameter);
-- The archive entry a run issued, so a retry finds it without reading the whole index.
ALTER TABLE reportengine.pack_runs ADD COLUMN archive_id text;

-- Archive records gain the report's parameter, the entry a regenerated report supersedes, and additions: records
-- that join a file made after the entry (its PDF/A copy) to it. Records written before keep their hashes: these
-- fields count in a record's hash only when set.
ALTER TABLE reportengine.archive_records ADD COLUMN parameter text;
ALTER TABLE reportengine.archive_records ADD COLUMN supersedes text;
ALTER TABLE reportengine.archive_records ADD COLUMN adds_to text;
ALTER TABLE reportengine.archive_records DROP CONSTRAINT archive_records_type_check;
ALTER TABLE reportengine.archive_records ADD CONSTRAINT archive_records_type_check CHECK (type IN ('Entry', 'Tombstone', 'Addition'));
DROP INDEX reportengine.archive_records_by_pack;
CREATE INDEX archive_records_by_report ON reportengine.archive_records (authority_code, kind, period, parameter);

-- complaint_learning.csv (reports.md): optional, so the authority records whether its dataset had the file.
ALTER TABLE reportengine.authorities ADD COLUMN has_complaint_learning boolean NOT NULL DEFAULT false;
CREATE TABLE reportengine.complaint_learning (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    complaint_ref  text NOT NULL,
    recorded_on    date NOT NULL,
    learning       text NOT NULL,
    action_taken   text,
    PRIMARY KEY (authority_code, seq)
);
