# Tandem — English interface texts. Every key here must exist in de/main.ftl too (a test checks).

language-name = English
language-switch = English
skip-to-content = Skip to content
nav-main = Main
nav-directory = Directory
nav-statistics = Statistics
nav-my-profiles = Profiles
nav-interests = Interests
nav-programmes = Programmes
nav-account = Account
nav-login = Log in
nav-logout = Log out
nav-register = Register
footer-text = Tandem connects the business-support organisations of Birmingham and Leipzig, twinned since 1992.
footer-nace = Sector classification: NACE Rev. 2 © European Union (Eurostat).

home-title = Birmingham and Leipzig, working together
home-lead = Find incubators, accelerators, labs, public bodies and SMEs in both partner cities, and the programmes that open doors across the border.
home-cities = The partner cities
home-organisations-count = { $count ->
    [one] { $formatted } organisation
   *[other] { $formatted } organisations
}
home-browse-city = Browse { $city }
home-programmes = Programmes
home-all-programmes = All programmes

country-gb = United Kingdom
country-de = Germany

directory-title = Directory
directory-search-label = Search organisations
directory-search-placeholder = e.g. virtual reality, Medizintechnik, incubator
directory-search-button = Search
directory-any = Any
directory-count = { $count ->
    [0] No organisations found
    [one] { $formatted } organisation found
   *[other] { $formatted } organisations found
}
directory-empty = Nothing matches. Try fewer or other words, or remove a filter.
directory-terms-truncated = Only the first six words were used.
pagination = Pages
pagination-previous = Previous
pagination-next = Next
pagination-page = Page { $page }

kind-sme = SME
kind-startup = Start-up
kind-large_company = Large company
kind-incubator = Incubator
kind-accelerator = Accelerator
kind-university_lab = University / lab
kind-research_organisation = Research organisation
kind-public_body = Public body
kind-investment_agency = Investment agency
kind-investor = Investor
kind-other = Other

programme-kind-incubation = Incubation
programme-kind-acceleration = Acceleration
programme-kind-soft_landing = Soft landing
programme-kind-exchange = Exchange
programme-kind-mentoring = Mentoring
programme-status-draft = Draft
programme-status-open = Open for applications
programme-status-running = Running
programme-status-closed = Closed

role-org_admin = Organisation admin
role-programme_manager = Programme manager
role-member = Member

field-name = Name
field-kind = Type of organisation
field-city = City
field-sector = Sector
field-sectors = Sectors (NACE Rev. 2)
field-nace-codes = Activities (NACE Rev. 2 codes)
field-nace-codes-hint = Codes separated by commas, e.g. 62.01, 72.19. Up to 10.
field-description-en = Description in English
field-description-de = Description in German
field-website = Website
field-staff-headcount = Staff (headcount)
field-turnover = Annual turnover
field-balance-sheet = Balance-sheet total
field-currency = Currency
field-figures-year = Year of the figures
field-pic = EU PIC
field-companies-house = Companies House number
field-handelsregister = Handelsregister number
field-updated = Last updated
field-programme-kind = Type of programme
field-status = Status
field-eligibility = Who can take part
field-email = Email address
field-password = Password
field-new-password = New password
field-password-hint = At least 10 characters. A phrase of several words is easy to remember and hard to guess.
field-display-name = Your name
field-language = Language
field-role = Role

form-required = (required)
form-choose = Choose…
form-has-errors = Please correct the following:
action-save = Save
action-cancel = Cancel
action-edit = Edit

description-in-en = Description in English
description-in-de = Description in German

org-new = Register an organisation
org-created = The organisation was registered. You are its admin.
org-saved = Your changes were saved.
org-edit-title = Edit { $name }
org-figures = Company figures
org-figures-none = No figures recorded.
org-figures-confidential-note = Confidential: visible only to this organisation and to staff of support organisations.
org-figures-hidden = Company figures are confidential. They are visible to the organisation itself and to staff of support organisations.
org-people = Contact people
org-people-none = No contact people recorded.
org-people-note = Contact people are personal data: only this organisation and staff of support organisations see them.
people-add = Add a contact person
people-add-title = Add a contact person to { $name }
people-added = The contact person was added.
people-remove = Remove
people-removed = The contact person was removed.
field-person-name = Full name
field-job-title = Job title
org-programmes = Programmes
org-programmes-none = This organisation runs no published programmes.
org-registry-ids = Registry identifiers

