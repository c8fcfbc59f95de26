# Partnering marketplace: profiles, lifecycle, marketplace search.

nav-marketplace = Marketplace

## Profiles and marketplace pages

profile-type-bo = Business offer
profile-type-br = Business request
profile-type-to = Technology offer
profile-type-tr = Technology request
profile-type-rdr = R&D request

profile-language-en = English
profile-language-de = German

partnership-commercial_agency = Commercial agency
partnership-distribution = Distribution
partnership-franchise = Franchise
partnership-joint_venture = Joint venture
partnership-licensing = Licence agreement
partnership-manufacturing = Manufacturing agreement
partnership-outsourcing = Outsourcing or subcontracting
partnership-research_cooperation = Research cooperation
partnership-technical_cooperation = Technical cooperation
partnership-acquisition = Acquisition
partnership-financial_agreement = Financial agreement
partnership-services_agreement = Services agreement

partner-sought-sme_le_10 = SME with up to 10 employees
partner-sought-sme_11_49 = SME with 11–49 employees
partner-sought-sme_50_249 = SME with 50–249 employees
partner-sought-large_company = Large company
partner-sought-rd_institution = R&D institution
partner-sought-university = University
partner-sought-other = Other

stage-concept = Concept
stage-under_development = Under development
stage-lab_tested = Tested in the laboratory
stage-prototype = Prototype available
stage-field_tested = Tested in the field
stage-on_the_market = Already on the market

ipr-none = No protection
ipr-patent_applied = Patent applied for
ipr-patent_granted = Patent granted
ipr-copyright = Copyright
ipr-design_rights = Design rights
ipr-trade_marks = Trade marks
ipr-secret_know_how = Secret know-how
ipr-other = Other

size-band-micro = fewer than 10 employees
size-band-small = 10–49 employees
size-band-medium = 50–249 employees
size-band-large = 250 employees or more
size-band-unknown = size not stated

profile-state-draft = Draft
profile-state-submitted = Submitted for review
profile-state-returned = Returned for changes
profile-state-published = Published
profile-state-expired = Expired
profile-state-archived = Archived
profile-state-withdrawn = Withdrawn

profile-event-created = Draft created
profile-event-edit = Changed
profile-event-submit = Submitted for review
profile-event-approve = Approved and published
profile-event-return = Returned for changes
profile-event-withdraw = Withdrawn
profile-event-extend = Extended
profile-event-expire = Expired
profile-event-archive = Archived
profile-event-expiry_notice = Expiry notice sent

profile-quality-required = This field must be filled in before the profile can be submitted.
profile-quality-contact_details = Remove contact details: interest reaches you through your support organisation.
profile-quality-web_address = Remove web addresses: the profile stays anonymous until an introduction.
profile-quality-patent_number = Remove patent numbers: they identify the owner.
profile-quality-owner_name = Remove the organisation's own name: the profile is anonymous.
profile-quality-direct_sales = Profiles look for partners, not customers: remove the sales wording.
profile-quality-large_company_offer = Large companies may publish requests only: choose a request type.
profile-quality-deadline_passed = This deadline has passed: correct it or withdraw the profile.

profile-error-unknown_city = Choose the target cities from the list of the partnership's cities.
profile-error-wrong_state = This is not possible in the profile's current state.
profile-error-already_extended = This profile has been extended once already; it cannot be extended again.
profile-error-outside_extension_window = A profile can be extended from 30 days before it expires until a year after.
profile-error-invalid_extension_length = An extension lasts from 1 to 365 days.
profile-error-not_editable = Only drafts and returned profiles can be changed. Withdraw this one and start a new draft.
profile-error-conflict = Someone else changed this profile since you opened it. Reload the page and make your change again.
profile-error-too_many = Too many entries: at most 5 keywords of each kind, 5 NACE codes, 3 partnership types and 30 countries.
profile-error-unknown_keyword = This keyword is not in the list. Choose one from the list.
profile-error-invalid_country = Write countries as two-letter codes such as DE or GB, separated by commas.
profile-error-invalid_date = Write the date as YYYY-MM-DD, e.g. 2027-03-31.
profile-error-after_call_deadline = The deadline for expressions of interest must be on or before the call deadline.
profile-error-out_of_range = Enter a whole number of months from 1 to 120.
profile-error-not_an_enterprise = Profiles are written for enterprises and research organisations, not for support organisations.
profile-error-not_a_support_organisation = Choose a support organisation from the list.
profile-error-unknown = Choose an organisation from the list.
profile-error-required = This field is required.

