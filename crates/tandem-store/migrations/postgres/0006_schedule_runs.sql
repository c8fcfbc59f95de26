-- The seed and time limit of each auto-scheduler run (issue 5, item 3), so the organiser can see
-- how a schedule was made and repeat a run exactly (the scheduler is deterministic for a seed).
-- Keep in lock-step with migrations/sqlite/0006_schedule_runs.sql (tests compare the schemas).

ALTER TABLE event_schedule_runs ADD COLUMN seed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE event_schedule_runs ADD COLUMN time_limit_ms INTEGER NOT NULL DEFAULT 0;