programme-new = Add a programme
programme-edit-title = Edit { $name }
programme-saved = The programme was saved.
programme-run-by = Run by
programmes-title = Programmes
programmes-empty = No programmes are published yet.
programmes-count = { $count ->
    [0] No programmes
    [one] { $formatted } programme
   *[other] { $formatted } programmes
}

members-title = Members
members-page-title = Members of { $name }
members-add = Add a member
members-added = The member was added.
members-remove = Remove
members-removed = The member was removed.

login-title = Log in
login-submit = Log in
login-forgot = Forgotten your password?
login-register = No account yet? Register
login-welcome = Welcome, { $name }.
register-title = Register
register-intro = Create an account to register your organisation, run programmes and manage your organisation's entry.
register-submit = Create account
register-have-account = Already registered? Log in
register-done = Your account was created. We sent you an email: open its link to confirm your address.
verify-title = Email confirmation
verify-done = Thank you, your email address is confirmed.
verify-failed = This confirmation link is invalid, has been used or has expired. Ask for a new one on your account page.
verify-resent = We sent you a new confirmation link.
forgot-title = Reset your password
forgot-intro = Enter your email address. If it belongs to an account, we will send you a link to choose a new password.
forgot-submit = Send link
forgot-sent = If an account exists for this address, we have sent it a link. The link works for 60 minutes.
reset-title = Choose a new password
reset-submit = Save password
reset-done = Your password was changed. You can log in now.
reset-missing-token = This page needs the link from the password-reset email.

account-title = Your account
account-details = Account details
account-verified = confirmed
account-unverified = not confirmed
account-resend-verification = Send a new confirmation link
account-saved = Your account was saved.
account-organisations = Your organisations
account-no-organisations = You are not a member of any organisation yet.

tokens-title = API tokens
tokens-intro = Tokens let programs use the Tandem API on your behalf. Send one as "Authorization: Bearer <token>".
tokens-created = Your new token. Copy it now: it will not be shown again.
tokens-none = You have no API tokens.
tokens-name = Token name
tokens-created-at = Created
tokens-last-used = Last used
tokens-never-used = never
tokens-create = Create token
tokens-revoke = Revoke
tokens-revoked = The token was revoked.

error-not-found = Page not found
error-not-found-text = There is nothing here. The address may be mistyped, or the page was removed.
error-forbidden = Not allowed
error-forbidden-text = You do not have permission to do this. Ask an admin of the organisation if you need access.
error-email-not-verified = Please confirm your email address first: open the link we emailed you, or ask for a new one on your account page.
error-conflict = Changed by someone else
error-conflict-text = Someone else changed this record since you opened it. Reload the page and make your change again.
error-rate-limited = Too many attempts
error-rate-limited-text = Too many failed attempts. Please wait 15 minutes and try again, or reset your password.
error-csrf = This form has expired. Go back, reload the page and send it again.
error-bad-request = Request not understood
error-internal = Something went wrong
error-internal-text = Something went wrong on our side. Please try again in a moment.
error-back-home = Back to the home page

validation-required = This field is required.
validation-too_long = This text is too long.
validation-invalid_choice = Choose one of the options.
validation-invalid_url = Enter a web address starting with https://.
validation-invalid_nace = This is not a NACE code. Write e.g. 62.01.
validation-unknown_nace = This code is not in NACE Rev. 2.
validation-too_many = Too many codes: use at most 10.
validation-invalid_number = Enter a whole number.
validation-out_of_range = Enter a year such as 2025.
validation-invalid_format = This number does not have the right format.
validation-invalid_email = Enter an email address such as name@example.org.
validation-password_too_short = Use at least 10 characters.
validation-duplicate = This value is already registered.
validation-email_taken = An account with this address exists already: log in, or reset its password.
validation-unknown_city = Choose one of the partner cities.
validation-invalid_credentials = The email address or the password is wrong.
validation-link_invalid = This link is invalid, used or expired.
validation-unknown_user = Nobody has registered with this address yet.
validation-cannot_remove_self = You cannot remove yourself.
validation-conflict = Someone else changed this record since you opened it. Reload the page and make your change again.
validation-rate_limited = Too many failed attempts. Please wait 15 minutes and try again.
