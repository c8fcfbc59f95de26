-- Matching: the change log every app server follows to keep its in-memory matching engine
-- current, and the users' thumbs up/down on recommendations.
-- Keep in lock-step with migrations/postgres/0004_matching.sql (tests compare the schemas).

-- One row per write that matters to matching, appended in the writing transaction. Servers read
-- the rows after the last id they applied (the primary key makes that one index range scan).
-- entity_kind: profile, organisation, programme, agreement, introduction, research;
-- entity_id: the record's id as text ('' for a whole research import).
-- INTEGER PRIMARY KEY AUTOINCREMENT: ids only grow, even after old rows are pruned.
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX change_log_created ON change_log (created_at);

-- One vote per user, page (subject) and recommended thing (target), kept for evaluation.
-- subject_kind: profile, organisation, programme; target_kind: profile, organisation, external
-- (target_key: the id as text, or the PIC of an organisation known only from research).
CREATE TABLE match_feedback (
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subject_kind TEXT NOT NULL,
    subject_id BLOB NOT NULL,
    target_kind TEXT NOT NULL,
    target_key TEXT NOT NULL,
    up BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (user_id, subject_kind, subject_id, target_kind, target_key)
);
CREATE INDEX match_feedback_subject ON match_feedback (subject_kind, subject_id);
