-- coverage.csv (coverage.md): what each event file of an authority's dataset holds completely. Optional: the authority's
-- optional_files says whether its dataset had the file.
CREATE TABLE reportengine.coverage (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    file           text NOT NULL,
    covers_from    date,
    covers_to      date,
    PRIMARY KEY (authority_code, seq)
);
