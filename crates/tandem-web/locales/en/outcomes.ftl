# Outcomes of supported enterprises: business starts, employment, innovation, research
# cooperation and private investment, counted by the result indicators (issue 6, item 5).

outcomes-title = Outcomes of { $name }
outcomes-intro = What the enterprise achieved in funded projects, with the evidence: the business start (C5, RCO05), employment before and after support (C8, RCR01), innovations (C28, C29, RCR03), cooperation with research entities (C26) and private investment (RCR02).
outcomes-support-link = Support records
outcomes-link = Show the outcomes (business start, employment, innovation, research cooperation, private investment)
outcomes-list = Recorded outcomes
outcomes-empty = No outcomes have been recorded for this enterprise yet.
outcomes-back = Back to the organisation

outcomes-record = Record an outcome
outcomes-record-intro = Choose the project and what the outcome records, then fill in the fields for that kind only: the fields of other kinds are ignored.
outcomes-record-submit = Record outcome
outcomes-recorded = The outcome has been recorded.
outcomes-withdrawn = The outcome has been withdrawn. It stays as evidence and counts nowhere.
outcomes-evidence-uploaded = The evidence file has been uploaded.
outcomes-conflict = Someone else changed this outcome since you opened it. Reload the page and make your change again.

outcomes-evidence = Evidence
outcomes-evidence-none = No files yet.
outcomes-evidence-field = Evidence file
outcomes-evidence-upload = Upload evidence
outcomes-withdraw = Withdraw outcome
outcomes-withdraw-reason = Reason for withdrawal
outcomes-withdraw-hint = A withdrawn outcome stays as evidence but counts nowhere.
outcomes-withdrawn-note = Withdrawn on { $this }: { $other }

outcomes-field-project_id = Project
outcomes-field-kind = What the outcome records
outcomes-field-date = Date
outcomes-field-start_evidence = What shows the start
outcomes-field-fte = Employment
outcomes-field-confirmed_in_writing = The enterprise confirmed this figure in writing
outcomes-field-novelty = New to
outcomes-field-innovation_kind = Product or process
outcomes-field-research_entity_id = Research entity
outcomes-field-amount = Private investment
outcomes-field-matches = Public support it matches
outcomes-field-note = Note

outcomes-hint-date = The day the business started, the baseline or figure applies to, the innovation was introduced, the cooperation began or the money was invested.
outcomes-hint-fte = Full-time equivalents, e.g. 4 or 12.5. A baseline is set before support begins.
outcomes-hint-amount = In the project's currency, e.g. 25000 or 25,000.00.
outcomes-hint-note = What the evidence shows and where the original is kept.

outcomes-group-business_start = Business start (C5, RCO05)
outcomes-group-employment = Employment baseline or figure (C8, RCR01)
outcomes-group-innovation = Innovation (C28, C29, RCR03)
outcomes-group-research_cooperation = Research cooperation (C26)
outcomes-group-private_investment = Private investment (RCR02)

outcomes-kind-business_start = Business start
outcomes-kind-employment_baseline = Employment baseline
outcomes-kind-employment_figure = Employment figure
outcomes-kind-innovation = Innovation
outcomes-kind-research_cooperation = Research cooperation
outcomes-kind-private_investment = Private investment

outcomes-start_evidence-registration = Registration (Companies House, HMRC or the national register)
outcomes-start_evidence-other_trading_record = Another record of trading (first invoice, bank statement)
outcomes-novelty-new_to_market = New to the market
outcomes-novelty-new_to_firm = New to the firm
outcomes-innovation_kind-product = Product (good or service)
outcomes-innovation_kind-process = Process
outcomes-matches-grant = A grant
outcomes-matches-financial_instrument = A financial instrument (loan)

outcomes-fte = { $count } FTE
outcomes-confirmed = confirmed in writing
outcomes-not-confirmed = not confirmed in writing

## Validation messages (German readers get these; English readers the detailed message)

validation-invalid_fte = Enter full-time equivalents such as 4 or 12.5.
validation-one_per_enterprise = The enterprise already has one of these in this project: correct or withdraw it instead.
validation-not_research_entity = Choose a university department or research organisation.
validation-self_cooperation = An enterprise cannot cooperate with itself.
validation-outcome_not_enterprise = Outcomes are recorded for enterprises only.
validation-not_yet_happened = Record an outcome once it has happened: use a date up to today.

## Correcting an outcome

outcomes-correct = Correct
outcomes-edit = Correct an outcome
outcomes-edit-intro = Correct what was recorded: the kind, the date, the fields of that kind or the note. The outcome stays in its project; the history on the outcomes page keeps what it said before.
outcomes-saved = The outcome has been corrected.
