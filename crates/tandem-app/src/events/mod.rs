//! Brokerage events (issue 5; DOMAIN.md, "Brokerage events"): set-up, registration, meeting
//! requests and meetings, scheduling, agendas, the event day and follow-up.

pub mod meetings;
