//! Brokerage events (issue 5; DOMAIN.md, "Brokerage events"): set-up, registration, meeting
//! requests and meetings, scheduling, agendas, the event day and follow-up.

pub mod access;
pub mod agenda;
pub mod checkin;
pub(crate) mod demo;
mod demo_meetings;
pub mod documents;
pub mod followup;
pub mod meetings;
pub mod messages;
pub mod public;
pub mod questions;
pub mod registration;
pub mod roster;
pub mod scheduling;
pub mod setup;
mod waitlist;
