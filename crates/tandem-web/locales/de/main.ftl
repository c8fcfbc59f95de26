# Tandem — deutsche Oberflächentexte. Jeder Schlüssel muss auch in en/main.ftl stehen (ein Test prüft das).

language-name = Deutsch
language-switch = Deutsch
skip-to-content = Zum Inhalt springen
nav-main = Hauptnavigation
nav-directory = Verzeichnis
nav-statistics = Statistik
nav-my-profiles = Profile
nav-interests = Interessen
nav-programmes = Programme
nav-account = Konto
nav-login = Anmelden
nav-logout = Abmelden
nav-register = Registrieren
footer-text = Tandem verbindet die Wirtschaftsförderer von Birmingham und Leipzig, Partnerstädte seit 1992.
footer-nace = Wirtschaftszweige: NACE Rev. 2 © Europäische Union (Eurostat).

home-title = Birmingham und Leipzig – gemeinsam
home-lead = Finden Sie Inkubatoren, Acceleratoren, Labore, Behörden und KMU in beiden Partnerstädten – und die Programme, die Türen über die Grenze öffnen.
home-cities = Die Partnerstädte
home-organisations-count = { $count ->
    [one] { $formatted } Organisation
   *[other] { $formatted } Organisationen
}
home-browse-city = { $city } durchsuchen
home-programmes = Programme
home-all-programmes = Alle Programme

country-gb = Vereinigtes Königreich
country-de = Deutschland

directory-title = Verzeichnis
directory-search-label = Organisationen suchen
directory-search-placeholder = z. B. Virtual Reality, Medizintechnik, Inkubator
directory-search-button = Suchen
directory-any = Alle
directory-count = { $count ->
    [0] Keine Organisationen gefunden
    [one] { $formatted } Organisation gefunden
   *[other] { $formatted } Organisationen gefunden
}
directory-empty = Keine Treffer. Versuchen Sie weniger oder andere Wörter, oder entfernen Sie einen Filter.
directory-terms-truncated = Nur die ersten sechs Wörter wurden berücksichtigt.
pagination = Seiten
pagination-previous = Zurück
pagination-next = Weiter
pagination-page = Seite { $page }

kind-sme = KMU
kind-startup = Start-up
kind-large_company = Großunternehmen
kind-incubator = Inkubator
kind-accelerator = Accelerator
kind-university_lab = Hochschule / Labor
kind-research_organisation = Forschungseinrichtung
kind-public_body = Öffentliche Einrichtung
kind-investment_agency = Wirtschaftsförderungsgesellschaft
kind-investor = Investor
kind-other = Sonstige

programme-kind-incubation = Inkubation
programme-kind-acceleration = Acceleration
programme-kind-soft_landing = Soft Landing
programme-kind-exchange = Austausch
programme-kind-mentoring = Mentoring
programme-status-draft = Entwurf
programme-status-open = Bewerbung offen
programme-status-running = Läuft
programme-status-closed = Abgeschlossen

role-org_admin = Administrator der Organisation
role-programme_manager = Programmmanager
role-member = Mitglied

field-name = Name
field-kind = Art der Organisation
field-city = Stadt
field-sector = Branche
field-sectors = Branchen (NACE Rev. 2)
field-nace-codes = Tätigkeiten (NACE-Rev.-2-Codes)
field-nace-codes-hint = Codes durch Kommas getrennt, z. B. 62.01, 72.19. Höchstens 10.
field-description-en = Beschreibung auf Englisch
field-description-de = Beschreibung auf Deutsch
field-website = Website
field-staff-headcount = Beschäftigte (Köpfe)
field-turnover = Jahresumsatz
field-balance-sheet = Bilanzsumme
field-currency = Währung
field-figures-year = Jahr der Angaben
field-pic = EU-PIC
field-companies-house = Companies-House-Nummer
field-handelsregister = Handelsregisternummer
field-updated = Zuletzt geändert
field-programme-kind = Art des Programms
field-status = Status
field-eligibility = Wer teilnehmen kann
field-email = E-Mail-Adresse
field-password = Passwort
field-new-password = Neues Passwort
field-password-hint = Mindestens 10 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.
field-display-name = Ihr Name
field-language = Sprache
field-role = Rolle

