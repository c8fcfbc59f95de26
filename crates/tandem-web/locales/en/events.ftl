# Brokerage events: list, event page, set-up, agenda, registration, participants, check-in.

nav-events = Events

events-title = Events
events-past-title = Past events
events-show-past = Past events
events-show-upcoming = Upcoming events
events-empty = No upcoming events yet.
events-empty-past = No past events.
events-new = Create an event
events-organised-title = Events your organisations run
events-organised-by = Organised by
events-mine-title = My events
events-mine-empty = You have not registered for any event yet.
events-created = The event was created as a draft. Add its agenda and settings, then publish it.
events-saved = Saved.
events-published = The event is published: everyone can see it now.
events-cancelled = The event is cancelled; everyone registered was emailed.

events-state-draft = Draft
events-state-published = Published
events-state-cancelled = Cancelled
events-role-main = main organiser
events-role-supporting = supporting organiser
events-kind-keynote = Keynote
events-kind-panel = Panel
events-kind-demo = Demonstration
events-kind-matchmaking = Matchmaking
events-kind-break = Break
events-kind-other = Other
events-reg-state-pending = Awaiting approval
events-reg-state-approved = Registered
events-reg-state-waitlisted = Waiting list
events-reg-state-declined = Declined
events-reg-state-cancelled = Cancelled
events-attendance-onsite = At the venue
events-attendance-remote = Online
events-question-kind-text = Text
events-question-kind-choice = Choice
events-question-kind-yes_no = Yes / no
events-request-mode-approval = The receiver accepts or declines each request
events-request-mode-automatic = Requests are accepted automatically
events-scheduling-mode-pick_slot = Participants pick a time when accepting
events-scheduling-mode-auto = The organisers schedule all meetings
events-answer-yes = Yes
events-answer-no = No
events-choose = Choose …

events-field-when = When
events-field-venue = Venue
events-field-organisers = Organisers
events-field-main-org = Organising organisation
events-field-name = Name of the event
events-field-description = Description
events-field-timezone = Time zone
events-field-timezone-hint = The venue's time zone; every time of the event is shown in it.
events-field-starts-at = Starts
events-field-ends-at = Ends
events-field-local-hint = In the venue's time zone.
events-field-venue-name = Venue
events-field-venue-address = Address
events-field-tables = Numbered tables
events-field-tables-hint = Tables for meetings at the venue (0 for an online-only event).
events-field-registration-open = Registration is open
events-field-registration-approval = Organisers approve each registration
events-field-registration-approval-hint = Without approval, registrations are accepted while places are left.
events-field-capacity = Places
events-field-capacity-hint = Leave blank for no limit. When the places are taken, new registrations go on the waiting list.
events-field-booking-open = Meeting requests are open
events-field-request-mode = Meeting requests
events-field-scheduling-mode = Meeting times
events-field-request-expiry = Unanswered requests expire after (minutes)
events-field-request-expiry-hint = From 15 minutes to 10 days (14400 minutes).
events-field-max-pending = Unanswered requests a participant may have
events-field-max-meetings = Meetings per participant
events-field-max-meetings-onsite = Meetings per participant at the venue
events-field-max-meetings-remote = Meetings per online participant
events-field-blank-no-limit = Leave blank for no limit.
events-field-session-kind = Kind of session
events-field-session-title = Title
events-field-room = Room
events-field-stream-url = Stream link
events-field-stream-url-hint = For remote speakers and online participants; only registered participants see it.
events-field-slot-minutes = Meeting slot length (minutes)
events-field-slot-minutes-hint = Matchmaking sessions only: at least 15 minutes. The session is cut into slots of this length.
events-field-session-max-meetings = Meetings per participant in this session
events-field-session-max-meetings-hint = Matchmaking sessions only; leave blank for no limit.
events-field-speaker-name = Name
events-field-speaker-affiliation = Organisation or role
events-field-speaker-remote = Speaks remotely (through the stream)
events-field-question-label = Question
events-field-question-kind = Kind of answer
events-field-question-options = Options
events-field-question-options-hint = For choice questions: one option per line, at least two.
events-field-question-required = An answer is required
events-field-display-name = Your name as participants see it
events-field-display-name-hint = Shown to the other participants and the organisers.
events-field-attendance = How you take part
events-field-org = Organisation
events-field-profiles = Partnering profiles you bring
events-field-profiles-hint = Published profiles of the organisation you chose; other participants can request meetings about them.
events-field-unavailable = Times you are not available for meetings
events-field-unavailable-hint = Tick the meeting slots in which you cannot meet; you are available in all others.
events-field-booth = Booth table
events-field-booth-hint = The participant receives visitors at this table. Leave blank for none.
events-field-personal-max = Most meetings for this participant

events-registration-title = Registration
events-your-registration = Your registration:
events-registration-change = Change your registration
events-registration-cancel = Cancel my registration
events-registration-cancelled = Your registration is cancelled.
events-registration-closed = Registration is closed.
events-register = Register
events-register-title = Register for the event
events-register-login = You will be asked to log in or create an account first.
events-register-no-org = (as an individual)
events-registered = You are registered.
events-registered-pending = Thank you: your registration waits for the organisers' approval.
events-registered-waitlisted = The event is full: you are on the waiting list and move up when a place frees.
events-places-left = { $count ->
    [0] No places left: new registrations go on the waiting list.
    [one] One place left.
   *[other] { $formatted } places left.
}
events-cancelled-note = This event has been cancelled.
events-checked-in = Checked in
events-checked-in-at = Checked in at { $label }
events-booth-yours = your table: { $code }
events-qr-label = QR code for check-in
events-qr-caption = Show this code at the entrance for check-in.
events-link-participants = Participants
events-link-meetings = My meetings
events-link-all-meetings = All meetings

