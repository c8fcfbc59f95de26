-- Partnering marketplace: profiles and their lifecycle log, tags for facets, expressions of
-- interest, partnership agreements with evidence files, saved searches with alerts.
-- Keep in lock-step with migrations/sqlite/0002_partnering.sql (tests compare the schemas).

-- Bulk exchange upserts organisations by the sender's own reference.
ALTER TABLE organisations ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX organisations_external_id ON organisations (external_id);

CREATE TABLE profiles (
    id UUID PRIMARY KEY NOT NULL,
    external_id TEXT UNIQUE,
    owner_org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    support_org_id UUID REFERENCES organisations (id) ON DELETE SET NULL,
    profile_type TEXT NOT NULL,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT,
    description TEXT,
    partner_role TEXT,
    advantages TEXT,
    technical_specification TEXT,
    stage_of_development TEXT,
    ipr_status TEXT,
    sdgs TEXT NOT NULL,
    call_programme TEXT,
    call_identifier TEXT,
    call_eoi_deadline DATE,
    call_deadline DATE,
    call_budget TEXT,
    call_coordinator_required BOOLEAN NOT NULL,
    call_duration_months INTEGER,
    state TEXT NOT NULL,
    published_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ,
    extended BOOLEAN NOT NULL,
    expiry_notice_sent BOOLEAN NOT NULL,
    review_comments TEXT,
    search_text TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX profiles_state_published ON profiles (state, published_at);
CREATE INDEX profiles_owner ON profiles (owner_org_id);
CREATE INDEX profiles_support ON profiles (support_org_id, state);

-- Every multi-valued choice of a profile, one row each, so facets are counted with one query.
-- kind: market, technology, nace, partnership, partner_sought, country.
CREATE TABLE profile_tags (
    profile_id UUID NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (profile_id, kind, code)
);
CREATE INDEX profile_tags_code ON profile_tags (kind, code, profile_id);

CREATE TABLE profile_events (
    id UUID PRIMARY KEY NOT NULL,
    profile_id UUID NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    state TEXT NOT NULL,
    actor_id UUID REFERENCES users (id) ON DELETE SET NULL,
    comment TEXT,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX profile_events_profile ON profile_events (profile_id, at);

CREATE TABLE interests (
    id UUID PRIMARY KEY NOT NULL,
    profile_id UUID NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    from_org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    cooperation_sought TEXT NOT NULL,
    missing_information TEXT,
    who_we_are TEXT NOT NULL,
    state TEXT NOT NULL,
    decline_reason TEXT,
    created_by UUID REFERENCES users (id) ON DELETE SET NULL,
    decided_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    decided_at TIMESTAMPTZ
);
CREATE INDEX interests_profile ON interests (profile_id, created_at);
CREATE INDEX interests_from ON interests (from_org_id, created_at);

CREATE TABLE agreements (
    id UUID PRIMARY KEY NOT NULL,
    profile_id UUID NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    interest_id UUID REFERENCES interests (id) ON DELETE SET NULL,
    owner_org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    partner_org_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    agreement_type TEXT NOT NULL,
    category TEXT NOT NULL,
    signed_on DATE NOT NULL,
    summary TEXT,
    state TEXT NOT NULL,
    recorded_by UUID REFERENCES users (id) ON DELETE SET NULL,
    confirmed_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    confirmed_at TIMESTAMPTZ
);
CREATE INDEX agreements_profile ON agreements (profile_id);
CREATE INDEX agreements_state ON agreements (state, signed_on);

-- Evidence lives in the database so that every app server can serve it without shared disks.
CREATE TABLE evidence_files (
    id UUID PRIMARY KEY NOT NULL,
    agreement_id UUID NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    uploaded_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX evidence_files_agreement ON evidence_files (agreement_id);

CREATE TABLE saved_searches (
    id UUID PRIMARY KEY NOT NULL,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    frequency TEXT NOT NULL,
    unsubscribe_token TEXT NOT NULL UNIQUE,
    last_sent_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX saved_searches_user ON saved_searches (user_id);
CREATE INDEX saved_searches_due ON saved_searches (frequency, last_sent_at);
