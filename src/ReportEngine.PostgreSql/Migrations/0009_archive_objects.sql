-- The archive's objects and checkpoints in the database (Archive__Objects=postgresql), so that serve processes on
-- several machines share one archive with no shared folder. Content-addressed as the file store is: the database
-- itself refuses an object whose name is not the SHA-256 of its bytes, and refuses to change one once written.
CREATE TABLE reportengine.archive_objects (
    sha256    text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content   bytea NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT archive_objects_content_addressed CHECK (sha256 = encode(sha256(content), 'hex'))
);

CREATE TABLE reportengine.archive_checkpoints (
    seq       bigint PRIMARY KEY CHECK (seq > 0),
    body      bytea NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);

-- Written once: an object or a checkpoint is never updated; a checkpoint is never deleted (objects are, by prune and by
-- the clean-up of a write that failed half way, as files are).
CREATE FUNCTION reportengine.archive_write_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% of %.% is refused: the archive''s store is written once', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER archive_objects_write_once BEFORE UPDATE ON reportengine.archive_objects
    FOR EACH ROW EXECUTE FUNCTION reportengine.archive_write_once();
CREATE TRIGGER archive_checkpoints_write_once BEFORE UPDATE OR DELETE ON reportengine.archive_checkpoints
    FOR EACH ROW EXECUTE FUNCTION reportengine.archive_write_once();
CREATE TRIGGER archive_checkpoints_no_truncate BEFORE TRUNCATE ON reportengine.archive_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION reportengine.archive_write_once();
