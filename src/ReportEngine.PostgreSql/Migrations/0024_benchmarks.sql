-- Issue 23 (benchmarks.md): benchmarks.csv, optional; whether a dataset supplied it is in authorities.optional_files.
CREATE TABLE reportengine.benchmarks (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    metric         text NOT NULL,
    area           text NOT NULL CHECK (area IN ('ENGLAND', 'REGION', 'COMPARATORS')),
    area_name      text NOT NULL,
    period         text NOT NULL,
    value          numeric NOT NULL,
    lower_quartile numeric,
    median         numeric,
    upper_quartile numeric,
    source         text NOT NULL,
    published_on   date NOT NULL,
    PRIMARY KEY (authority_code, seq),
    UNIQUE (authority_code, metric, area, period)
);
