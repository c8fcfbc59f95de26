# Recommendations (issue 4): matching profiles, research partners, potential partners, SMEs
# that fit a programme, the reasons behind each, and thumbs up/down.

## Sections

matching-recommendations = Recommendations
matching-profiles = Matching profiles
matching-profiles-intro = Published profiles of other organisations that fit this one, best first.
matching-profiles-empty = No matching profiles yet. We will list them here as soon as fitting profiles are published.
matching-profiles-show = Show matching profiles
matching-research-partners = Research partners
matching-research-partners-intro = Organisations with research activity in what this request is about.
matching-research-partners-empty = No research partners found yet.
matching-research-partners-show = Show research partners
matching-partners = Potential partners
matching-partners-in = Potential partners in { $city }
matching-partners-intro = Organisations in the partner city that fit yours and that you have not worked with yet. Only your organisation and support staff see this list.
matching-partners-empty = No potential partners found yet. Describing your activities and adding NACE codes helps.
matching-partners-no-twin = Your city has no partner city on Tandem yet.
matching-partners-show = Show potential partners
matching-smes = SMEs that fit
matching-smes-intro = SMEs and start-ups whose activities fit this programme. Only the programme's staff and support staff see this list.
matching-smes-empty = No fitting SMEs found yet.
matching-smes-show = Show SMEs that fit
matching-back-to-profile = Back to the profile
matching-back-to-organisation = Back to the organisation
matching-back-to-programme = Back to the programme
matching-research-organisation = Research organisation
matching-score = Match: { $count } %
matching-why = Why this was suggested

## Reasons

matching-and = and
matching-side-research = research activity
matching-reason-concepts = Both are about { $items }
matching-reason-words = Shared terms: { $items }
matching-reason-keywords = Same keywords: { $items }
matching-reason-activity = Same line of business: { $label } (NACE { $code })
matching-reason-activity-code = Same line of business (NACE { $code })
matching-reason-complementary = A good fit: { $this } ↔ { $other }
matching-reason-target-country = Based in a country the profile targets: { $country }
matching-reason-partner-city = Based in the partner city { $city }
matching-reason-recent = { $count ->
    [0] Published today
    [one] Published yesterday
   *[other] Published { $count } days ago
}
matching-reason-partners = Both have worked with { $names }
matching-reason-partners-more = Both have worked with { $names } and { $count ->
    [one] one other
   *[other] { $count } others
}
matching-reason-partners-of-partners = Connected through partners of partners
matching-reason-partners-of-partners-via = Connected through partners of partners: { $names }
matching-reason-partners-of-partners-via-more = Connected through partners of partners: { $names } and { $count ->
    [one] one other
   *[other] { $count } others
}
matching-reason-areas = Both active in { $items }

## Feedback

matching-vote-up = Useful: { $title }
matching-vote-down = Not useful: { $title }
matching-feedback-thanks = Thank you for your feedback.
matching-feedback-invalid = This feedback could not be read. Reload the page and try again.
