-- Funded projects and the support they deliver (issue 6, items 1 and 2; DOMAIN.md "Funder
-- evidence"): who funds a project under which indicator rulebook (its version fixed at the
-- funding-agreement date), where and to whom it may give support, its targets, and every piece
-- of support given to an enterprise with its hours, written output and evidence files.
-- Every change to these rows is also written to audit_log (0007).
-- Keep in lock-step with migrations/sqlite/0008_support.sql (tests compare the schemas).

CREATE TABLE funded_projects (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    lead_org_id UUID NOT NULL REFERENCES organisations (id),
    -- erdf_england_2014_20, erdf_2021_27, interreg_2021_27, uk_spf, other
    funder TEXT NOT NULL,
    scheme TEXT,
    -- the indicator rulebook and the version in force when the funding agreement was signed
    rulebook TEXT NOT NULL,
    rulebook_version TEXT NOT NULL,
    agreement_signed_on DATE NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    -- GBP or EUR: the currency of its day rate and of its claims
    currency TEXT NOT NULL,
    -- hundredths of an hour (1200 = 12 h): the least support that counts an enterprise
    hours_threshold INTEGER NOT NULL,
    -- market value of a day of advice, in minor units, for subsidy ledgers
    day_rate BIGINT,
    -- hundredths of an hour in a working day (750 = 7.5 h)
    hours_per_day INTEGER NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Organisations that deliver the project's support besides the lead.
CREATE TABLE project_partners (
    project_id UUID NOT NULL REFERENCES funded_projects (id) ON DELETE CASCADE,
    org_id UUID NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (project_id, org_id)
);

-- The eligible area, as cities of the partnership.
CREATE TABLE project_cities (
    project_id UUID NOT NULL REFERENCES funded_projects (id) ON DELETE CASCADE,
    city_id UUID NOT NULL REFERENCES cities (id),
    PRIMARY KEY (project_id, city_id)
);

-- NACE codes (class, group or division) of sectors the project may not support.
CREATE TABLE project_excluded_nace (
    project_id UUID NOT NULL REFERENCES funded_projects (id) ON DELETE CASCADE,
    nace_code TEXT NOT NULL,
    PRIMARY KEY (project_id, nace_code)
);

-- The target per indicator (a count, FTE hundredths or minor units, as the indicator's unit).
CREATE TABLE project_targets (
    project_id UUID NOT NULL REFERENCES funded_projects (id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    target BIGINT NOT NULL,
    PRIMARY KEY (project_id, indicator)
);

CREATE TABLE support_records (
    id UUID PRIMARY KEY NOT NULL,
    project_id UUID NOT NULL REFERENCES funded_projects (id),
    enterprise_id UUID NOT NULL REFERENCES organisations (id),
    support_org_id UUID NOT NULL REFERENCES organisations (id),
    adviser_user_id UUID REFERENCES users (id) ON DELETE SET NULL,
    adviser_name TEXT NOT NULL,
    delivered_on DATE NOT NULL,
    -- hundredths of an hour
    hours INTEGER NOT NULL,
    -- diagnostic, one_to_one_advice, workshop, grant, loan, mentoring, event_participation
    activity TEXT NOT NULL,
    -- the specific written output given to the enterprise (action plan, report …)
    written_output TEXT,
    grant_amount BIGINT,
    loan_amount BIGINT,
    -- the aid value for the subsidy ledgers, in the project's currency (minor units)
    aid_value BIGINT NOT NULL,
    currency TEXT NOT NULL,
    created_by UUID REFERENCES users (id) ON DELETE SET NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- withdrawn records stay (evidence is never deleted) but count nowhere
    withdrawn_at TIMESTAMPTZ,
    withdrawn_reason TEXT
);
CREATE INDEX support_records_enterprise ON support_records (enterprise_id, delivered_on);
CREATE INDEX support_records_project ON support_records (project_id, delivered_on);

CREATE TABLE support_evidence (
    id UUID PRIMARY KEY NOT NULL,
    record_id UUID NOT NULL REFERENCES support_records (id),
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    uploaded_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX support_evidence_record ON support_evidence (record_id);
