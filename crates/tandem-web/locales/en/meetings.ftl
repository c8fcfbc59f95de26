# B2B meetings at brokerage events (issue 5): the participant directory, meeting requests,
# my meetings with slots and tables, availability, and the organiser's overview.

## Navigation

meetings-nav-label = Meetings at this event
meetings-nav-participants = Participants
meetings-nav-mine = My meetings
meetings-nav-availability = My availability
meetings-nav-organiser = All meetings (organiser)

## Participant directory

meetings-participants-title = Participants of { $name }
meetings-participants-intro = Find the people you want to meet, see what they bring and ask them for a meeting.
meetings-participants-all = All participants
meetings-participants-count = { $count ->
    [0] No participants match (of { $items })
    [one] 1 participant of { $items }
   *[other] { $count } participants of { $items }
}
meetings-participants-empty = No participant matches these filters. Remove a filter to see more.
meetings-recommended = Recommended for you
meetings-recommended-intro = Participants whose organisation or profiles fit yours, best first, with the reasons.
meetings-recommended-empty = No recommendations yet. Linking your organisation and partnering profiles to your registration helps.
meetings-filter-text = Name, organisation or profile
meetings-filter-text-placeholder = e.g. virtual reality, Leipzig
meetings-filter-city = City
meetings-filter-kind = Kind of organisation
meetings-filter-attendance = Attendance
meetings-filter-sector = Sector (NACE)
meetings-filter-any = Any
meetings-filter-button = Filter
meetings-you = you
meetings-booth = Booth at table { $count }
meetings-sectors = Sectors
meetings-profiles = Partnering profiles
meetings-open-sent = You asked them for a meeting.
meetings-open-received = They asked you for a meeting.
meetings-open-meeting = You are meeting them.

## Attendance, states, modes

meetings-attendance-onsite = At the venue
meetings-attendance-remote = Online
meetings-state-requested = Waiting for an answer
meetings-state-accepted = Meeting
meetings-state-declined = Declined
meetings-state-expired = Expired
meetings-state-cancelled = Cancelled
meetings-mode-onsite = At a table
meetings-mode-remote = By video
meetings-mode-either = At a table, else by video
meetings-table = Table { $count }
meetings-by-video = By video

## Requests

meetings-request-title = Ask { $name } for a meeting
meetings-request-intro = They are emailed and can accept or decline. Unanswered requests expire.
meetings-request-intro-automatic = At this event requests are accepted at once: the meeting is confirmed when you send it.
meetings-field-profile = The profile it is about
meetings-field-profile-none = No particular profile
meetings-field-message = Message
meetings-field-message-hint = Say why you would like to meet (at most 2,000 characters).
meetings-optional = (optional)
meetings-action-request = Request a meeting
meetings-action-send-request = Send the request

## My meetings

meetings-mine-title = My meetings at { $name }
meetings-booking-closed = Meeting requests are closed for this event at the moment.
meetings-incoming = Requests for you
meetings-incoming-empty = No requests are waiting for your answer.
meetings-outgoing = Your requests
meetings-outgoing-empty = You have no requests waiting for an answer.
meetings-accepted = Your meetings
meetings-accepted-empty = No meetings yet. Find participants to meet and send them a request.
meetings-closed = Declined, expired and cancelled
meetings-about = About
meetings-reason = Reason
meetings-expires = Expires
meetings-needs-slot = No time chosen yet.
meetings-scheduled-later = The organiser schedules the meetings of this event; the time and table will follow on your agenda.
meetings-action-accept = Accept
meetings-action-accept-pick = Accept and pick a time
meetings-action-decline = Decline
meetings-decline-reason = Reason for declining
meetings-action-cancel = Cancel this meeting …
meetings-cancel-reason = Reason for cancelling
meetings-action-cancel-confirm = Cancel the meeting
meetings-action-withdraw = Withdraw the request
meetings-action-book = Pick a time