form-required = (Pflichtfeld)
form-choose = Bitte wählen …
form-has-errors = Bitte korrigieren Sie Folgendes:
action-save = Speichern
action-cancel = Abbrechen
action-edit = Bearbeiten

description-in-en = Beschreibung auf Englisch
description-in-de = Beschreibung auf Deutsch

org-new = Organisation registrieren
org-created = Die Organisation wurde registriert. Sie sind ihr Administrator.
org-saved = Ihre Änderungen wurden gespeichert.
org-edit-title = { $name } bearbeiten
org-figures = Unternehmenskennzahlen
org-figures-none = Keine Kennzahlen erfasst.
org-figures-confidential-note = Vertraulich: nur für diese Organisation und für Mitarbeitende von Unterstützungsorganisationen sichtbar.
org-figures-hidden = Unternehmenskennzahlen sind vertraulich. Sie sind für die Organisation selbst und für Mitarbeitende von Unterstützungsorganisationen sichtbar.
org-people = Ansprechpersonen
org-people-none = Keine Ansprechpersonen erfasst.
org-people-note = Ansprechpersonen sind personenbezogene Daten: Nur diese Organisation und Mitarbeitende von Unterstützungsorganisationen sehen sie.
people-add = Ansprechperson hinzufügen
people-add-title = Ansprechperson für { $name } hinzufügen
people-added = Die Ansprechperson wurde hinzugefügt.
people-remove = Entfernen
people-removed = Die Ansprechperson wurde entfernt.
field-person-name = Vollständiger Name
field-job-title = Funktion
org-programmes = Programme
org-programmes-none = Diese Organisation hat keine veröffentlichten Programme.
org-registry-ids = Registernummern

programme-new = Programm hinzufügen
programme-edit-title = { $name } bearbeiten
programme-saved = Das Programm wurde gespeichert.
programme-run-by = Veranstaltet von
programmes-title = Programme
programmes-empty = Noch keine Programme veröffentlicht.
programmes-count = { $count ->
    [0] Keine Programme
    [one] { $formatted } Programm
   *[other] { $formatted } Programme
}

members-title = Mitglieder
members-page-title = Mitglieder von { $name }
members-add = Mitglied hinzufügen
members-added = Das Mitglied wurde hinzugefügt.
members-remove = Entfernen
members-removed = Das Mitglied wurde entfernt.

login-title = Anmelden
login-submit = Anmelden
login-forgot = Passwort vergessen?
login-register = Noch kein Konto? Registrieren
login-welcome = Willkommen, { $name }.
register-title = Registrieren
register-intro = Legen Sie ein Konto an, um Ihre Organisation zu registrieren, Programme anzubieten und den Eintrag Ihrer Organisation zu pflegen.
register-submit = Konto anlegen
register-have-account = Schon registriert? Anmelden
register-done = Ihr Konto wurde angelegt. Wir haben Ihnen eine E-Mail geschickt: Öffnen Sie den Link darin, um Ihre Adresse zu bestätigen.
verify-title = E-Mail-Bestätigung
verify-done = Danke, Ihre E-Mail-Adresse ist bestätigt.
verify-failed = Dieser Bestätigungslink ist ungültig, wurde schon benutzt oder ist abgelaufen. Fordern Sie auf Ihrer Kontoseite einen neuen an.
verify-resent = Wir haben Ihnen einen neuen Bestätigungslink geschickt.
forgot-title = Passwort zurücksetzen
forgot-intro = Geben Sie Ihre E-Mail-Adresse ein. Gehört sie zu einem Konto, schicken wir Ihnen einen Link, mit dem Sie ein neues Passwort wählen.
forgot-submit = Link senden
forgot-sent = Falls zu dieser Adresse ein Konto besteht, haben wir ihr einen Link geschickt. Er ist 60 Minuten gültig.
reset-title = Neues Passwort wählen
reset-submit = Passwort speichern
reset-done = Ihr Passwort wurde geändert. Sie können sich jetzt anmelden.
reset-missing-token = Diese Seite braucht den Link aus der E-Mail zum Zurücksetzen des Passworts.

