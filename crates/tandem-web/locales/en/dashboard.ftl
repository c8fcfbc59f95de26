# A funded project's dashboard: indicators against targets, charts, each indicator's evidence
# and near misses, the claim download (issue 6, item 6).

dashboard-link = Dashboard and claim
dashboard-title = Dashboard: { $name }
dashboard-period = Reporting period
dashboard-field-from = From
dashboard-field-to = To
dashboard-hint-date = As YYYY-MM-DD. Left blank: from the project's start, to today within its delivery dates.
dashboard-show = Show
dashboard-back = Back to the project
dashboard-back-to = Back to the dashboard

dashboard-claim = Claim for this period
dashboard-claim-xlsx = Download the claim (XLSX)
dashboard-claim-csv = as CSV
dashboard-claim-bad-format = Ask for the claim as csv or xlsx.

dashboard-indicators = Indicators
dashboard-indicators-note = An enterprise counts once per indicator over the whole project; the period shows those that met every condition in it. Follow a code for the evidence of each count and what the near misses lack.
dashboard-code = Code
dashboard-unit = Unit
dashboard-achieved = Achieved
dashboard-percent = Of target
dashboard-parts = Of which
dashboard-near-misses = Near misses
dashboard-source = Definition
dashboard-unit-enterprises = enterprises
dashboard-unit-organisations = organisations
dashboard-unit-fte = full-time equivalents

dashboard-part-micro = micro
dashboard-part-small = small
dashboard-part-medium = medium
dashboard-part-large = large
dashboard-part-grants = grants
dashboard-part-financial-instruments = financial instruments

dashboard-charts = Charts
dashboard-charts-note = The charts by city, sector, support organisation and month count the entries of { $label }.
dashboard-charts-empty = No enterprise counts in this period yet, so there is nothing to break down.
dashboard-chart-targets = Achieved against targets
dashboard-chart-targets-value = Achieved of target
dashboard-of-target = { $this } of { $other } ({ $label })
dashboard-chart-count = Counted
dashboard-share = Share
dashboard-unknown = Not known
dashboard-chart-city = { $code } by city
dashboard-city = City
dashboard-chart-sector = { $code } by sector (NACE section)
dashboard-sector = Sector
dashboard-no-sector = No NACE code given
dashboard-chart-support-org = { $code } by support organisation (an enterprise supported by two counts under both)
dashboard-chart-programme = { $code } by programme (support under two programmes counts the enterprise under both)
dashboard-no-programme = Not under a programme
dashboard-link-agreement = Partnership agreement ({ $label })
dashboard-link-unconfirmed = Partnership agreement ({ $label }), awaiting the partner's confirmation
dashboard-link-meeting = B2B meeting held at { $name }
dashboard-chart-month = { $code } by month of qualification
dashboard-month = Month

dashboard-counted = Counted in this period
dashboard-counted-none = Nothing counts under this indicator in this period.
dashboard-counted-note = Each entry with the records that qualify it; follow a record to the enterprise's support page and its evidence.
dashboard-subject = Enterprise or organisation
dashboard-counted-on = Counted on
dashboard-value = Value
dashboard-qualifying = Qualifying records
dashboard-misses = Near misses
dashboard-misses-none = No near misses in this period.
dashboard-missing = What is missing
dashboard-before = Counted in an earlier period
dashboard-before-note = These had support in this period but already count from before: an enterprise counts once.

dashboard-missing-hours = { $this } of { $other } hours
dashboard-missing-sme-declaration = no SME declaration
dashboard-missing-not-sme = declared a { $label }, not an SME
dashboard-missing-written-output = { $this } record(s) with { $other } hours without a written output specific to the business
dashboard-missing-area = outside the eligible area
dashboard-missing-sector = excluded sector (NACE { $code })
dashboard-missing-evidence = { $count ->
    [one] one record without an evidence file
   *[other] { $formatted } records without an evidence file
}
dashboard-missing-not-new = started { $this } months before support (must be under { $other })
dashboard-missing-start-date = business start date not known
dashboard-missing-registration = start not evidenced by a registration
dashboard-missing-not-counted-under = not counted under { $code }
dashboard-missing-baseline = no employment baseline
dashboard-missing-baseline-after-support = baseline set on { $this }, after support began on { $other }
dashboard-missing-figure-before-baseline = employment figure of { $this } precedes the baseline of { $other }
dashboard-missing-not-confirmed = { $count ->
    [one] one employment figure not confirmed in writing
   *[other] { $formatted } employment figures not confirmed in writing
}
dashboard-missing-no-increase = no increase: { $this } FTE against a baseline of { $other }
dashboard-missing-innovation-before-support = introduced on { $this }, before support began on { $other }
dashboard-missing-same-country = both organisations in { $country }
dashboard-missing-meetings = { $count ->
    [one] one B2B meeting, which this project does not count
   *[other] { $formatted } B2B meetings, which this project does not count
}
dashboard-missing-unconfirmed = { $count ->
    [one] one agreement awaiting the partner's confirmation
   *[other] { $formatted } agreements awaiting the partner's confirmation
}

dashboard-indicator-C1 = Number of enterprises receiving support
dashboard-indicator-C2 = Number of enterprises receiving grants
dashboard-indicator-C3 = Number of enterprises receiving financial support other than grants
dashboard-indicator-C4 = Number of enterprises receiving non-financial support
dashboard-indicator-C5 = Number of new enterprises supported
dashboard-indicator-C8 = Employment increase in supported enterprises
dashboard-indicator-C26 = Number of enterprises cooperating with research entities
dashboard-indicator-C28 = Number of enterprises supported to introduce new to the market products
dashboard-indicator-C29 = Number of enterprises supported to introduce new to the firm products
dashboard-indicator-P11 = Number of potential entrepreneurs assisted to be enterprise ready
dashboard-indicator-P13 = Number of enterprises receiving information, diagnostic and brokerage support
dashboard-indicator-RCO01 = Enterprises supported (of which: micro, small, medium, large)
dashboard-indicator-RCO02 = Enterprises supported by grants
dashboard-indicator-RCO03 = Enterprises supported by financial instruments
dashboard-indicator-RCO04 = Enterprises with non-financial support
dashboard-indicator-RCO05 = New enterprises supported
dashboard-indicator-RCR01 = Jobs created in supported entities
dashboard-indicator-RCR02 = Private investments matching public support (of which: grants, financial instruments)
dashboard-indicator-RCR03 = Small and medium-sized enterprises (SMEs) introducing product or process innovation
dashboard-indicator-RCO87 = Organisations cooperating across borders

validation-before_from = The period must end on or after the day it starts.
