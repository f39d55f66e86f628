-- A sealed archive: every record is signed with a key the database does not hold, and legal holds are records of the
-- chain (a hold and its release), so deleting one with SQL breaks the chain instead of going unseen.
ALTER TABLE reportengine.archive_records ADD COLUMN signature text;
ALTER TABLE reportengine.archive_records ADD COLUMN concerns text;
ALTER TABLE reportengine.archive_records DROP CONSTRAINT archive_records_type_check;
ALTER TABLE reportengine.archive_records ADD CONSTRAINT archive_records_type_check
    CHECK (type IN ('Entry', 'Tombstone', 'Addition', 'Hold', 'Release'));
DROP TABLE reportengine.archive_holds;
