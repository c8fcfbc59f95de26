-- SME declarations (issue 6, item 3): an enterprise's figures for its last closed accounts, its
-- partner and linked enterprises, the result of the SME test of Recommendation 2003/361/EC
-- (tandem-rules/src/sme) with its reasoning, and who signed the declaration when. Declarations
-- are never changed: new figures make a new declaration, tested against the previous one
-- (Art. 4(2)). Every declaration is also written to audit_log (0007).
-- Keep in lock-step with migrations/sqlite/0009_sme_declarations.sql (tests compare the schemas).

CREATE TABLE sme_declarations (
    id UUID PRIMARY KEY NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations (id),
    period_end DATE NOT NULL,
    -- the test's input (accounts in euro cents, related enterprises, previous result) as JSON
    input TEXT NOT NULL,
    -- micro, small, medium, large
    category TEXT NOT NULL,
    -- the test's result with its reasoning, as JSON
    assessment TEXT NOT NULL,
    -- the currency the accounts were kept in, and the euro rate used (euro-millionths per unit)
    accounts_currency TEXT NOT NULL,
    euro_rate BIGINT,
    declared_by TEXT NOT NULL,
    declarant_role TEXT NOT NULL,
    declared_on DATE NOT NULL,
    recorded_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sme_declarations_org ON sme_declarations (org_id, period_end, created_at);
