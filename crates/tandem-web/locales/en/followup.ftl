# Follow-up of brokerage events (issue 5, item 6): rating meetings, the second-stage survey,
# agreements from meetings, and the organisers' statistics with charts.

## Links from other pages

followup-link-statistics = Statistics
followup-link-mine = After your meetings: rate them and tell us what came of them

## Rating a meeting

followup-rate-title = Rate your meeting with { $name }
followup-rate-intro = How useful was this meeting for you? The organisers see ratings only as figures for the whole event.
followup-rate-field = Your rating
followup-rate-hint = From 1 (not useful) to 5 (very useful).
followup-rating-1 = 1 – not useful
followup-rating-2 = 2 – of little use
followup-rating-3 = 3 – useful
followup-rating-4 = 4 – very useful
followup-rating-5 = 5 – excellent
followup-comment = Comment
followup-comment-hint = What was useful, what was missing.
followup-rate-save = Save rating
followup-rated = Thank you: your rating is saved.
followup-rated-before = You rated this meeting { $count } of 5. You can change your rating.
followup-back-survey = Back to the follow-up of your meetings

## The survey

followup-survey-title = Follow-up: { $name }
followup-survey-intro = Rate the meetings you had and, once the event is over, tell us what came of them. Your answers help the organisers show what the partnership achieves.
followup-survey-not-open = The question about what came of your meetings opens when the event is over.
followup-survey-empty = You had no scheduled meetings at this event.
followup-rating-none = Not rated yet.
followup-rating-yours = Your rating: { $count } of 5
followup-action-rate = Rate this meeting
followup-action-change-rating = Change your rating
followup-not-yet = You can rate this meeting once it has taken place.
followup-outcome-question = What did this meeting lead to?
followup-outcome-no_contact = No further contact
followup-outcome-knowledge_gained = No further contact, but knowledge gained
followup-outcome-valuable_contact = A valuable contact
followup-outcome-negotiation = Negotiations started
followup-outcome-agreement = An agreement was reached
followup-outcome-save = Save answer
followup-answered = Thank you: your answer is saved.
followup-agreement-heading = Record the agreement
followup-agreement-intro = Record the partnership agreement between your two organisations. The support organisation that manages the profile confirms it before it counts.
followup-agreement-profile = Partnering profile it came from
followup-agreement-save = Record the agreement
followup-agreement-recorded = The agreement is recorded; the support organisation will confirm it.
followup-agreement-done = The agreement from this meeting is recorded.
followup-agreement-view = View the agreement

## Statistics

followup-statistics-title = Statistics: { $name }
followup-statistics-intro = Who came, how the meeting requests ended up, what happened on the day and what the meetings led to.
followup-statistics-empty = Nothing to count yet: no one has registered and no meeting has been requested. The figures appear here as they come in.
followup-statistics-manage = Manage the event
followup-figures = Key figures
followup-participants = Participants
followup-requests = Meeting requests
followup-acceptance = Acceptance rate
followup-acceptance-hint = Requests accepted, of those that were answered or expired (withdrawn and pending ones left out).
followup-scheduled = Meetings scheduled
followup-held = Meetings held
followup-no-shows = No-shows
followup-cross-city = Meetings between organisations in different cities
followup-cross-city-detail = { $count } of { $items } scheduled meetings whose organisations' cities are known
followup-average-rating = Average rating
followup-average-rating-detail = { $count ->
    [one] out of 5, from 1 rating
   *[other] out of 5, from { $formatted } ratings
}
followup-answers = Survey answers
followup-agreements = Agreements recorded from the survey
followup-not-yet-figure = not yet
followup-chart-attendance = Participants by attendance
followup-chart-city = Participants by city
followup-chart-requests = Meeting requests by outcome
followup-chart-day = Scheduled meetings on the day
followup-chart-city-pairs = Scheduled meetings by the organisations' cities
followup-chart-ratings = Ratings of the meetings
followup-chart-outcomes = What the meetings led to (survey answers)
followup-col-attendance = Attendance
followup-col-city = City
followup-col-cities = Cities
followup-col-outcome = Outcome
followup-col-rating = Rating
followup-col-participants = Participants
followup-col-requests = Requests
followup-col-meetings = Meetings
followup-col-ratings = Ratings
followup-col-answers = Answers
followup-col-share = Share
followup-no-city = No organisation
followup-request-accepted = Accepted
followup-request-pending = Waiting for an answer
followup-request-declined = Declined
followup-request-expired = Expired
followup-request-cancelled = Withdrawn or cancelled
followup-day-held = Held
followup-day-no-show = No-show
followup-day-unrecorded = Not recorded
followup-rating-value = { $count } of 5

## Refusals

validation-not_held = Only a meeting that was accepted, scheduled and not missed can be rated or followed up.
validation-not_yet = A meeting can be rated once its slot has ended.
validation-event_not_over = The follow-up survey opens when the event is over.
validation-not_agreement = Answer "An agreement was reached" for this meeting first.
validation-no_organisations = An agreement is between two organisations: both of you must have registered for an organisation. Record it from the profile page instead.
validation-profile_required = Choose the partnering profile of either organisation that the agreement came from.
