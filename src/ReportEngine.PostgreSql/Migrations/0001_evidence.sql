-- The evidence of the data contract (version 1), for many authorities in one database.
-- Codes are stored as the dataset writes them; seq keeps each file's row order.

CREATE TABLE reportengine.authorities (
    code              text PRIMARY KEY,
    name              text NOT NULL,
    council_type      text NOT NULL,
    population        integer NOT NULL CHECK (population > 0),
    dataset_sha256    text NOT NULL,
    rows_per_file     jsonb NOT NULL,
    has_bank_holidays boolean NOT NULL,
    imported_at       timestamptz NOT NULL
);

CREATE TABLE reportengine.qs_scores (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    assessment_id  text NOT NULL,
    kind           text NOT NULL,
    assessed_on    date NOT NULL,
    qs_code        text NOT NULL,
    score          integer NOT NULL CHECK (score BETWEEN 1 AND 4),
    rationale      text,
    PRIMARY KEY (authority_code, assessment_id, qs_code),
    UNIQUE (authority_code, kind, qs_code, assessed_on)
);

CREATE TABLE reportengine.findings (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    id             text NOT NULL,
    qs_code        text NOT NULL,
    category       text NOT NULL,
    kind           text NOT NULL,
    title          text NOT NULL,
    summary        text,
    source         text,
    evidence_date  date NOT NULL,
    PRIMARY KEY (authority_code, id)
);

CREATE TABLE reportengine.complaints (
    authority_code    text NOT NULL REFERENCES reportengine.authorities (code),
    seq               integer NOT NULL,
    ref               text NOT NULL,
    received_date     date NOT NULL,
    acknowledged_date date,
    due_date          date NOT NULL,
    responded_date    date,
    outcome           text,
    service_area      text NOT NULL,
    themes            text[] NOT NULL,
    qa_reviewed       boolean NOT NULL,
    PRIMARY KEY (authority_code, ref)
);

CREATE TABLE reportengine.lgsco_cases (
    authority_code              text NOT NULL REFERENCES reportengine.authorities (code),
    seq                         integer NOT NULL,
    lgsco_ref                   text NOT NULL,
    complaint_ref               text,
    business_year               text NOT NULL,
    decision_date               date NOT NULL,
    decision                    text NOT NULL,
    satisfactory_council_remedy boolean NOT NULL,
    enquiry_due                 date,
    enquiry_sent                date,
    PRIMARY KEY (authority_code, lgsco_ref)
);

CREATE TABLE reportengine.lgsco_benchmarks (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    business_year  text NOT NULL,
    measure        text NOT NULL,
    similar_avg    numeric NOT NULL,
    PRIMARY KEY (authority_code, business_year, measure)
);

CREATE TABLE reportengine.staff (
    authority_code           text NOT NULL REFERENCES reportengine.authorities (code),
    seq                      integer NOT NULL,
    staff_id                 text NOT NULL,
    team                     text NOT NULL,
    service_area             text NOT NULL,
    job_role                 text NOT NULL,
    employment_type          text NOT NULL,
    fte                      numeric NOT NULL,
    start_date               date NOT NULL,
    end_date                 date,
    registered_social_worker boolean NOT NULL,
    PRIMARY KEY (authority_code, staff_id)
);

CREATE TABLE reportengine.courses (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    code           text NOT NULL,
    title          text NOT NULL,
    category       text NOT NULL,
    renewal_months integer,
    PRIMARY KEY (authority_code, code)
);

CREATE TABLE reportengine.course_requirements (
    authority_code      text NOT NULL REFERENCES reportengine.authorities (code),
    seq                 integer NOT NULL,
    course_code         text NOT NULL,
    job_role            text NOT NULL,
    due_days_from_start integer NOT NULL,
    PRIMARY KEY (authority_code, course_code, job_role)
);

CREATE TABLE reportengine.training (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    staff_id       text NOT NULL,
    course_code    text NOT NULL,
    completed_date date NOT NULL,
    expiry_date    date,
    hours          numeric,
    PRIMARY KEY (authority_code, seq)
);

CREATE TABLE reportengine.supervision (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    staff_id       text NOT NULL,
    held_date      date NOT NULL,
    duration_min   integer NOT NULL,
    kind           text NOT NULL,
    cancelled      boolean NOT NULL,
    PRIMARY KEY (authority_code, seq)
);

CREATE TABLE reportengine.actions (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    id             text NOT NULL,
    qs_code        text,
    title          text NOT NULL,
    owner          text NOT NULL,
    created_on     date NOT NULL,
    due_date       date NOT NULL,
    completed_date date,
    rag            text NOT NULL,
    PRIMARY KEY (authority_code, id)
);

CREATE TABLE reportengine.bank_holidays (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    date           date NOT NULL,
    PRIMARY KEY (authority_code, seq)
);
