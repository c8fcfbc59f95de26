# Funder evidence: funded projects and the support they give to enterprises (issue 6).

nav-projects = Projects

## Projects

projects-title = Funded projects
projects-intro = Projects funded to support enterprises: their funder, indicator rulebook, delivery dates and lead organisation.
projects-empty = There are no projects yet.
projects-back = All projects
project-new = New project
project-edit = Edit project
project-created = The project has been set up.
project-saved = The project has been saved.
project-conflict = Someone else changed this project since you opened it. Reload the page and make your change again.
project-settings = Settings
project-none = None
project-targets = Targets
project-targets-none = No targets are set.
project-targets-esif = ERDF England 2014–20 (ESIF-GN-1-002)
project-targets-eu = EU 2021–27 (Regulation (EU) 2021/1058, Interreg)
project-target-for = Target for { $code }
project-indicator = Indicator
project-target = Target
project-support-note = Support given in this project is recorded on each enterprise's support page.
project-hours = { $count } h
project-day-rate-none = not set (advice adds no aid value)

project-field-name = Project name
project-field-lead = Lead organisation
project-field-funder = Funder
project-field-scheme = Scheme or call
project-field-rulebook = Indicator rulebook and version
project-field-agreement-signed-on = Funding agreement signed on
project-field-delivery = Delivery
project-field-starts-on = Delivery starts on
project-field-ends-on = Delivery ends on
project-field-currency = Currency
project-field-hours-threshold = Hours of support that count an enterprise
project-field-day-rate = Market value of a day of advice
project-field-hours-per-day = Hours in a working day
project-field-partners = Delivery partners
project-field-cities = Eligible cities
project-field-excluded-nace = Excluded sectors (NACE codes)

project-hint-lead = The organisation whose staff manage the project.
project-hint-scheme = For example ERDF Priority Axis 1.
project-hint-rulebook = The version in force when the funding agreement was signed.
project-hint-hours-threshold = Commonly 12 hours, e.g. 12 or 12.5.
project-hint-day-rate = Used to value advice as aid, e.g. 650 or 650.00. Leave blank if none is set.
project-hint-hours-per-day = For example 7.5.
project-hint-partners = Support organisations that also deliver the project. Hold Ctrl (or Cmd) to choose several.
project-hint-excluded-nace = Codes at any level, separated by commas, e.g. 01, 03.1, 64.19.
project-hint-targets = Whole numbers; leave an indicator blank if the project has no target for it.

project-funder-erdf_england_2014_20 = ERDF England 2014–20
project-funder-erdf_2021_27 = ERDF 2021–27
project-funder-interreg_2021_27 = Interreg 2021–27
project-funder-uk_spf = UK Shared Prosperity Fund
project-funder-other = Other funder

project-rulebook-esif_gn_1_002 = ESIF-GN-1-002 (ERDF England 2014–20)
project-rulebook-eu_2021_1058 = Regulation (EU) 2021/1058
project-rulebook-interreg_2021_1059 = Regulation (EU) 2021/1059 (Interreg)

project-currency-GBP = Pound sterling (GBP)
project-currency-EUR = Euro (EUR)

## Support records

support-log = Log support
support-new = Log support
support-edit = Correct a support record
support-recorded = The support has been recorded.
support-saved = The support record has been corrected.
support-conflict = Someone else changed this record since you opened it. Reload the page and make your change again.
support-withdrawn = The record has been withdrawn. It stays as evidence and counts nowhere.
support-evidence-uploaded = The evidence file has been uploaded.
support-form-intro = Record one engagement: who gave the support, when, how many hours and what the enterprise received.

support-field-project = Project
support-field-enterprise_id = Enterprise
support-field-support_org_id = Support organisation
support-field-adviser_name = Adviser
support-field-delivered_on = Date
support-field-hours = Hours
support-field-activity = Activity
support-field-written_output = Written output
support-field-amount = Amount
support-field-grant_amount = Grant amount
support-field-loan_amount = Loan amount
support-field-loan_aid_value = Aid value of a loan (gross grant equivalent)
support-field-aid_value = Aid value
support-field-withdrawn_at = Withdrawn on
support-field-withdrawn_reason = Reason for withdrawal
support-field-file_name = File
support-field-media_type = File type
support-field-size = Size

support-hint-delivered-on = The day the support was given, within the project's delivery dates.
support-hint-hours = For example 2 or 1.5.
support-hint-written-output = The specific output the enterprise received, e.g. its action plan. Advice counts only when it is specific to the business.
support-hint-amount = Grants and loans only.
support-hint-aid-value = Loans only: the gross grant equivalent the loan carries. A grant counts at its amount.

support-activity-diagnostic = Diagnostic
support-activity-one_to_one_advice = One-to-one advice
support-activity-workshop = Workshop
support-activity-grant = Grant
support-activity-loan = Loan
support-activity-mentoring = Mentoring
support-activity-event_participation = Event participation

support-title = Support for { $name }
support-totals = Hours per project
support-empty = No support has been recorded for this enterprise yet.
support-hours-of = { $this } of { $other } hours
support-reached = Threshold reached
support-not-reached = Threshold not reached
support-records = Records
support-evidence = Evidence
support-evidence-none = No files yet.
support-evidence-field = Evidence file
support-evidence-upload = Upload evidence
support-withdraw = Withdraw record
support-withdraw-reason = Reason for withdrawal
support-withdraw-hint = A withdrawn record stays as evidence but counts nowhere.
support-withdrawn-note = Withdrawn on { $this }: { $other }
support-back = Back to the organisation

support-history = History
support-history-when = When
support-history-who = Who
support-history-action = Action
support-history-record = Record
support-history-changes = Changes
support-history-field = Field
support-history-before = Before
support-history-after = After
support-history-system = the system
support-history-a-user = a user
support-action-created = Recorded
support-action-updated = Corrected
support-action-withdrawn = Withdrawn
support-action-evidence_added = Evidence added

support-section = Support received
support-section-text = Support given to this enterprise in funded projects, with its evidence.
support-section-link = Show the support records

## Validation messages (German readers get these; English readers the detailed message)

validation-before_start = The end must not be before the start.
validation-invalid_hours = Enter hours such as 2 or 1.5.
validation-invalid_amount = Enter an amount such as 5000 or 5,000.00.
validation-unknown_rulebook = Choose an indicator rulebook and version.
validation-invalid_target = Enter the target as a whole number.
validation-not_delivery = Choose one of the organisations that deliver this project.
validation-not_enterprise = Support is recorded for enterprises only.
validation-self_support = An organisation cannot record support to itself.
validation-outside_project = The date is outside the project's delivery dates.
validation-not_financial = Only a grant or a loan has an amount.

# Pre-start clients (ERDF P11) and the programme support was delivered under
support-pre-start = Pre-start client
support-pre-start-hint = Not yet trading: this project counts its support under P11 (potential entrepreneurs) only, not as an enterprise's.
support-pre-start-mark = Mark as a pre-start client
support-pre-start-unmark = No longer a pre-start client
support-pre-start-marked = Marked as a pre-start client of the project: its support now counts under P11 only.
support-pre-start-unmarked = No longer a pre-start client: its support counts as an enterprise's again.
support-action-pre_start_marked = Marked as a pre-start client
support-action-pre_start_unmarked = No longer a pre-start client
support-field-programme_id = Programme
support-hint-programme = The programme of the support organisation this support was part of, if any (shown by programme on the project dashboard).
support-programme-none = None
