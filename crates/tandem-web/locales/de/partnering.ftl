# Kooperationsbörse: Profile, Lebenszyklus, Suche.

nav-marketplace = Kooperationsbörse

## Profile und Kooperationsbörse

profile-type-bo = Geschäftsangebot
profile-type-br = Geschäftsgesuch
profile-type-to = Technologieangebot
profile-type-tr = Technologiegesuch
profile-type-rdr = F&E-Partnersuche

profile-language-en = Englisch
profile-language-de = Deutsch

partnership-commercial_agency = Handelsvertretung
partnership-distribution = Vertrieb
partnership-franchise = Franchising
partnership-joint_venture = Joint Venture
partnership-licensing = Lizenzvereinbarung
partnership-manufacturing = Fertigungsvereinbarung
partnership-outsourcing = Outsourcing oder Zulieferung
partnership-research_cooperation = Forschungskooperation
partnership-technical_cooperation = Technische Kooperation
partnership-acquisition = Übernahme
partnership-financial_agreement = Finanzierungsvereinbarung
partnership-services_agreement = Dienstleistungsvereinbarung

partner-sought-sme_le_10 = KMU mit bis zu 10 Beschäftigten
partner-sought-sme_11_49 = KMU mit 11–49 Beschäftigten
partner-sought-sme_50_249 = KMU mit 50–249 Beschäftigten
partner-sought-large_company = Großunternehmen
partner-sought-rd_institution = Forschungseinrichtung
partner-sought-university = Hochschule
partner-sought-other = Sonstige

stage-concept = Konzept
stage-under_development = In Entwicklung
stage-lab_tested = Im Labor getestet
stage-prototype = Prototyp vorhanden
stage-field_tested = Im Praxiseinsatz erprobt
stage-on_the_market = Bereits auf dem Markt

ipr-none = Kein Schutzrecht
ipr-patent_applied = Patent angemeldet
ipr-patent_granted = Patent erteilt
ipr-copyright = Urheberrecht
ipr-design_rights = Designschutz
ipr-trade_marks = Marken
ipr-secret_know_how = Geheimes Know-how
ipr-other = Sonstiges

size-band-micro = weniger als 10 Beschäftigte
size-band-small = 10–49 Beschäftigte
size-band-medium = 50–249 Beschäftigte
size-band-large = 250 oder mehr Beschäftigte
size-band-unknown = Größe nicht angegeben

profile-state-draft = Entwurf
profile-state-submitted = Zur Prüfung eingereicht
profile-state-returned = Zur Überarbeitung zurückgegeben
profile-state-published = Veröffentlicht
profile-state-expired = Abgelaufen
profile-state-archived = Archiviert
profile-state-withdrawn = Zurückgezogen

profile-event-created = Entwurf angelegt
profile-event-edit = Geändert
profile-event-submit = Zur Prüfung eingereicht
profile-event-approve = Freigegeben und veröffentlicht
profile-event-return = Zur Überarbeitung zurückgegeben
profile-event-withdraw = Zurückgezogen
profile-event-extend = Verlängert
profile-event-expire = Abgelaufen
profile-event-archive = Archiviert
profile-event-expiry_notice = Hinweis auf den Ablauf verschickt

profile-quality-required = Dieses Feld muss ausgefüllt sein, bevor das Profil eingereicht werden kann.
profile-quality-contact_details = Bitte Kontaktdaten entfernen: Interessenbekundungen erreichen Sie über Ihre Unterstützungsorganisation.
profile-quality-web_address = Bitte Webadressen entfernen: Das Profil bleibt bis zur Vorstellung anonym.
profile-quality-patent_number = Bitte Patentnummern entfernen: Sie verraten, wer hinter dem Profil steht.
profile-quality-owner_name = Bitte den Namen der eigenen Organisation entfernen: Das Profil ist anonym.
profile-quality-direct_sales = Profile suchen Partner, keine Kundschaft: Bitte die Verkaufsformulierung entfernen.
profile-quality-large_company_offer = Großunternehmen dürfen nur Gesuche veröffentlichen: Bitte einen Gesuchstyp wählen.
profile-quality-deadline_passed = Diese Frist ist abgelaufen: Bitte korrigieren oder das Profil zurückziehen.

