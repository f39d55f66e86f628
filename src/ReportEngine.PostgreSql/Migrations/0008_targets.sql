-- targets.csv (metrics.md version 2): optional, so the authority records whether its dataset had the file.
ALTER TABLE reportengine.authorities ADD COLUMN has_targets boolean NOT NULL DEFAULT false;
CREATE TABLE reportengine.targets (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    metric         text NOT NULL,
    target         numeric NOT NULL,
    better         text NOT NULL CHECK (better IN ('HIGHER', 'LOWER')),
    amber_within   numeric NOT NULL CHECK (amber_within >= 0),
    PRIMARY KEY (authority_code, seq),
    UNIQUE (authority_code, metric)
);
