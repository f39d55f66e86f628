-- Delivery by email (delivery.md): each authority's recipients per report kind, and one record per (archive entry,
-- recipient) so that a report reaches each recipient at most once across retries, restarts and workers.
CREATE TABLE reportengine.delivery_recipients (
    authority  text NOT NULL,
    kind       text NOT NULL,
    email      text NOT NULL,
    name       text,
    attach     boolean NOT NULL DEFAULT false,
    added_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX delivery_recipients_key ON reportengine.delivery_recipients (authority, kind, lower(email));

CREATE TABLE reportengine.deliveries (
    archive_id  text NOT NULL,
    email       text NOT NULL,
    name        text,
    attach      boolean NOT NULL,
    state       text NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    attempts    integer NOT NULL DEFAULT 0,
    last_reply  text,
    message_id  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);
CREATE UNIQUE INDEX deliveries_key ON reportengine.deliveries (archive_id, lower(email));
