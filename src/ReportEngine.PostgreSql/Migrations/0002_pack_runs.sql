-- One row per (authority, pack kind, period): the idempotency key that makes every pack render once,
-- however often its job is retried, duplicated or run concurrently.
CREATE TABLE reportengine.pack_runs (
    id               uuid PRIMARY KEY,
    authority_code   text NOT NULL,
    kind             text NOT NULL,
    period           text NOT NULL,
    state            text NOT NULL CHECK (state IN ('running', 'succeeded', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    renders          integer NOT NULL DEFAULT 0,
    job_id           text,
    rendered_by      text,
    started_at       timestamptz,
    finished_at      timestamptz,
    pdf_path         text,
    pdf_sha256       text,
    pages            integer,
    error            text,
    UNIQUE (authority_code, kind, period)
);
