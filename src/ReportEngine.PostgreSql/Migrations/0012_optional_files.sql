-- One list of the optional files a dataset supplied (for those whose absence reads differently from an empty file),
-- in place of a flag per file: a new optional file needs no new column.
ALTER TABLE reportengine.authorities ADD COLUMN optional_files text[] NOT NULL DEFAULT '{}';
UPDATE reportengine.authorities SET optional_files = operations_files
    || CASE WHEN has_bank_holidays THEN ARRAY['bank_holidays.csv'] ELSE ARRAY[]::text[] END
    || CASE WHEN has_complaint_learning THEN ARRAY['complaint_learning.csv'] ELSE ARRAY[]::text[] END
    || CASE WHEN has_targets THEN ARRAY['targets.csv'] ELSE ARRAY[]::text[] END;
ALTER TABLE reportengine.authorities
    DROP COLUMN has_bank_holidays, DROP COLUMN has_complaint_learning, DROP COLUMN has_targets, DROP COLUMN operations_files;
