# Subsidy ledgers: EU de minimis and UK Minimal Financial Assistance (issue 6, item 4).

ledger-title = Subsidy ledger of { $name }
ledger-support-link = Support records
ledger-link-from-support = Subsidy ledger
ledger-on = Read the ledger on
ledger-on-show = Show
ledger-summary-heading = Ceiling and headroom
ledger-regime = Rules
ledger-window = Period counted
ledger-used = Aid counted
ledger-ceiling = Ceiling
ledger-headroom = Left before the ceiling
ledger-level-near = Near the ceiling
ledger-level-over = Above the ceiling
ledger-summary-hint = Aid counts on the day it is granted, advice at its market value; the enterprises of a single undertaking share one ceiling.
ledger-summary = { $regime }: { $used } used of { $ceiling } from { $from } to { $to }; { $headroom } left.
ledger-regime-de-minimis-2023 = EU de minimis, Regulation (EU) 2023/2831: €300,000 over any three years
ledger-regime-de-minimis-2013 = EU de minimis, Regulation (EU) No 1407/2013: €200,000 over three fiscal years
ledger-regime-mfa = UK Minimal Financial Assistance, Subsidy Control Act 2022 s.36: £315,000 over the current and the two previous financial years
ledger-not-covered = No ledger rules are kept for aid before { $this }.
ledger-no-ledger = Enterprises in { $country } have no subsidy ledger here: Tandem keeps EU de minimis and UK Minimal Financial Assistance.

ledger-group = Single undertaking
ledger-group-hint = Enterprises linked by control count as one recipient; the aid of those established in the same country counts here.
ledger-counted = Aid counted
ledger-counted-none = No aid in the period counted.
ledger-col-date = Granted
ledger-col-enterprise = Enterprise
ledger-col-source = From
ledger-col-amount = Amount
ledger-col-ledger-amount = In the ledger's currency
ledger-source-support = Support record, { $name }
ledger-source-declared = Declared: { $name }
ledger-unconverted = This aid is not counted because it needs an exchange rate into the ledger's currency: correct it and give the rate.
ledger-unconverted-item = { $date }: { $amount } (rate into { $currency } missing)

ledger-declarations = Aid declared from other grantors
ledger-declarations-none = No aid has been declared.
ledger-declaration-rate = Rate { $rate } ({ $source })
ledger-declared-on = Declared on { $this }
ledger-declaration-withdraw = Withdraw declaration
ledger-declaration-withdrawn = The declaration has been withdrawn. It stays on record and counts nowhere.
ledger-declare = Declare aid
ledger-declare-intro = Aid the enterprise received from another grantor counts towards the same ceiling. Enter it as declared: who granted it, when the right to it was conferred and its gross value.
ledger-declared = The aid has been declared.
ledger-field-grantor = Grantor
ledger-hint-grantor = The body that granted the aid, e.g. Sächsische Aufbaubank.
ledger-field-description = What it was for
ledger-field-granted_on = Granted on
ledger-hint-granted-on = The day the right to the aid was conferred, not the day it was paid.
ledger-field-amount = Gross aid value
ledger-hint-amount = Grants at their amount, other aid at its gross grant equivalent.
ledger-field-currency = Currency
ledger-hint-currency = Three-letter code, e.g. EUR or GBP.
ledger-field-rate = Exchange rate
ledger-hint-rate = Only when the currency is not the ledger's: how many units of the ledger's currency one unit is worth, e.g. 0.8532.
ledger-field-rate_source = Source of the rate
ledger-hint-rate-source = Where the rate comes from and its date, e.g. ECB reference rate of 3 March 2025.
ledger-field-declared_on = Declared on

ledger-links = Control links
ledger-links-none = No control links.
ledger-link-text = { $this } controls { $other }: { $relation }
ledger-link-remove = Remove link
ledger-link-removed = The link has been removed.
ledger-link = Link an enterprise
ledger-link-intro = Enterprises linked by control are one recipient ("single undertaking") and share one ceiling.
ledger-linked = The enterprises have been linked.
ledger-field-other_id = Other enterprise
ledger-field-direction = Who controls whom
ledger-direction-controls = { $name } controls the other enterprise
ledger-direction-controlled-by = The other enterprise controls { $name }
ledger-field-relation = How
ledger-hint-relation = Material influence counts for UK Minimal Financial Assistance only (Subsidy Control Act 2022 s.8(2)).
ledger-relation-majority_of_voting_rights = majority of the voting rights (Art. 2(2)(a))
ledger-relation-appoints_majority_of_board = right to appoint or remove a majority of the board (Art. 2(2)(b))
ledger-relation-dominant_influence_by_contract_or_articles = dominant influence by contract or articles (Art. 2(2)(c))
ledger-relation-majority_of_voting_rights_by_agreement = majority of the voting rights under an agreement with other shareholders (Art. 2(2)(d))
ledger-relation-material_influence = material influence on the commercial policy (UK s.8(2))

ledger-mfa-letter = MFA notification letter (PDF)
ledger-ceiling-check = Subsidy ledger

support-field-aid_rate = Exchange rate into the enterprise's ledger currency
support-hint-aid-rate = Only when the enterprise's subsidy ledger is kept in another currency than the project's, e.g. 0.8532 pounds per euro.
support-field-aid_rate_millionths = Exchange rate
support-field-confirm_ceiling = Record it anyway

validation-invalid_rate = Write the exchange rate as a number above zero, e.g. 0.8532.
validation-rate_required = The amount is in another currency than the enterprise's subsidy ledger: give the exchange rate.
validation-over_ceiling = This aid would take the enterprise above its subsidy ceiling.
validation-near_ceiling = This aid takes the enterprise near its subsidy ceiling: confirm that you want to record it anyway.
validation-invalid_currency = Write the currency as its three-letter code, e.g. EUR or GBP.
validation-before_grant = Aid is declared once it was granted: the declaration cannot be dated earlier.
validation-self_link = An enterprise cannot control itself: choose two different enterprises.
validation-duplicate_link = These enterprises are linked already: remove the old link first to change it.
validation-not_this_enterprise = One of the two enterprises must be the one whose ledger this is.

## Correcting a declaration; the history of declarations and control links

ledger-declaration-correct = Correct
ledger-declaration-edit = Correct a declaration
ledger-declaration-edit-intro = Correct the declaration as the enterprise made it. The history on the ledger page keeps what it said before.
ledger-declaration-saved = The declaration has been corrected.
ledger-declaration-conflict = Someone else changed this declaration since you opened it. Reload the page and make your change again.
ledger-field-controller_id = Controlling enterprise
ledger-field-controlled_id = Controlled enterprise
ledger-field-removed_at = Removed on
support-action-removed = Removed