account-title = Ihr Konto
account-details = Kontodaten
account-verified = bestätigt
account-unverified = nicht bestätigt
account-resend-verification = Neuen Bestätigungslink senden
account-saved = Ihr Konto wurde gespeichert.
account-organisations = Ihre Organisationen
account-no-organisations = Sie sind noch in keiner Organisation Mitglied.

tokens-title = API-Tokens
tokens-intro = Mit Tokens können Programme die Tandem-API in Ihrem Namen nutzen. Senden Sie es als „Authorization: Bearer <Token>“.
tokens-created = Ihr neues Token. Kopieren Sie es jetzt: Es wird nicht noch einmal angezeigt.
tokens-none = Sie haben keine API-Tokens.
tokens-name = Name des Tokens
tokens-created-at = Erstellt
tokens-last-used = Zuletzt benutzt
tokens-never-used = nie
tokens-create = Token erstellen
tokens-revoke = Widerrufen
tokens-revoked = Das Token wurde widerrufen.

error-not-found = Seite nicht gefunden
error-not-found-text = Hier ist nichts. Vielleicht ist die Adresse falsch geschrieben, oder die Seite wurde entfernt.
error-forbidden = Nicht erlaubt
error-forbidden-text = Sie haben keine Berechtigung dafür. Wenden Sie sich an einen Administrator der Organisation, wenn Sie Zugang brauchen.
error-email-not-verified = Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse: Öffnen Sie den Link aus unserer E-Mail, oder fordern Sie auf Ihrer Kontoseite einen neuen an.
error-conflict = Von jemand anderem geändert
error-conflict-text = Jemand anderes hat diesen Eintrag geändert, seit Sie ihn geöffnet haben. Laden Sie die Seite neu und nehmen Sie Ihre Änderung noch einmal vor.
error-rate-limited = Zu viele Versuche
error-rate-limited-text = Zu viele fehlgeschlagene Versuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut, oder setzen Sie Ihr Passwort zurück.
error-csrf = Dieses Formular ist abgelaufen. Gehen Sie zurück, laden Sie die Seite neu und senden Sie es noch einmal.
error-bad-request = Anfrage nicht verstanden
error-internal = Etwas ist schiefgegangen
error-internal-text = Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.
error-back-home = Zurück zur Startseite

validation-required = Dieses Feld ist ein Pflichtfeld.
validation-too_long = Dieser Text ist zu lang.
validation-invalid_choice = Wählen Sie eine der Möglichkeiten.
validation-invalid_url = Geben Sie eine Webadresse ein, die mit https:// beginnt.
validation-invalid_nace = Das ist kein NACE-Code. Schreiben Sie z. B. 62.01.
validation-unknown_nace = Diesen Code gibt es in NACE Rev. 2 nicht.
validation-too_many = Zu viele Codes: höchstens 10.
validation-invalid_number = Geben Sie eine ganze Zahl ein.
validation-out_of_range = Geben Sie ein Jahr wie 2025 ein.
validation-invalid_format = Diese Nummer hat nicht das richtige Format.
validation-invalid_email = Geben Sie eine E-Mail-Adresse wie name@example.org ein.
validation-password_too_short = Verwenden Sie mindestens 10 Zeichen.
validation-duplicate = Dieser Wert ist bereits registriert.
validation-email_taken = Für diese Adresse gibt es schon ein Konto: Melden Sie sich an oder setzen Sie das Passwort zurück.
validation-unknown_city = Wählen Sie eine der Partnerstädte.
validation-invalid_credentials = E-Mail-Adresse oder Passwort ist falsch.
validation-link_invalid = Dieser Link ist ungültig, wurde schon benutzt oder ist abgelaufen.
validation-unknown_user = Mit dieser Adresse hat sich noch niemand registriert.
validation-cannot_remove_self = Sie können sich nicht selbst entfernen.
validation-conflict = Jemand anderes hat diesen Eintrag geändert, seit Sie ihn geöffnet haben. Laden Sie die Seite neu und nehmen Sie Ihre Änderung noch einmal vor.
validation-rate_limited = Zu viele fehlgeschlagene Versuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.
