-- Foundation: directory, accounts, tokens, login throttling, email outbox.
-- Keep in lock-step with migrations/postgres/0001_foundation.sql (tests compare the schemas).

CREATE TABLE cities (
    id BLOB PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    country TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    languages TEXT NOT NULL
);

INSERT INTO cities (id, name, country, time_zone, languages) VALUES
    (X'0190b5a0000070008000000000000001', 'Birmingham', 'GB', 'Europe/London', 'en'),
    (X'0190b5a0000070008000000000000002', 'Leipzig', 'DE', 'Europe/Berlin', 'de');

CREATE TABLE organisations (
    id BLOB PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    city_id BLOB NOT NULL REFERENCES cities (id),
    description_en TEXT,
    description_de TEXT,
    website TEXT,
    staff_headcount BIGINT,
    turnover BIGINT,
    balance_sheet BIGINT,
    currency TEXT,
    figures_year INTEGER,
    pic TEXT UNIQUE,
    companies_house TEXT UNIQUE,
    handelsregister TEXT,
    sort_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX organisations_sort_name ON organisations (sort_name);
CREATE INDEX organisations_city ON organisations (city_id);

CREATE TABLE organisation_nace (
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    -- The NACE section letter (A–U) of the code, for the directory's sector facet.
    section TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (org_id, code)
);
CREATE INDEX organisation_nace_section ON organisation_nace (section, org_id);

CREATE TABLE people (
    id BLOB PRIMARY KEY NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    job_title TEXT,
    email TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX people_org ON people (org_id);

CREATE TABLE programmes (
    id BLOB PRIMARY KEY NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    description_en TEXT,
    description_de TEXT,
    eligibility TEXT,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX programmes_org ON programmes (org_id);

CREATE TABLE programme_sectors (
    programme_id BLOB NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (programme_id, code)
);

CREATE TABLE users (
    id BLOB PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    email_verified BOOLEAN NOT NULL,
    locale TEXT NOT NULL,
    is_platform_admin BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org ON memberships (org_id);

-- One-time links (email verification, password reset); only a SHA-256 of the secret is kept.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE api_tokens (
    id BLOB PRIMARY KEY NOT NULL,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Failed logins per address, shared by every app server (an in-memory limiter would not be).
CREATE TABLE login_failures (
    email TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    window_started_at TEXT NOT NULL
);

CREATE TABLE outbox (
    id BLOB PRIMARY KEY NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    claimed_until TEXT,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (sent_at, next_attempt_at);
