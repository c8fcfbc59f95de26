-- Two facts the indicators and the project dashboard need (issue 6, items 5 and 6):
--
-- Pre-start clients: the people a project helps towards starting a business, recorded in the
-- directory as the business they intend to start. ERDF England counts them only under P11
-- ("potential entrepreneurs assisted to be enterprise ready", ESIF-GN-1-002), never as
-- enterprises; a programme manager marks them per project. Unmarking deletes the row (the
-- audit log keeps who marked and unmarked it, and when).
--
-- The directory programme a support record was delivered under (an accelerator cohort, a
-- mentoring scheme …), so that the dashboard can show support by programme.
-- Keep in lock-step with migrations/postgres/0012_pre_starts_and_programmes.sql (tests compare the schemas).

CREATE TABLE project_pre_starts (
    project_id BLOB NOT NULL REFERENCES funded_projects (id) ON DELETE CASCADE,
    org_id BLOB NOT NULL REFERENCES organisations (id),
    marked_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (project_id, org_id)
);

ALTER TABLE support_records ADD COLUMN programme_id BLOB REFERENCES programmes (id);
