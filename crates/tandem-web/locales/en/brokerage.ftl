# Expressions of interest, introductions, partnership agreements and the public statistics.

brokerage-choose = Choose…
brokerage-interests = Expressions of interest
brokerage-interests-empty = No expressions of interest yet.
brokerage-my-interest = Your expression of interest
brokerage-record-agreement = Record a partnership agreement

## Expressing interest

interest-form-title = Express interest
interest-form-intro = Your answers go to the support organisation that manages this profile. If there is a match, it introduces you to each other: names and contact details are exchanged only then, by email to both sides.
interest-field-from-org = On behalf of
interest-field-from-org-hint = The organisation you write for.
interest-field-cooperation = What cooperation are you looking for?
interest-field-missing = What is missing from the profile? Questions for its owner
interest-field-who = Who are you?
interest-field-who-hint = Your organisation, what it does, and why it would be a good partner.
interest-optional = (optional)
interest-send = Send expression of interest
interest-sent = Your expression of interest has been sent to the support organisation that manages the profile.
interest-no-orgs = To express interest you need to belong to an organisation. Register your organisation in the directory first.
interest-not-published = This profile is not in the marketplace, so it cannot receive expressions of interest.
interest-owner-anonymous = An organisation in { $city }

interest-state-submitted = Waiting for an answer
interest-state-introduced = Introduced
interest-state-declined = Declined
interest-state-withdrawn = Withdrawn

interest-step-submitted = Sent
interest-step-introduced = Introduced to each other
interest-step-declined = Declined
interest-step-withdrawn = Withdrawn

## The interests page

interests-title = Expressions of interest
interests-pipeline = Interest in the profiles we manage
interests-pipeline-intro = Introduce the parties if there is a match (both then receive each other's contact details by email), or decline with a reason.
interests-pipeline-empty = No expressions of interest yet.
interests-to-confirm = Agreements to confirm
interests-to-confirm-empty = No agreements are waiting for confirmation.
interests-sent = Sent by my organisations
interests-sent-empty = Your organisations have not expressed interest in a profile yet.
interests-agreements = Our partnership agreements
interests-agreements-empty = No agreements recorded yet.

interest-column-from = From
interest-profile-owner = Profile owner
interest-answer-cooperation = Cooperation sought
interest-answer-missing = Missing from the profile
interest-answer-who = Who we are
interest-decline-reason = Reason
interest-timeline = Timeline
interest-action-introduce = Introduce the parties
interest-action-decline = Decline
interest-decline-reason-label = Reason for declining (the interested organisation will read it)
interest-action-withdraw = Withdraw
interest-action-record-agreement = Record an agreement
interest-introduced = The parties have been introduced. Both have been emailed the other's contact details.
interest-declined = The expression of interest has been declined. The interested organisation has been told why.
interest-withdrawn = Your expression of interest has been withdrawn.
interest-introduced-note = You have been introduced: the contact details came by email.

## Partnership agreements

agreement-category-business = Business agreement
agreement-category-technology = Technology agreement
agreement-category-research = Research agreement

agreement-type-trade_intermediary = Trade intermediary (agency, distribution)
agreement-type-franchise = Franchise
agreement-type-joint_venture = Joint venture
agreement-type-merger_shares = Merger or acquisition of shares
agreement-type-reciprocal_production = Reciprocal production
agreement-type-subcontracting_outsourcing = Subcontracting or outsourcing
agreement-type-transport_logistics = Transport and logistics
agreement-type-technology_licensing = Licence agreement
agreement-type-technology_other_transfer = Other technology transfer
agreement-type-research_joint_proposal = Joint research proposal submitted

agreement-state-recorded = Waiting for confirmation
agreement-state-confirmed = Confirmed
agreement-state-rejected = Rejected

agreement-form-title = Record a partnership agreement
agreement-form-intro = Record an agreement that came from this profile. The support organisation that manages the profile confirms it; from then on it counts in the statistics.
agreement-field-partner = Partner organisation
agreement-field-type = Type of agreement
agreement-field-signed-on = Date signed
agreement-field-signed-on-hint = As YYYY-MM-DD, e.g. 2026-11-27; today or earlier.
agreement-field-summary = What was agreed
agreement-field-summary-hint = A sentence or two for the support organisation; it is not published.
agreement-partners-introduced = Introduced through this profile
agreement-partners-other = Other organisations
agreement-from-interest = This agreement comes from the introduction of { $name }.
agreement-no-partners = There is no partner to choose yet: an agreement is recorded with an organisation you were introduced to.
agreement-save = Record agreement
agreement-recorded = The agreement has been recorded. The support organisation has been asked to confirm it; upload the evidence below.

agreement-title = Partnership agreement
agreement-profile = Profile
agreement-owner = Profile owner
agreement-partner = Partner
agreement-type = Type
agreement-signed-on = Signed on
agreement-state = Status
agreement-summary = What was agreed
agreement-decide = Confirmation
agreement-decide-intro = As the support organisation that manages the profile, confirm the agreement once the evidence shows it was signed, or reject it.
agreement-action-confirm = Confirm agreement
agreement-action-reject = Reject
agreement-confirmed = The agreement has been confirmed and now counts in the statistics.
agreement-rejected = The agreement has been rejected.
agreements-on-profile = Partnership agreements

agreement-evidence = Evidence
agreement-evidence-empty = No evidence uploaded yet.
agreement-evidence-field = File (PDF, PNG or JPEG, at most 10 MB)
agreement-evidence-hint = The signed contract, a letter of intent, the proposal's submission receipt…
agreement-evidence-upload = Upload evidence
agreement-evidence-uploaded = The evidence file has been uploaded.
agreement-evidence-too-large = The file is too large: evidence files may have at most 10 MB.
evidence-size-kb = { $formatted } KB

## Statistics

statistics-title = Partnering in numbers
statistics-intro = Aggregate figures of the Birmingham–Leipzig partnering marketplace. No organisation is named.
statistics-agreements = Partnership agreements
statistics-agreements-total = { $count ->
    [0] No confirmed partnership agreements yet
    [one] { $formatted } confirmed partnership agreement
   *[other] { $formatted } confirmed partnership agreements
}
statistics-by-category = By category
statistics-by-type = By type
statistics-by-cities = Between cities
statistics-introductions = Introductions
statistics-introductions-total = { $count ->
    [0] No introductions yet
    [one] { $formatted } introduction made
   *[other] { $formatted } introductions made
}
statistics-profiles = Profiles in the marketplace
statistics-profiles-empty = No profiles are published at the moment.
statistics-city = City
statistics-type = Type
statistics-category = Category
statistics-count = Number
statistics-total = Total
statistics-owner-city = Profile from
statistics-partner-city = Partner from
statistics-interested-city = Interested organisation from

## Field problems (German readers get these for the codes; English readers the detailed message)

validation-not_published = This profile is not in the marketplace (any more), so it cannot receive expressions of interest.
validation-own_profile = An organisation cannot express interest in its own profile.
validation-interest_open = Your organisation's expression of interest in this profile is still waiting for an answer.
validation-in_future = The agreement must already be signed: use a date up to today.
validation-invalid_date = Write the date as YYYY-MM-DD, e.g. 2026-11-27.
validation-same_as_owner = The partner must be another organisation than the profile's owner.
validation-unknown_org = Choose the partner organisation from the list.
validation-not_introduced = An agreement can only come from an expression of interest whose parties were introduced.
validation-other_interest = This introduction is not between this profile and this partner.
validation-file_type = Upload a PDF, PNG or JPEG file (the content, not just the name, must be one of these).
validation-file_too_large = The file is too large: evidence files may have at most 10 MB.
