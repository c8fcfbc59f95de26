//! Brokerage events (DOMAIN.md, "Brokerage events", after b2match, Grip, Brella and Swapcard):
//! an event run by organisers, its agenda of sessions, registration with custom questions, and
//! the B2B meetings participants request, accept and are scheduled into.
//!
//! Phases: set-up → registration → booking (meeting requests) → scheduling → event day →
//! follow-up. The closed sets of values live here with the keys the database, forms, the API
//! and the translations use.

use crate::directory::keyed_enum;
use serde::{Deserialize, Serialize};

pub mod agenda;
pub mod event;
pub mod followup;
pub mod meeting;
pub mod policy;
pub mod registration;

keyed_enum!(
    /// Whether the event is visible.
    EventState {
        /// Only its organisers see it.
        Draft = "draft",
        /// Listed and open to view; registration and booking have their own switches.
        Published = "published",
        /// Called off: still visible, nothing can be changed by participants.
        Cancelled = "cancelled",
    }
);

keyed_enum!(
    /// An organiser's part in running the event.
    OrganiserRole {
        /// Leads the event (at least one).
        Main = "main",
        /// Helps run it.
        Supporting = "supporting",
    }
);

keyed_enum!(
    /// What kind of agenda session.
    SessionKind {
        /// A keynote talk.
        Keynote = "keynote",
        /// A panel discussion.
        Panel = "panel",
        /// A demonstration (e.g. VR).
        Demo = "demo",
        /// B2B meetings, split into slots.
        Matchmaking = "matchmaking",
        /// Coffee, lunch.
        Break = "break",
        /// Anything else.
        Other = "other",
    }
);

keyed_enum!(
    /// The answer a custom registration question takes.
    QuestionKind {
        /// Free text.
        Text = "text",
        /// One of the listed options.
        Choice = "choice",
        /// Yes or no.
        YesNo = "yes_no",
    }
);

keyed_enum!(
    /// Where a registration stands.
    RegistrationState {
        /// Waits for the organiser's approval.
        Pending = "pending",
        /// A participant.
        Approved = "approved",
        /// The event is full; moves up when a place frees.
        Waitlisted = "waitlisted",
        /// Refused by the organiser.
        Declined = "declined",
        /// Withdrawn by the participant.
        Cancelled = "cancelled",
    }
);

keyed_enum!(
    /// How a participant attends (the participant type).
    Attendance {
        /// At the venue.
        Onsite = "onsite",
        /// Online: meetings by video, no table.
        Remote = "remote",
    }
);

keyed_enum!(
    /// How meeting requests become meetings.
    RequestMode {
        /// The receiver accepts or declines each request.
        Approval = "approval",
        /// Every request is accepted at once.
        Automatic = "automatic",
    }
);

keyed_enum!(
    /// Who places accepted meetings in slots.
    SchedulingMode {
        /// The accepting participant picks a free slot.
        PickSlot = "pick_slot",
        /// The organiser runs the auto-scheduler and publishes the agendas.
        Auto = "auto",
    }
);

keyed_enum!(
    /// How far the organiser's meeting agendas are.
    AgendaState {
        /// Nothing published yet.
        Unpublished = "unpublished",
        /// Published for participants to check; may still change.
        Preliminary = "preliminary",
        /// Final: published meetings stay where they are.
        Final = "final",
    }
);

keyed_enum!(
    /// Where a meeting request stands.
    MeetingState {
        /// Waits for the receiver.
        Requested = "requested",
        /// A meeting (scheduled once it has a slot).
        Accepted = "accepted",
        /// Refused by the receiver.
        Declined = "declined",
        /// Not answered in time.
        Expired = "expired",
        /// Withdrawn by either party or the organiser.
        Cancelled = "cancelled",
    }
);

keyed_enum!(
    /// Where a meeting takes place.
    MeetingMode {
        /// At a table at the venue.
        Onsite = "onsite",
        /// By video.
        Remote = "remote",
        /// At a table if one is free, else by video.
        Either = "either",
    }
);

keyed_enum!(
    /// What happened to a meeting on the event day.
    MeetingOutcome {
        /// Both came.
        Held = "held",
        /// The requester did not come.
        RequesterAbsent = "requester_absent",
        /// The receiver did not come.
        ReceiverAbsent = "receiver_absent",
        /// Neither came.
        BothAbsent = "both_absent",
    }
);

keyed_enum!(
    /// The second-stage follow-up survey, about six months after the event (EEN practice).
    FollowUpOutcome {
        /// No further contact.
        NoContact = "no_contact",
        /// No further contact, but knowledge gained.
        KnowledgeGained = "knowledge_gained",
        /// A valuable contact.
        ValuableContact = "valuable_contact",
        /// Negotiations started.
        Negotiation = "negotiation",
        /// An agreement was reached.
        Agreement = "agreement",
    }
);

/// Shortest and longest request expiry an organiser may set (DOMAIN.md: "15 min … 10 days").
pub const REQUEST_EXPIRY_MINUTES: std::ops::RangeInclusive<i64> = 15..=(10 * 24 * 60);

/// Shortest meeting slot (DOMAIN.md: "15 min minimum").
pub const MIN_SLOT_MINUTES: i64 = 15;
