# The event day (issue 5, item 5): each meeting recorded held or no-show, by either party or
# an organiser, from its slot's start.

event-day-you = you
event-day-outcome-question = Did the meeting take place?
event-day-action-held = Held
event-day-action-no-show = No-show
event-day-action-absent = No-show: { $name }
event-day-action-both-absent = Neither came
event-day-outcome-held = Held
event-day-outcome-absent = No-show: { $name }
event-day-outcome-both_absent = Neither came
event-day-recorded-by = recorded by { $name }
event-day-recorded-by-you = recorded by you
event-day-recorded-by-organiser = recorded by an organiser
event-day-flash-recorded = The meeting's outcome is recorded.

## Refusals (English readers get the detailed message from the use case)

meetings-error-outcome_not_placed = Only an accepted meeting with a time slot can be marked held or no-show.
meetings-error-outcome_too_early = The meeting has not started yet; you can mark it held or no-show from its start.
meetings-error-outcome_event_cancelled = The event was called off; its meetings cannot be marked.
meetings-error-outcome_recorded_by_partner = The other participant has already recorded this meeting; ask an organiser to correct it.
meetings-error-outcome_recorded_by_organiser = An organiser has recorded this meeting; ask them to correct it.
meetings-error-outcome_unknown = Choose whether the meeting was held or who did not come.
