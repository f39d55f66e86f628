-- The dashboard (web.md): accounts with roles and per-authority grants, API tokens stored hashed, requests made on
-- demand with their progress, and an append-only audit log.
CREATE TABLE reportengine.accounts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text NOT NULL,
    name            text NOT NULL,
    role            text NOT NULL CHECK (role IN ('Viewer', 'Requester', 'Admin')),
    password_hash   text,
    disabled        boolean NOT NULL DEFAULT false,
    failed_sign_ins integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
-- Emails are matched without regard to case: an Entra ID sign-in gives the address as the directory spells it.
CREATE UNIQUE INDEX accounts_by_email ON reportengine.accounts (lower(email));

-- '*' grants every authority.
CREATE TABLE reportengine.account_grants (
    account_id bigint NOT NULL REFERENCES reportengine.accounts (id),
    authority  text NOT NULL,
    PRIMARY KEY (account_id, authority)
);

CREATE TABLE reportengine.api_tokens (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES reportengine.accounts (id),
    name        text NOT NULL,
    sha256      text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
-- One live token of a name per account, so that revoking by name is never ambiguous.
CREATE UNIQUE INDEX api_tokens_live_name ON reportengine.api_tokens (account_id, name) WHERE revoked_at IS NULL;

CREATE TABLE reportengine.report_requests (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    authority     text NOT NULL,
    kind          text NOT NULL,
    period        text NOT NULL,
    statement     text,
    regenerate    boolean NOT NULL DEFAULT false,
    reason        text,
    account_id    bigint NOT NULL REFERENCES reportengine.accounts (id),
    status        text NOT NULL CHECK (status IN ('queued', 'rendering', 'archiving', 'done', 'failed')),
    progress      integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    stage         text,
    archive_id    text,
    error         text,
    job_id        text,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz
);
CREATE INDEX report_requests_in_flight ON reportengine.report_requests (account_id) WHERE status IN ('queued', 'rendering', 'archiving');

CREATE TABLE reportengine.audit_events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text NOT NULL,
    action     text NOT NULL,
    authority  text,
    report     text,
    address    text,
    outcome    text NOT NULL,
    detail     text
);
CREATE INDEX audit_events_by_time ON reportengine.audit_events (at);

-- Append-only, enforced by the database rather than by the application's good behaviour.
CREATE FUNCTION reportengine.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON reportengine.audit_events
    FOR EACH ROW EXECUTE FUNCTION reportengine.audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON reportengine.audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION reportengine.audit_events_append_only();
