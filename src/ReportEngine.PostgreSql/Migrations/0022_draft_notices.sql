-- review.md: the messages about drafts (ready for sign-off, a reminder, returned), each sent once to each person.
CREATE TABLE reportengine.draft_notices (
    draft_id bigint NOT NULL REFERENCES reportengine.drafts (id),
    notice   text NOT NULL CHECK (notice IN ('ready', 'reminder', 'returned')),
    version  int NOT NULL,
    email    text NOT NULL,
    state    text NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    reply    text,
    sent_at  timestamptz
);
CREATE UNIQUE INDEX draft_notices_once ON reportengine.draft_notices (draft_id, notice, version, lower(email));