events-agenda-title = Agenda
events-agenda-empty = The agenda will follow.
events-agenda-empty-organiser = No sessions yet — add the first.
events-agenda-see = See the agenda
events-agenda-count = { $count ->
    [one] One session
   *[other] { $count } sessions
} with { $label } meeting slots
events-session-slots = { $count ->
    [one] one meeting slot of { $label } minutes
   *[other] { $count } meeting slots of { $label } minutes
}
events-speaker-remote = remote
events-stream-link = Watch the stream
events-session-add = Add a session
events-session-edit = Edit session
events-session-intro = Times are in the venue's time zone ({ $label }).
events-session-saved = The session is saved.
events-session-saved-slots = { $count ->
    [one] The session is saved with one meeting slot.
   *[other] The session is saved with { $count } meeting slots.
}
events-session-dropped = { $count ->
    [one] The last minute did not fill a whole slot and was left out.
   *[other] The last { $count } minutes did not fill a whole slot and were left out.
}
events-session-deleted = The session is deleted.
events-session-delete-title = Delete this session
events-session-delete-hint = The session, its speakers and its meeting slots are removed.
events-session-delete = Delete session
events-speakers-title = Speakers
events-speakers-empty = No speakers yet.
events-speaker-add = Add a speaker
events-speaker-added = The speaker was added.
events-speaker-removed = The speaker was removed.
events-speaker-remove = Remove { $name }

events-manage = Manage event
events-view-page = Event page
events-edit-title = Edit details
events-settings-title = Registration and meetings
events-publish = Publish
events-publish-hint = Only organisers see this draft.
events-numbers-title = In numbers
events-checked-in-count = { $count ->
    [one] One participant checked in
   *[other] { $formatted } participants checked in
}
events-organiser-add-label = Add a supporting organiser
events-organiser-add = Add
events-organiser-added = The organiser was added.
events-organiser-removed = The organiser was removed.
events-organiser-remove = Remove { $name }
events-questions-title = Registration questions
events-questions-empty = No questions yet — participants only give their name and how they take part.
events-question-add = Add a question
events-question-added = The question was added.
events-question-deleted = The question was deleted.
events-question-moved = The question was moved up.
events-question-up = Move up
events-question-delete = Delete
events-cancel-title = Cancel the event
events-cancel-hint = Everyone registered is emailed; the event stays visible, marked cancelled.
events-cancel = Cancel the event

events-registrations-title = Participants
events-registrations-count = { $count ->
    [one] One registration
   *[other] { $formatted } registrations
}
events-registrations-empty = No registrations match.
events-filter-name = Name
events-filter-state = State
events-filter-all = All
events-filter-apply = Filter
events-column-name = Name
events-column-booth = Booth
events-column-actions = Actions
events-approve = Approve { $name }
events-decline = Decline { $name }
events-registration-approved = The registration is decided and the participant emailed.
events-registration-declined = The registration is declined and the participant emailed.
events-booth-title = Booth and meetings
events-booth-saved = Saved.

events-checkin-title = Check-in
events-checkin-search = Search
events-checkin-count = { $count ->
    [one] One participant
   *[other] { $count } participants
}, { $label } checked in
events-checkin-empty = No approved participant matches.
events-checkin-button = Check in { $name }
events-checkin-undo = Undo check-in of { $name }
events-checked-in-notice = { $name } is checked in.
events-checkin-undone-notice = The check-in of { $name } is undone.
events-checkin-scan-hint = Scanning the QR code on a participant's agenda opens their check-in page here.
events-scan-title = Check-in
events-scan-not-approved = This registration is not approved, so it cannot be checked in.
events-scan-open-registration = Open the registration

validation-invalid_time_zone = Choose a time zone such as Europe/London or Europe/Berlin.
validation-invalid_date_time = Write the date and time as YYYY-MM-DDTHH:MM.
validation-nonexistent_time = This time does not exist there (the clocks go forward); choose another.
validation-ends_before_start = It must end after it starts.
validation-too_long_event = An event may last at most 14 days.
validation-not_in_range = Enter a whole number in the allowed range.
validation-outside_event = The session must lie within the event's times.
validation-no_slot_fits = No meeting slot of this length fits into the session.
validation-slots_booked = Meetings are booked in this session's slots; keep its times and slot length, or cancel those meetings first.
validation-sessions_outside = Some agenda sessions would lie outside the new times; move them first.
validation-tables_in_use = A booth or meeting uses a higher table number; keep enough tables.
validation-too_few_options = A choice question needs at least two options, one per line.
validation-too_many_options = A choice question may have at most 30 options.
validation-not_member = Choose one of your own organisations.
validation-not_own_profile = Bring only published profiles of the organisation you chose.
validation-profiles_need_org = Choose the organisation whose profiles you bring.
validation-unknown_slot = Tick only the meeting slots listed for this event.
validation-booth_taken = This table is already another participant's booth.
validation-no_tables = This event has no numbered tables.
validation-registration_closed = Registration for this event is closed.
validation-registration_declined = The organisers declined your registration.
validation-slot_has_meeting = You have a meeting in a slot you marked unavailable; cancel or move that meeting first.
validation-has_meetings = You have meetings arranged for how you attend now; cancel them first or ask the organisers to change them.
validation-booth_has_meetings = Other participants' meetings are booked at this table; choose another table or move those meetings first.
validation-not_pending = Only a registration waiting for approval can be approved.
validation-not_active = This registration is no longer active.
validation-not_approved = Only approved participants can be checked in.
validation-not_draft = Only a draft can be published.
validation-event_not_published = Only a published event can be cancelled.
validation-already_organiser = This organisation already organises the event.
validation-not_supporting = Only a supporting organiser can be removed.