## Picking a slot

meetings-accept-title = Accept the meeting with { $name }
meetings-book-title = Pick a time for the meeting with { $name }
meetings-pick-slot = Times when you are both free
meetings-no-free-slot = There is no time left when you are both free and a table is available. You can decline the request, or mark more times as available.
meetings-not-done = That did not work
meetings-back-to-mine = Back to my meetings

## Availability

meetings-availability-title = My availability at { $name }
meetings-availability-intro = Untick the times when you cannot meet. Nobody can book a meeting with you then.
meetings-availability-legend = Available for meetings
meetings-availability-has-meeting = You have a meeting then.
meetings-availability-empty = This event has no meeting slots yet.
meetings-availability-save = Save my availability

## Organiser

meetings-organiser-title = Meetings at { $name }
meetings-organiser-filter = Filter by state
meetings-organiser-all = All
meetings-organiser-unplaced = { $count ->
    [0] Every accepted meeting has a time.
    [one] 1 accepted meeting has no time yet.
   *[other] { $formatted } accepted meetings have no time yet.
}
meetings-organiser-empty = No requests or meetings in this list.
meetings-column-requester = Requested by
meetings-column-receiver = Requested of
meetings-column-state = State
meetings-column-when = When
meetings-column-where = Where
meetings-column-actions = Actions
meetings-locked = Locked
meetings-action-set-mode = Set
meetings-action-lock = Lock in place
meetings-action-unlock = Unlock
meetings-priority = Priority
meetings-action-set-priority = Set

## Notices

meetings-flash-requested = Your request was sent.
meetings-flash-confirmed = Your meeting is confirmed.
meetings-flash-accepted = Meeting accepted. You both have it on your list.
meetings-flash-declined = The request was declined.
meetings-flash-cancelled = Cancelled. The other side has been told.
meetings-flash-booked = The time is booked.
meetings-flash-availability = Your availability is saved.
meetings-flash-mode = The meeting's place is set.
meetings-flash-locked = The meeting is locked in place.
meetings-flash-unlocked = The meeting is unlocked.
meetings-flash-priority = The meeting's priority is set.

## Why something was refused (German readers see these; English readers the detailed message)

meetings-error-booking_closed = Meeting requests are not open for this event.
meetings-error-not_participant = Only approved participants of this event can request and answer meetings.
meetings-error-partner_not_participant = That person is not an approved participant of this event.
meetings-error-own_request = You cannot request a meeting with yourself.
meetings-error-pair_open = You already have a request or meeting with this participant.
meetings-error-too_many_pending = You have as many requests waiting for an answer as this event allows. Wait for answers or withdraw one.
meetings-error-own_agenda_full = You already have as many meetings as you may have at this event.
meetings-error-partner_agenda_full = This participant already has as many meetings as they may have at this event.
meetings-error-profile_not_linked = Choose one of the profiles you or this participant brought to the event.
meetings-error-not_requested = This request was already answered, withdrawn or has expired.
meetings-error-not_open = This request or meeting was already declined, cancelled or has expired.
meetings-error-not_accepted = Only an accepted meeting can be given a time.
meetings-error-already_placed = This meeting already has a time.
meetings-error-slot_not_picked = The organiser schedules the meetings of this event; accept without choosing a time.
meetings-error-slot_required = Choose one of the free times for the meeting.
meetings-error-unknown_slot = That is not a meeting slot of this event.
meetings-error-slot_unavailable = One of you is not available or already has a meeting then. Pick another time.
meetings-error-slot_taken = That slot was just taken — pick another.
meetings-error-no_table = No table is free then. Pick another time.
meetings-error-session_full = One of you already has as many meetings in that session as it allows. Pick a time in another session.
meetings-error-slot_has_meeting = You have a meeting then; cancel it first.
meetings-error-mode_not_allowed = Only a meeting of two participants at the venue may be held by video instead.