profile-field-owner_org_id = Organisation the profile speaks for
profile-field-support_org_id = Managing support organisation
profile-field-profile_type = Type of profile
profile-field-language = Language of the profile
profile-field-title = Title
profile-field-summary = Summary
profile-field-description = Description
profile-field-partner_role = Expected role of the partner
profile-field-advantages = Advantages and innovations
profile-field-technical_specification = Technical specification or expertise sought
profile-field-stage_of_development = Stage of development
profile-field-ipr_status = IPR status
profile-field-keywords_market = Market keywords
profile-field-keywords_technology = Technology keywords
profile-field-nace_codes = NACE codes
profile-field-sdgs = Sustainable Development Goals
profile-field-partnership_types = Type of partnership
profile-field-partner_sought = Partner sought
profile-field-target_countries = Target countries
profile-field-target_cities = Target cities of the partnership
profile-field-call_programme = Funding programme
profile-field-call_identifier = Call identifier
profile-field-call_eoi_deadline = Deadline for expressions of interest
profile-field-call_deadline = Call deadline
profile-field-call_budget = Budget
profile-field-call_coordinator_required = The partner sought must coordinate the project
profile-field-call_duration_months = Project duration (months)

sdg-1 = No poverty
sdg-2 = Zero hunger
sdg-3 = Good health and well-being
sdg-4 = Quality education
sdg-5 = Gender equality
sdg-6 = Clean water and sanitation
sdg-7 = Affordable and clean energy
sdg-8 = Decent work and economic growth
sdg-9 = Industry, innovation and infrastructure
sdg-10 = Reduced inequalities
sdg-11 = Sustainable cities and communities
sdg-12 = Responsible consumption and production
sdg-13 = Climate action
sdg-14 = Life below water
sdg-15 = Life on land
sdg-16 = Peace, justice and strong institutions
sdg-17 = Partnerships for the goals

profile-hint-max-chars = At most { $formatted } characters.
profile-hint-anonymous = Keep it anonymous: no names, brands, web addresses, email addresses, phone or patent numbers.
profile-hint-advantages = For offers: what is new, and why a partner benefits.
profile-hint-technical-specification = For requests: what exactly is sought, and the expertise needed.
profile-hint-keywords = Hold Ctrl (Cmd on a Mac) to choose several; at most 5.
profile-hint-nace = Codes separated by commas, e.g. 62.01, 72.19. Up to 5.
profile-hint-countries = Two-letter codes separated by commas, e.g. DE, GB, FR. Leave empty for any country.
profile-hint-date = As YYYY-MM-DD, e.g. 2027-03-31.
profile-hint-partnership-types = Usually one to three.
profile-hint-support = The support organisation reviews the profile and receives expressions of interest.
profile-none = None
profile-owner-fixed = Written for

profile-section-basics = Basics
profile-section-texts = Texts
profile-section-technology = Technology
profile-section-technology-hint = Required for technology offers.
profile-section-keywords = Keywords and sectors
profile-section-partnership = Partnership sought
profile-section-call = Funding call (R&D requests)
profile-section-call-hint = Only for R&D requests: the call the consortium is being formed for.

profile-new = New partnering profile
profile-edit = Edit profile
profile-created = The draft has been saved. The list below shows what is still missing before it can be submitted.
profile-saved = The profile has been saved.
profile-submitted = The profile has been submitted for review.
profile-approved = The profile has been approved and published.
profile-returned = The profile has been returned to its authors with your comments.
profile-withdrawn = The profile has been withdrawn.
profile-extended = The profile has been extended.
profile-not-editable = This profile can no longer be edited.
profile-no-owners = You are not a member of an organisation that could publish a profile. Register your organisation in the directory first.

