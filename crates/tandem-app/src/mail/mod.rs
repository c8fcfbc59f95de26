//! Email: the texts (EN/DE) and the worker that drains the outbox.

pub mod messages;
pub mod profile_messages;
pub mod sender;
