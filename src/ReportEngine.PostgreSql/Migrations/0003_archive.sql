-- The inspection-readiness archive's index: an append-only hash chain of entries (archived packs) and tombstones
-- (the record that an entry was pruned). Each row's hash covers its fields, its files' hashes and the previous hash.
CREATE TABLE reportengine.archive_records (
    seq                bigint PRIMARY KEY,
    id                 text NOT NULL UNIQUE,
    type               text NOT NULL CHECK (type IN ('Entry', 'Tombstone')),
    created_at         timestamptz NOT NULL,
    authority_code     text,
    kind               text,
    period             text,
    requested_by       text,
    template_version   text,
    engine_version     text,
    generated_at       timestamptz,
    protective_marking text,
    run_id             text,
    files              jsonb NOT NULL,
    pruned_id          text,
    pruned_seq         bigint,
    pruned_hash        text,
    reason             text,
    previous_hash      text NOT NULL,
    hash               text NOT NULL
);
CREATE INDEX archive_records_by_pack ON reportengine.archive_records (authority_code, kind, period);

-- The chain's head, moved in the same transaction as every append: deleting the newest row cannot go unnoticed.
CREATE TABLE reportengine.archive_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    seq       bigint NOT NULL,
    hash      text NOT NULL
);

-- Legal holds block pruning; they are not part of the chain (placing and lifting one changes no archived record).
CREATE TABLE reportengine.archive_holds (
    entry_id  text PRIMARY KEY,
    reason    text NOT NULL,
    placed_at timestamptz NOT NULL DEFAULT now()
);
