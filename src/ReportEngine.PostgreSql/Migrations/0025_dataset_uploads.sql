-- web.md version 2: an Admin may give a person the right to upload an authority's dataset in the browser.
ALTER TABLE reportengine.account_grants ADD COLUMN upload boolean NOT NULL DEFAULT false;

-- A dataset uploaded and validated, waiting for someone to say "Import": its CSV files as one zip, what the preview
-- showed, and when (if ever) it was imported. Kept in the database so that any serve process can import it.
CREATE TABLE reportengine.staged_datasets (
    id          uuid PRIMARY KEY,
    authority   text NOT NULL,
    uploaded_by text NOT NULL,
    uploaded_at timestamptz NOT NULL,
    files       bytea NOT NULL,
    preview     jsonb NOT NULL,
    imported_at timestamptz
);
