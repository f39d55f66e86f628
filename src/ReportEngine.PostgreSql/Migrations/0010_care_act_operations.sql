-- operations.md's six optional files. The authority records which of them its dataset had, since an absent file and
-- an empty one give different figures (absent: the keys are left out).
ALTER TABLE reportengine.authorities ADD COLUMN operations_files text[] NOT NULL DEFAULT '{}';

CREATE TABLE reportengine.waits (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    id             text NOT NULL,
    person_id      text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('CARE_ACT_ASSESSMENT', 'CARER_ASSESSMENT', 'OT_ASSESSMENT', 'FINANCIAL_ASSESSMENT', 'REVIEW')),
    requested_on   date NOT NULL,
    started_on     date CHECK (started_on >= requested_on),
    closed_on      date CHECK (closed_on >= COALESCE(started_on, requested_on)),
    close_reason   text CHECK (close_reason IN ('COMPLETED', 'DIED', 'MOVED_AWAY', 'WITHDRAWN', 'NO_LONGER_NEEDED')),
    CHECK ((closed_on IS NULL) = (close_reason IS NULL)),
    PRIMARY KEY (authority_code, seq),
    UNIQUE (authority_code, id)
);

CREATE TABLE reportengine.long_term_support (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    person_id      text NOT NULL,
    setting        text NOT NULL CHECK (setting IN ('COMMUNITY', 'RESIDENTIAL', 'NURSING')),
    start_date     date NOT NULL,
    end_date       date CHECK (end_date >= start_date),
    PRIMARY KEY (authority_code, seq)
);

CREATE TABLE reportengine.reviews (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    person_id      text NOT NULL,
    completed_on   date NOT NULL,
    planned        boolean NOT NULL,
    PRIMARY KEY (authority_code, seq)
);

CREATE TABLE reportengine.safeguarding_concerns (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    id             text NOT NULL,
    person_id      text NOT NULL,
    received_on    date NOT NULL,
    decided_on     date CHECK (decided_on >= received_on),
    decision       text CHECK (decision IN ('S42_ENQUIRY', 'OTHER_ENQUIRY', 'NO_ENQUIRY')),
    CHECK ((decided_on IS NULL) = (decision IS NULL)),
    PRIMARY KEY (authority_code, seq),
    UNIQUE (authority_code, id)
);

CREATE TABLE reportengine.safeguarding_enquiries (
    authority_code    text NOT NULL REFERENCES reportengine.authorities (code),
    seq               integer NOT NULL,
    id                text NOT NULL,
    concern_id        text NOT NULL,
    started_on        date NOT NULL,
    concluded_on      date CHECK (concluded_on >= started_on),
    outcomes_asked    text CHECK (outcomes_asked IN ('ASKED_EXPRESSED', 'ASKED_NOT_EXPRESSED', 'NOT_ASKED', 'NOT_RECORDED')),
    outcomes_achieved text CHECK (outcomes_achieved IN ('FULLY', 'PARTIALLY', 'NOT_ACHIEVED')),
    risk              text CHECK (risk IN ('IDENTIFIED', 'INCONCLUSIVE', 'NONE', 'CEASED_AT_REQUEST')),
    action_taken      boolean,
    risk_outcome      text CHECK (risk_outcome IN ('REMOVED', 'REDUCED', 'REMAINS')),
    CHECK ((concluded_on IS NULL) = (outcomes_asked IS NULL) AND (concluded_on IS NULL) = (risk IS NULL) AND (concluded_on IS NULL) = (action_taken IS NULL)),
    PRIMARY KEY (authority_code, seq),
    UNIQUE (authority_code, id)
);

CREATE TABLE reportengine.dols_applications (
    authority_code text NOT NULL REFERENCES reportengine.authorities (code),
    seq            integer NOT NULL,
    id             text NOT NULL,
    person_id      text NOT NULL,
    received_on    date NOT NULL,
    urgent         boolean NOT NULL,
    signed_off_on  date CHECK (signed_off_on >= received_on),
    outcome        text CHECK (outcome IN ('GRANTED', 'NOT_GRANTED', 'CLOSED_CHANGE', 'CLOSED_DIED', 'CLOSED_WITHDRAWN')),
    CHECK ((signed_off_on IS NULL) = (outcome IS NULL)),
    PRIMARY KEY (authority_code, seq),
    UNIQUE (authority_code, id)
);