profile-error-unknown_city = Wählen Sie die Zielstädte aus der Liste der Partnerstädte.
profile-error-wrong_state = Das ist im aktuellen Status des Profils nicht möglich.
profile-error-already_extended = Dieses Profil wurde bereits einmal verlängert; eine weitere Verlängerung ist nicht möglich.
profile-error-outside_extension_window = Ein Profil kann ab 30 Tagen vor dem Ablauf bis ein Jahr danach verlängert werden.
profile-error-invalid_extension_length = Eine Verlängerung dauert 1 bis 365 Tage.
profile-error-not_editable = Nur Entwürfe und zurückgegebene Profile können geändert werden. Ziehen Sie dieses Profil zurück und legen Sie einen neuen Entwurf an.
profile-error-conflict = Jemand anderes hat dieses Profil geändert, seit Sie es geöffnet haben. Laden Sie die Seite neu und nehmen Sie Ihre Änderung noch einmal vor.
profile-error-too_many = Zu viele Einträge: höchstens 5 Schlagwörter je Art, 5 NACE-Codes, 3 Kooperationsarten und 30 Länder.
profile-error-unknown_keyword = Dieses Schlagwort steht nicht in der Liste. Bitte eines aus der Liste wählen.
profile-error-invalid_country = Bitte Länder als Kürzel aus zwei Buchstaben angeben, etwa DE oder GB, durch Kommas getrennt.
profile-error-invalid_date = Bitte das Datum als JJJJ-MM-TT angeben, z. B. 2027-03-31.
profile-error-after_call_deadline = Die Frist für Interessenbekundungen muss vor oder auf der Einreichungsfrist der Ausschreibung liegen.
profile-error-out_of_range = Bitte eine ganze Zahl von Monaten zwischen 1 und 120 angeben.
profile-error-not_an_enterprise = Profile werden für Unternehmen und Forschungseinrichtungen angelegt, nicht für Unterstützungsorganisationen.
profile-error-not_a_support_organisation = Bitte eine Unterstützungsorganisation aus der Liste wählen.
profile-error-unknown = Bitte eine Organisation aus der Liste wählen.
profile-error-required = Dieses Feld ist ein Pflichtfeld.

profile-field-owner_org_id = Organisation, für die das Profil spricht
profile-field-support_org_id = Betreuende Unterstützungsorganisation
profile-field-profile_type = Art des Profils
profile-field-language = Sprache des Profils
profile-field-title = Titel
profile-field-summary = Zusammenfassung
profile-field-description = Beschreibung
profile-field-partner_role = Erwartete Rolle des Partners
profile-field-advantages = Vorteile und Innovationen
profile-field-technical_specification = Technische Spezifikation oder gesuchte Expertise
profile-field-stage_of_development = Entwicklungsstand
profile-field-ipr_status = Schutzrechte
profile-field-keywords_market = Markt-Schlagwörter
profile-field-keywords_technology = Technologie-Schlagwörter
profile-field-nace_codes = NACE-Codes
profile-field-sdgs = Ziele für nachhaltige Entwicklung
profile-field-partnership_types = Art der Kooperation
profile-field-partner_sought = Gesuchter Partner
profile-field-target_countries = Zielländer
profile-field-target_cities = Zielstädte der Partnerschaft
profile-field-call_programme = Förderprogramm
profile-field-call_identifier = Kennung der Ausschreibung
profile-field-call_eoi_deadline = Frist für Interessenbekundungen
profile-field-call_deadline = Einreichungsfrist der Ausschreibung
profile-field-call_budget = Budget
profile-field-call_coordinator_required = Der gesuchte Partner muss das Projekt koordinieren
profile-field-call_duration_months = Projektdauer (Monate)

