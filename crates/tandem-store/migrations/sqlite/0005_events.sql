-- Brokerage events (DOMAIN.md, "Brokerage events"): the event and its organisers, the agenda of
-- sessions with speakers, matchmaking slots, registration with custom questions, availability,
-- meeting requests and the meetings they become, schedule runs, ratings and follow-up surveys.
-- Keep in lock-step with migrations/postgres/0005_events.sql (tests compare the schemas).

CREATE TABLE events (
    id BLOB PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT,
    -- draft, published, cancelled
    state TEXT NOT NULL,
    timezone TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    venue_name TEXT NOT NULL,
    venue_address TEXT,
    -- Numbered tables for onsite meetings (1..tables); booths are tables given to a participant.
    tables INTEGER NOT NULL,
    capacity INTEGER,
    registration_open BOOLEAN NOT NULL,
    registration_approval BOOLEAN NOT NULL,
    booking_open BOOLEAN NOT NULL,
    -- approval (the receiver accepts or declines) or automatic
    request_mode TEXT NOT NULL,
    -- pick_slot (the accepting participant picks a slot) or auto (the organiser's scheduler)
    scheduling_mode TEXT NOT NULL,
    request_expiry_minutes INTEGER NOT NULL,
    max_pending_requests INTEGER NOT NULL,
    max_meetings INTEGER,
    max_meetings_onsite INTEGER,
    max_meetings_remote INTEGER,
    -- unpublished, preliminary, final
    agenda_state TEXT NOT NULL,
    agenda_published_at TEXT,
    created_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_starts ON events (state, starts_at);

-- role: main or supporting
CREATE TABLE event_organisers (
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    org_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (event_id, org_id)
);
CREATE INDEX event_organisers_org ON event_organisers (org_id);

-- kind: keynote, panel, demo, matchmaking, break, other
CREATE TABLE event_sessions (
    id BLOB PRIMARY KEY NOT NULL,
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    room TEXT,
    stream_url TEXT,
    -- Matchmaking sessions only: slot length and the most meetings one participant has in it.
    slot_minutes INTEGER,
    max_meetings INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX event_sessions_event ON event_sessions (event_id, starts_at);

CREATE TABLE event_speakers (
    id BLOB PRIMARY KEY NOT NULL,
    session_id BLOB NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    affiliation TEXT,
    remote BOOLEAN NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX event_speakers_session ON event_speakers (session_id, position);

-- The meeting slots of a matchmaking session, generated when the session is saved.
CREATE TABLE event_slots (
    id BLOB PRIMARY KEY NOT NULL,
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    session_id BLOB NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL
);
CREATE INDEX event_slots_event ON event_slots (event_id, starts_at);
CREATE INDEX event_slots_session ON event_slots (session_id, starts_at);

-- kind: text, choice, yes_no; options: one per line (choice only)
CREATE TABLE event_questions (
    id BLOB PRIMARY KEY NOT NULL,
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    options TEXT,
    required BOOLEAN NOT NULL
);
CREATE INDEX event_questions_event ON event_questions (event_id, position);

-- state: pending (awaiting approval), approved, waitlisted, declined, cancelled
-- attendance: onsite or remote
CREATE TABLE event_registrations (
    id BLOB PRIMARY KEY NOT NULL,
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id BLOB REFERENCES organisations (id) ON DELETE SET NULL,
    display_name TEXT NOT NULL,
    attendance TEXT NOT NULL,
    state TEXT NOT NULL,
    -- The participant's own table (booth), if the organiser gave one.
    booth_table INTEGER,
    max_meetings INTEGER,
    -- Shown on the agenda as a QR code and scanned at the door; unique and unguessable.
    checkin_code TEXT NOT NULL UNIQUE,
    -- The secret in the participant's subscribable calendar URL.
    calendar_token TEXT NOT NULL UNIQUE,
    checked_in_at TEXT,
    checked_in_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (event_id, user_id)
);
CREATE INDEX event_registrations_event ON event_registrations (event_id, state, created_at);
CREATE INDEX event_registrations_user ON event_registrations (user_id);
CREATE INDEX event_registrations_org ON event_registrations (org_id);

CREATE TABLE event_answers (
    registration_id BLOB NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    question_id BLOB NOT NULL REFERENCES event_questions (id) ON DELETE CASCADE,
    answer TEXT NOT NULL,
    PRIMARY KEY (registration_id, question_id)
);

-- The partnering profiles a participant brings to the event.
CREATE TABLE event_registration_profiles (
    registration_id BLOB NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    profile_id BLOB NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    PRIMARY KEY (registration_id, profile_id)
);
CREATE INDEX event_registration_profiles_profile ON event_registration_profiles (profile_id);

-- Slots a participant is NOT available in (everyone is available in every slot by default).
CREATE TABLE event_unavailability (
    registration_id BLOB NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    slot_id BLOB NOT NULL REFERENCES event_slots (id) ON DELETE CASCADE,
    PRIMARY KEY (registration_id, slot_id)
);

-- A meeting request and, once accepted, the meeting.
-- state: requested, accepted, declined, expired, cancelled
-- mode: onsite, remote, either
-- outcome (event day): held, requester_absent, receiver_absent, both_absent
CREATE TABLE event_meetings (
    id BLOB PRIMARY KEY NOT NULL,
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    requester_id BLOB NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    receiver_id BLOB NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    profile_id BLOB REFERENCES profiles (id) ON DELETE SET NULL,
    message TEXT,
    state TEXT NOT NULL,
    mode TEXT NOT NULL,
    priority INTEGER NOT NULL,
    expires_at TEXT,
    responded_at TEXT,
    -- Why it was declined or cancelled (optional), shown to the other party.
    reason TEXT,
    slot_id BLOB REFERENCES event_slots (id) ON DELETE SET NULL,
    table_number INTEGER,
    -- A published meeting keeps its slot and table when the organiser re-schedules.
    locked BOOLEAN NOT NULL,
    -- Bumped whenever the slot or table changes, so calendar clients replace the old entry.
    sequence INTEGER NOT NULL,
    outcome TEXT,
    outcome_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX event_meetings_event ON event_meetings (event_id, state);
CREATE INDEX event_meetings_requester ON event_meetings (requester_id, state);
CREATE INDEX event_meetings_receiver ON event_meetings (receiver_id, state);
CREATE INDEX event_meetings_expiry ON event_meetings (state, expires_at);

-- One row per participant per booked slot, and per table per booked slot: the primary keys make
-- double booking impossible even when two participants accept at the same moment.
CREATE TABLE event_participant_bookings (
    slot_id BLOB NOT NULL REFERENCES event_slots (id) ON DELETE CASCADE,
    registration_id BLOB NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    meeting_id BLOB NOT NULL REFERENCES event_meetings (id) ON DELETE CASCADE,
    PRIMARY KEY (slot_id, registration_id)
);
CREATE INDEX event_participant_bookings_meeting ON event_participant_bookings (meeting_id);

CREATE TABLE event_table_bookings (
    slot_id BLOB NOT NULL REFERENCES event_slots (id) ON DELETE CASCADE,
    table_number INTEGER NOT NULL,
    meeting_id BLOB NOT NULL REFERENCES event_meetings (id) ON DELETE CASCADE,
    PRIMARY KEY (slot_id, table_number)
);
CREATE INDEX event_table_bookings_meeting ON event_table_bookings (meeting_id);

-- Each run of the auto-scheduler: what it achieved against its upper bound.
-- stage: preliminary or final (once published), draft while unpublished
CREATE TABLE event_schedule_runs (
    id BLOB PRIMARY KEY NOT NULL,
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    requested INTEGER NOT NULL,
    scheduled INTEGER NOT NULL,
    score REAL NOT NULL,
    bound REAL NOT NULL,
    idle_gaps INTEGER NOT NULL,
    milliseconds INTEGER NOT NULL,
    run_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX event_schedule_runs_event ON event_schedule_runs (event_id, created_at);

-- After the event: each participant rates each meeting (1-5) and, about six months later,
-- answers the second-stage survey (outcome: no_contact, knowledge_gained, valuable_contact,
-- negotiation, agreement), which may name the partnership agreement it led to.
CREATE TABLE event_meeting_feedback (
    meeting_id BLOB NOT NULL REFERENCES event_meetings (id) ON DELETE CASCADE,
    registration_id BLOB NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    rating INTEGER,
    comment TEXT,
    rated_at TEXT,
    outcome TEXT,
    agreement_id BLOB REFERENCES agreements (id) ON DELETE SET NULL,
    surveyed_at TEXT,
    PRIMARY KEY (meeting_id, registration_id)
);

-- Reminders are outbox rows sent later; a reschedule removes the ones it makes wrong.
ALTER TABLE outbox ADD COLUMN cancel_key TEXT;
CREATE INDEX outbox_cancel_key ON outbox (cancel_key);
