-- review.md: per authority and kind, whether a request issues the report or makes a draft that only an approval issues.
CREATE TABLE reportengine.review_modes (
    authority  text NOT NULL,
    kind       text NOT NULL,
    mode       text NOT NULL CHECK (mode IN ('none', 'required')),
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (authority, kind)
);

-- A draft keeps the frozen evidence snapshot it was made from; each change of commentary is a version rendered again from it.
CREATE TABLE reportengine.drafts (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    authority           text NOT NULL,
    kind                text NOT NULL,
    period              text NOT NULL,
    statement           text NOT NULL DEFAULT '',
    state               text NOT NULL CHECK (state IN ('open', 'returned', 'approved', 'discarded', 'stale')),
    version             int NOT NULL DEFAULT 1,
    snapshot            bytea NOT NULL,
    regeneration_reason text,
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_commentary_by  text,
    state_reason        text,
    archive_id          text,
    reminded_at         timestamptz
);
-- At most one draft of a report is being worked on (open, returned or stale) at a time.
CREATE UNIQUE INDEX drafts_one_current ON reportengine.drafts (authority, kind, period, statement) WHERE state IN ('open', 'returned', 'stale');

CREATE TABLE reportengine.draft_versions (
    draft_id   bigint NOT NULL REFERENCES reportengine.drafts (id),
    version    int NOT NULL,
    made_at    timestamptz NOT NULL,
    made_by    text NOT NULL,
    what       text NOT NULL,
    commentary jsonb NOT NULL,
    pdf        bytea NOT NULL,
    metrics    bytea NOT NULL,
    PRIMARY KEY (draft_id, version)
);

-- The archive record of an approved draft names the draft and its approver (the commentary is one of its files).
ALTER TABLE reportengine.archive_records ADD COLUMN draft_id text, ADD COLUMN approved_by text;

-- A request for a reviewed report ends as a draft.
ALTER TABLE reportengine.report_requests DROP CONSTRAINT report_requests_status_check;
ALTER TABLE reportengine.report_requests ADD CONSTRAINT report_requests_status_check CHECK (status IN ('queued', 'rendering', 'archiving', 'done', 'failed', 'draft'));
ALTER TABLE reportengine.report_requests ADD COLUMN draft_id bigint REFERENCES reportengine.drafts (id);