sdg-1 = Keine Armut
sdg-2 = Kein Hunger
sdg-3 = Gesundheit und Wohlergehen
sdg-4 = Hochwertige Bildung
sdg-5 = Geschlechtergleichheit
sdg-6 = Sauberes Wasser und Sanitäreinrichtungen
sdg-7 = Bezahlbare und saubere Energie
sdg-8 = Menschenwürdige Arbeit und Wirtschaftswachstum
sdg-9 = Industrie, Innovation und Infrastruktur
sdg-10 = Weniger Ungleichheiten
sdg-11 = Nachhaltige Städte und Gemeinden
sdg-12 = Nachhaltige/r Konsum und Produktion
sdg-13 = Maßnahmen zum Klimaschutz
sdg-14 = Leben unter Wasser
sdg-15 = Leben an Land
sdg-16 = Frieden, Gerechtigkeit und starke Institutionen
sdg-17 = Partnerschaften zur Erreichung der Ziele

profile-hint-max-chars = Höchstens { $formatted } Zeichen.
profile-hint-anonymous = Bitte anonym bleiben: keine Namen, Marken, Web- oder E-Mail-Adressen, Telefon- oder Patentnummern.
profile-hint-advantages = Für Angebote: Was ist neu, und welchen Nutzen hat ein Partner?
profile-hint-technical-specification = Für Gesuche: Was genau wird gesucht, und welche Expertise ist nötig?
profile-hint-keywords = Mit gedrückter Strg-Taste (auf dem Mac: Cmd) mehrere wählen; höchstens 5.
profile-hint-nace = Codes durch Kommas getrennt, z. B. 62.01, 72.19. Höchstens 5.
profile-hint-countries = Kürzel aus zwei Buchstaben, durch Kommas getrennt, z. B. DE, GB, FR. Leer lassen für alle Länder.
profile-hint-date = Als JJJJ-MM-TT, z. B. 2027-03-31.
profile-hint-partnership-types = Meist eine bis drei.
profile-hint-support = Die Unterstützungsorganisation prüft das Profil und erhält die Interessenbekundungen.
profile-none = Keine
profile-owner-fixed = Angelegt für

profile-section-basics = Grunddaten
profile-section-texts = Texte
profile-section-technology = Technologie
profile-section-technology-hint = Pflicht bei Technologieangeboten.
profile-section-keywords = Schlagwörter und Branchen
profile-section-partnership = Gesuchte Kooperation
profile-section-call = Förderausschreibung (F&E-Partnersuche)
profile-section-call-hint = Nur bei F&E-Partnersuchen: die Ausschreibung, für die ein Konsortium gebildet wird.

profile-new = Neues Kooperationsprofil
profile-edit = Profil bearbeiten
profile-created = Der Entwurf ist gespeichert. Die Liste unten zeigt, was vor dem Einreichen noch fehlt.
profile-saved = Das Profil ist gespeichert.
profile-submitted = Das Profil wurde zur Prüfung eingereicht.
profile-approved = Das Profil wurde freigegeben und veröffentlicht.
profile-returned = Das Profil wurde mit Ihren Anmerkungen zur Überarbeitung zurückgegeben.
profile-withdrawn = Das Profil wurde zurückgezogen.
profile-extended = Das Profil wurde verlängert.
profile-not-editable = Dieses Profil kann nicht mehr bearbeitet werden.
profile-no-owners = Sie gehören keiner Organisation an, die ein Profil veröffentlichen könnte. Tragen Sie Ihre Organisation zuerst ins Verzeichnis ein.

