-- What supported enterprises achieved, per funded project (issue 6, item 5; DOMAIN.md "Funder
-- evidence"): the facts the result indicators count beyond support — business starts (ERDF C5,
-- EU RCO05), employment baselines and later figures (C8, RCR01), innovations (C28, C29, RCR03),
-- cooperation with research entities (C26) and private investment (RCR02) — with their evidence
-- files. Rows are never deleted: a mistaken outcome is withdrawn and counts nowhere. Every change
-- is also written to audit_log (0007).
-- Keep in lock-step with migrations/sqlite/0011_enterprise_outcomes.sql (tests compare the schemas).

CREATE TABLE enterprise_outcomes (
    id UUID PRIMARY KEY NOT NULL,
    project_id UUID NOT NULL REFERENCES funded_projects (id),
    enterprise_id UUID NOT NULL REFERENCES organisations (id),
    -- business_start, employment_baseline, employment_figure, innovation, research_cooperation,
    -- private_investment
    kind TEXT NOT NULL,
    -- the day of the start, baseline or figure, the innovation's introduction, the cooperation's
    -- start or the investment
    occurred_on DATE NOT NULL,
    -- business_start: registration (Companies House, HMRC, national register) or other_trading_record
    start_evidence TEXT,
    -- employment_baseline, employment_figure: full-time equivalents in hundredths
    fte INTEGER,
    -- employment_figure: the enterprise confirmed it in writing
    confirmed_in_writing BOOLEAN,
    -- innovation: new_to_market or new_to_firm; product or process
    novelty TEXT,
    innovation_kind TEXT,
    -- research_cooperation: the university department or research organisation
    research_entity_id UUID REFERENCES organisations (id),
    -- private_investment: minor units of the project's currency, and the support it matches
    -- (grant or financial_instrument)
    amount BIGINT,
    matches TEXT,
    note TEXT,
    created_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL,
    -- withdrawn outcomes stay (evidence is never deleted) but count nowhere
    withdrawn_at TIMESTAMPTZ,
    withdrawn_reason TEXT,
    CHECK (kind IN ('business_start', 'employment_baseline', 'employment_figure', 'innovation', 'research_cooperation',
                    'private_investment')),
    -- each kind carries its own fields and no others
    CHECK ((kind = 'business_start') = (start_evidence IS NOT NULL)),
    CHECK (start_evidence IS NULL OR start_evidence IN ('registration', 'other_trading_record')),
    CHECK ((kind IN ('employment_baseline', 'employment_figure')) = (fte IS NOT NULL)),
    CHECK (fte IS NULL OR fte >= 0),
    CHECK ((kind = 'employment_figure') = (confirmed_in_writing IS NOT NULL)),
    CHECK ((kind = 'innovation') = (novelty IS NOT NULL)),
    CHECK ((kind = 'innovation') = (innovation_kind IS NOT NULL)),
    CHECK (novelty IS NULL OR novelty IN ('new_to_market', 'new_to_firm')),
    CHECK (innovation_kind IS NULL OR innovation_kind IN ('product', 'process')),
    CHECK ((kind = 'research_cooperation') = (research_entity_id IS NOT NULL)),
    CHECK (research_entity_id IS NULL OR research_entity_id <> enterprise_id),
    CHECK ((kind = 'private_investment') = (amount IS NOT NULL)),
    CHECK (amount IS NULL OR amount > 0),
    CHECK ((kind = 'private_investment') = (matches IS NOT NULL)),
    CHECK (matches IS NULL OR matches IN ('grant', 'financial_instrument')),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL)),
    CHECK (version >= 1)
);
CREATE INDEX enterprise_outcomes_project ON enterprise_outcomes (project_id, occurred_on);
CREATE INDEX enterprise_outcomes_enterprise ON enterprise_outcomes (enterprise_id, occurred_on);
-- At most one active business start and one active employment baseline per enterprise and project
-- (C8 measures the increase from *the* baseline set before support).
CREATE UNIQUE INDEX enterprise_outcomes_one_per_enterprise ON enterprise_outcomes (project_id, enterprise_id, kind)
    WHERE kind IN ('business_start', 'employment_baseline') AND withdrawn_at IS NULL;

CREATE TABLE outcome_evidence (
    id UUID PRIMARY KEY NOT NULL,
    outcome_id UUID NOT NULL REFERENCES enterprise_outcomes (id),
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    uploaded_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX outcome_evidence_outcome ON outcome_evidence (outcome_id);
