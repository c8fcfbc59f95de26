# The organiser's auto-scheduler (issue 5, items 2 and 3): runs with their proved bound,
# meetings without a slot and why, preliminary and final agendas.

schedule-title = Meeting schedule
schedule-link = Meeting schedule
schedule-manage = Manage the event
schedule-all-meetings = All meetings

## State and facts

schedule-state = Agenda: { $name }
schedule-state-unpublished = not published yet
schedule-state-preliminary = preliminary
schedule-state-final = final
schedule-published-at = published { $name }
schedule-facts-title = The meetings to schedule
schedule-facts-slots = { $count ->
    [one] 1 meeting slot
   *[other] { $formatted } meeting slots
}
schedule-facts-tables = { $count ->
    [one] 1 table
   *[other] { $formatted } tables
}
schedule-facts-participants = { $count ->
    [one] 1 participant
   *[other] { $formatted } participants
}
schedule-facts-accepted = { $count ->
    [one] 1 accepted meeting
   *[other] { $formatted } accepted meetings
}
schedule-facts-placed = { $count ->
    [one] 1 with a slot
   *[other] { $formatted } with a slot
}
schedule-facts-locked = { $count ->
    [one] 1 locked in place
   *[other] { $formatted } locked in place
}

## Empty and closed states

schedule-cancelled = This event was called off: nothing is scheduled any more.
schedule-not-auto = Participants pick their own slots at this event, so there is nothing for the scheduler to do.
schedule-not-auto-fix = To have the organisers schedule all meetings, change the scheduling mode in the settings.
schedule-settings = Settings
schedule-no-slots = The agenda has no meeting slots yet: the scheduler needs a matchmaking session split into slots.
schedule-add-session = Add a session

## The latest result

schedule-headline = Scheduled { $score } of at most { $bound } achievable ({ $percent } %)
schedule-headline-meetings = { $scheduled } of { $requested } accepted meetings placed; { $gaps } idle gaps in participants' days.
schedule-headline-hint = Totals are weighted by each meeting's priority. The upper bound is proved: no schedule can do better.

## Running

schedule-run-title = Run the scheduler
schedule-run-hint = The scheduler places as many accepted meetings as it can (the most priority first), then closes gaps in participants' days. Locked meetings stay where they are; every other meeting may move.
schedule-field-time-limit = Time limit in seconds
schedule-field-time-limit-hint = From 1 to 30 (default 2). The page waits for the run.
schedule-field-seed = Seed (optional)
schedule-field-seed-hint = The same seed on the same meetings gives the same schedule. Leave it blank for a new one.
schedule-run = Run the scheduler
schedule-flash-run = Scheduled { $score } of at most { $bound } achievable ({ $percent } %). Newly placed: { $placed }, moved: { $moved }, taken off: { $removed }; participants emailed about changes: { $emailed }.

## Publishing

schedule-publish-title = Publish the agendas
schedule-publish-hint = Publishing locks every meeting that has a slot, so later runs keep it in place, and emails every participant their agenda. Participants whose published meetings a later run changes get an email with the changes.
schedule-publish-preliminary = Publish preliminary agenda
schedule-publish-final = Publish final agenda
schedule-final-note = The final agenda is published. After late requests you may run the scheduler and publish the final agenda again: published meetings stay where they are.
schedule-flash-published-preliminary = The preliminary agenda is published: { $locked } meetings newly locked, { $emailed } participants emailed.
schedule-flash-published-final = The final agenda is published: { $locked } meetings newly locked, { $emailed } participants emailed.

## Runs

schedule-runs-title = Latest runs
schedule-runs-empty = The scheduler has not run yet.
schedule-column-when = When
schedule-column-by = By
schedule-column-stage = Agenda then
schedule-column-meetings = Meetings placed
schedule-column-priority = Priority (bound)
schedule-column-gaps = Idle gaps
schedule-column-time = Time
schedule-column-seed = Seed
schedule-stage-draft = not published
schedule-stage-preliminary = preliminary
schedule-stage-final = final
schedule-run-meetings = { $scheduled } of { $requested }
schedule-run-priority = { $score } of ≤ { $bound } ({ $percent } %)
schedule-run-time = { $seconds } s (limit { $limit } s)
schedule-someone = someone

## Meetings without a slot

schedule-unplaced-title = Meetings without a slot
schedule-unplaced-empty = Every accepted meeting has a slot.
schedule-accepted-empty = There are no accepted meetings yet.
schedule-column-requester = Requested by
schedule-column-receiver = With
schedule-column-weight = Priority
schedule-column-why = Why
schedule-why-partner_left = One of the two no longer takes part.
schedule-why-no_common_slot = They are never available at the same time.
schedule-why-at_cap = { $name } already has { $count } meetings, the most they may have.
schedule-why-busy = In every slot both are available in, one of them already meets someone else.
schedule-why-session_cap = In the slots left, one of them already has as many meetings as the session allows.
schedule-why-no_table = No table is free in the slots left; by video it would fit (set the meeting to “At a table, else by video” under All meetings).
schedule-why-not_yet_scheduled = It fits: run the scheduler to place it.

## Download

schedule-download = Download the scheduling problem (JSON)
schedule-download-hint = The same file `tandem schedule` reads, to try the scheduler offline.

## Refusals (German pages translate these codes)

validation-schedule_event_cancelled = This event was called off; its meetings are no longer scheduled.
validation-schedule_not_auto = Participants pick their own slots at this event; set the scheduling mode to the organisers scheduling in the settings to use the scheduler.
validation-schedule_no_slots = The agenda has no meeting slots yet; add a matchmaking session with slots first.
validation-schedule_too_many_slots = The agenda has more meeting slots than the scheduler handles at once; split the event into days.
validation-schedule_no_meetings = There are no accepted meetings to schedule yet.
validation-schedule_conflict = The locked meetings do not fit the event's tables, booths or limits; unlock the meetings concerned or change the settings.
validation-schedule_changed_meanwhile = Meetings changed while the scheduler ran; run it again.
validation-schedule_time_limit = Give the time limit in whole seconds, from 1 to 30.
validation-schedule_seed = The seed must be a whole number (or left blank).
validation-schedule_unknown_stage = Publish either a preliminary or a final agenda.
validation-schedule_already_final = The final agenda is published already; it cannot become preliminary again.
validation-schedule_nothing_placed = No meeting has a slot yet; run the scheduler before publishing.
