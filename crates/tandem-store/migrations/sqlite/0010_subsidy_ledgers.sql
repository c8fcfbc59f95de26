-- Subsidy ledgers (issue 6, item 4; DOMAIN.md "Funder evidence"): aid that enterprises received
-- from other grantors, as they declared it, and the control links that make enterprises one
-- recipient ("single undertaking", Reg. (EU) 2023/2831 Art. 2(2); "enterprise", Subsidy Control
-- Act 2022 ss.7-8). With the support records' aid values they feed the EU de minimis and UK
-- Minimal Financial Assistance ledgers (tandem-rules/src/subsidy). Rows are never deleted: a
-- mistaken declaration is withdrawn, an ended link removed. Every change is also written to
-- audit_log (0007).
-- Keep in lock-step with migrations/postgres/0010_subsidy_ledgers.sql (tests compare the schemas).

CREATE TABLE aid_declarations (
    id BLOB PRIMARY KEY NOT NULL,
    -- the enterprise that received the aid
    enterprise_id BLOB NOT NULL REFERENCES organisations (id),
    grantor TEXT NOT NULL,
    description TEXT,
    -- the day the right to the aid was conferred (de minimis Art. 3(4)) or it was given (s.36(7))
    granted_on TEXT NOT NULL,
    -- gross aid value in minor units of `currency` (ISO 4217)
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    -- millionths of the ledger currency per unit of `currency`, when they differ, and where the
    -- rate comes from (source and date)
    rate_millionths BIGINT,
    rate_source TEXT,
    declared_on TEXT NOT NULL,
    created_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL,
    -- withdrawn declarations stay (evidence is never deleted) but count nowhere
    withdrawn_at TEXT,
    withdrawn_reason TEXT
);
CREATE INDEX aid_declarations_enterprise ON aid_declarations (enterprise_id, granted_on);

CREATE TABLE control_links (
    id BLOB PRIMARY KEY NOT NULL,
    controller_id BLOB NOT NULL REFERENCES organisations (id),
    controlled_id BLOB NOT NULL REFERENCES organisations (id),
    -- majority_of_voting_rights, appoints_majority_of_board, dominant_influence_by_contract_or_articles,
    -- majority_of_voting_rights_by_agreement, material_influence (tandem_rules ControlRelation)
    relation TEXT NOT NULL,
    created_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    -- removed links stay for the record but join nothing
    removed_at TEXT
);
CREATE INDEX control_links_controller ON control_links (controller_id);
CREATE INDEX control_links_controlled ON control_links (controlled_id);

-- A support record in another currency than its recipient's ledger: millionths of the ledger
-- currency per unit of the record's currency (the project's).
ALTER TABLE support_records ADD COLUMN aid_rate_millionths BIGINT;