profile-state = Status
profile-published-on = Veröffentlicht am
profile-expires-on = Läuft ab am
profile-expired-on = Abgelaufen am
profile-extended-note = Bereits einmal verlängert.
profile-language = Sprache
profile-stage-ipr = Entwicklungsstand und Schutzrechte
profile-keywords = Schlagwörter
profile-sectors = Branchen (NACE)
profile-call = Förderausschreibung
profile-call-eoi-deadline = Interesse bekunden bis
profile-call-coordinator-yes = Ja, der gesuchte Partner muss koordinieren.
profile-owner = Wer hinter diesem Profil steht
profile-owner-anonymous = Eine Organisation in { $city }
profile-owner-kind = Art der Organisation
profile-owner-size = Größe
profile-owner-anonymous-note = Die Organisation bleibt anonym, bis ihre Unterstützungsorganisation Sie miteinander bekannt macht.
profile-support = Betreut von
profile-review-comments = Anmerkungen aus der Prüfung
profile-problems = Vor dem Einreichen
profile-problems-intro = Bitte diese Punkte beheben; jeder Link öffnet das Feld im Formular.
profile-problems-none = Das Profil besteht die Qualitätsprüfung und kann eingereicht werden.
profile-problem-found = Gefunden:
profile-cannot-submit = Dieses Profil kann noch nicht eingereicht werden
profile-action-failed = Das hat nicht geklappt
profile-actions = Was Sie tun können
profile-action-edit = Bearbeiten
profile-action-submit = Zur Prüfung einreichen
profile-action-withdraw = Zurückziehen …
profile-withdraw-confirm-text = Wenn Sie das Profil zurückziehen, verschwindet es endgültig aus der Kooperationsbörse. Dann kann niemand mehr Interesse bekunden.
profile-withdraw-confirm = Ja, dieses Profil zurückziehen
profile-action-extend = Verlängern
profile-extend-days = Verlängern um (Tage)
profile-review = Prüfung
profile-review-intro = Prüfen Sie, ob das Profil anonym und vollständig ist und eine Kooperation sucht, keine Kundschaft.
profile-approve-comment = Anmerkung für die Verfasser (optional)
profile-action-approve = Freigeben und veröffentlichen
profile-return-comments = Was sollen die Verfasser ändern?
profile-action-return = Zur Überarbeitung zurückgeben
profile-comments-required = Bitte schreiben Sie, was die Verfasser ändern sollen.
profile-days-invalid = Bitte eine Zahl von Tagen zwischen 1 und 365 angeben.
profile-timeline = Verlauf
profile-timeline-by-system = automatisch
profile-interest = Interessiert?
profile-interest-text = Schreiben Sie der Unterstützungsorganisation, warum Sie interessiert sind; passt es, stellt sie den Kontakt her.
profile-interest-action = Interesse bekunden

profiles-mine-title = Meine Profile
profiles-mine-empty = Sie haben noch keine Profile.
profiles-open-interests = { $count ->
    [0] keine offenen Interessenbekundungen
    [one] { $formatted } offene Interessenbekundung
   *[other] { $formatted } offene Interessenbekundungen
}
profiles-column-title = Titel
profiles-column-organisation = Organisation
profiles-column-type = Art
profiles-column-state = Status
profiles-column-changed = Zuletzt geändert
profiles-column-interests = Offene Interessenbekundungen

pipeline-title = Unsere Profil-Pipeline
pipeline-to-review = Warten auf Prüfung
pipeline-to-review-empty = Keine Profile warten auf eine Prüfung.
pipeline-managed = Von uns betreute Profile
pipeline-managed-empty = Ihre Organisation betreut noch keine Profile.

marketplace-title = Kooperationsbörse
marketplace-intro = Kooperationsangebote und -gesuche aus Wirtschaft, Technologie und Forschung in Birmingham und Leipzig. Die Organisationen bleiben anonym, bis ihre Unterstützungsorganisation Sie miteinander bekannt macht.
marketplace-search-label = Profile durchsuchen
marketplace-search-placeholder = z. B. Virtual Reality, Sensorik, Labordienstleistungen
marketplace-search-button = Suchen
marketplace-any = Alle
marketplace-facet-type = Art
marketplace-facet-city = Stadt
marketplace-facet-country = Land
marketplace-facet-language = Sprache
marketplace-facet-nace = Branche (NACE-Abteilung)
marketplace-facet-market = Markt
marketplace-facet-technology = Technologie
marketplace-facet-partnership = Kooperation
marketplace-count = { $count ->
    [0] Keine Profile gefunden
    [one] { $formatted } Profil gefunden
   *[other] { $formatted } Profile gefunden
}
marketplace-empty = Kein veröffentlichtes Profil passt. Versuchen Sie es mit weniger Filtern oder anderen Begriffen.
marketplace-my-searches = Ihre gespeicherten Suchen
marketplace-save-search = Diese Suche speichern und über neue Profile benachrichtigt werden
marketplace-new-profile = Neues Profil
marketplace-my-profiles = Meine Profile
marketplace-pipeline = Pipeline