profile-state = Status
profile-published-on = Published on
profile-expires-on = Expires on
profile-expired-on = Expired on
profile-extended-note = Extended once already.
profile-language = Language
profile-stage-ipr = Stage of development and IPR
profile-keywords = Keywords
profile-sectors = Sectors (NACE)
profile-call = Funding call
profile-call-eoi-deadline = Express interest by
profile-call-coordinator-yes = Yes, the partner sought must coordinate.
profile-owner = Who is behind this profile
profile-owner-anonymous = An organisation in { $city }
profile-owner-kind = Type of organisation
profile-owner-size = Size
profile-owner-anonymous-note = The organisation stays anonymous until its support organisation introduces you.
profile-support = Managed by
profile-review-comments = Comments from the review
profile-problems = Before you can submit
profile-problems-intro = Fix these points; each link opens the field in the form.
profile-problems-none = The profile passes the quality check and can be submitted.
profile-problem-found = Found:
profile-cannot-submit = This profile cannot be submitted yet
profile-action-failed = This did not work
profile-actions = What you can do
profile-action-edit = Edit
profile-action-submit = Submit for review
profile-action-withdraw = Withdraw…
profile-withdraw-confirm-text = Withdrawing takes the profile off the marketplace for good. Expressions of interest can no longer be sent.
profile-withdraw-confirm = Yes, withdraw this profile
profile-action-extend = Extend
profile-extend-days = Extend by (days)
profile-review = Review
profile-review-intro = Check that the profile is anonymous, complete and seeks a partnership, not customers.
profile-approve-comment = Comment for the authors (optional)
profile-action-approve = Approve and publish
profile-return-comments = What should the authors change?
profile-action-return = Return for changes
profile-comments-required = Say what the authors should change.
profile-days-invalid = Enter a number of days from 1 to 365.
profile-timeline = Timeline
profile-timeline-by-system = automatically
profile-interest = Interested?
profile-interest-text = Tell the support organisation why you are interested; it will introduce you if there is a match.
profile-interest-action = Express interest

profiles-mine-title = My profiles
profiles-mine-empty = You have no profiles yet.
profiles-open-interests = { $count ->
    [0] no open expressions of interest
    [one] { $formatted } open expression of interest
   *[other] { $formatted } open expressions of interest
}
profiles-column-title = Title
profiles-column-organisation = Organisation
profiles-column-type = Type
profiles-column-state = Status
profiles-column-changed = Last changed
profiles-column-interests = Open interest

pipeline-title = Our profile pipeline
pipeline-to-review = Waiting for review
pipeline-to-review-empty = No profiles are waiting for review.
pipeline-managed = Profiles we manage
pipeline-managed-empty = Your organisation manages no profiles yet.

marketplace-title = Partnering marketplace
marketplace-intro = Business, technology and research partnership opportunities from Birmingham and Leipzig. Organisations stay anonymous until their support organisation introduces you.
marketplace-search-label = Search profiles
marketplace-search-placeholder = e.g. virtual reality, sensors, laboratory services
marketplace-search-button = Search
marketplace-any = Any
marketplace-facet-type = Type
marketplace-facet-city = City
marketplace-facet-country = Country
marketplace-facet-language = Language
marketplace-facet-nace = Sector (NACE division)
marketplace-facet-market = Market
marketplace-facet-technology = Technology
marketplace-facet-partnership = Partnership
marketplace-count = { $count ->
    [0] No profiles found
    [one] { $formatted } profile found
   *[other] { $formatted } profiles found
}
marketplace-empty = No published profile matches. Try fewer filters or other words.
marketplace-my-searches = Your saved searches
marketplace-save-search = Save this search and get an alert for new profiles
marketplace-new-profile = New profile
marketplace-my-profiles = My profiles
marketplace-pipeline = Pipeline
