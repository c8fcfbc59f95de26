# Fördernachweise: geförderte Projekte und ihre Unterstützung für Unternehmen (Issue 6).

nav-projects = Projekte

## Projekte

projects-title = Geförderte Projekte
projects-intro = Geförderte Projekte zur Unterstützung von Unternehmen: Fördergeber, Indikatorenregelwerk, Laufzeit und federführende Organisation.
projects-empty = Es gibt noch keine Projekte.
projects-back = Alle Projekte
project-new = Neues Projekt
project-edit = Projekt bearbeiten
project-created = Das Projekt wurde angelegt.
project-saved = Das Projekt wurde gespeichert.
project-conflict = Jemand anderes hat dieses Projekt geändert, seit Sie es geöffnet haben. Laden Sie die Seite neu und nehmen Sie Ihre Änderung erneut vor.
project-settings = Einstellungen
project-none = Keine
project-targets = Zielwerte
project-targets-none = Es sind keine Zielwerte festgelegt.
project-targets-esif = EFRE England 2014–20 (ESIF-GN-1-002)
project-targets-eu = EU 2021–27 (Verordnung (EU) 2021/1058, Interreg)
project-target-for = Zielwert für { $code }
project-indicator = Indikator
project-target = Zielwert
project-support-note = Die Unterstützung in diesem Projekt wird auf der Unterstützungsseite des jeweiligen Unternehmens erfasst.
project-hours = { $count } Std.
project-day-rate-none = nicht festgelegt (Beratung ergibt keinen Beihilfewert)

project-field-name = Projektname
project-field-lead = Federführende Organisation
project-field-funder = Fördergeber
project-field-scheme = Förderprogramm oder Aufruf
project-field-rulebook = Indikatorenregelwerk und Fassung
project-field-agreement-signed-on = Fördervertrag unterzeichnet am
project-field-delivery = Laufzeit
project-field-starts-on = Laufzeit beginnt am
project-field-ends-on = Laufzeit endet am
project-field-currency = Währung
project-field-hours-threshold = Unterstützungsstunden, ab denen ein Unternehmen zählt
project-field-day-rate = Marktwert eines Beratungstages
project-field-hours-per-day = Stunden eines Arbeitstages
project-field-partners = Durchführungspartner
project-field-cities = Förderfähige Städte
project-field-excluded-nace = Ausgeschlossene Branchen (NACE-Codes)

project-hint-lead = Die Organisation, deren Mitarbeitende das Projekt verwalten.
project-hint-scheme = Zum Beispiel EFRE Prioritätsachse 1.
project-hint-rulebook = Die Fassung, die bei Unterzeichnung des Fördervertrags galt.
project-hint-hours-threshold = Meist 12 Stunden, z. B. 12 oder 12,5.
project-hint-day-rate = Dient der Bewertung von Beratung als Beihilfe, z. B. 650 oder 650,00. Leer lassen, wenn keiner festgelegt ist.
project-hint-hours-per-day = Zum Beispiel 7,5.
project-hint-partners = Unterstützungsorganisationen, die das Projekt mit durchführen. Halten Sie Strg (oder Cmd) gedrückt, um mehrere zu wählen.
project-hint-excluded-nace = Codes jeder Ebene, durch Kommas getrennt, z. B. 01, 03.1, 64.19.
project-hint-targets = Ganze Zahlen; lassen Sie einen Indikator leer, wenn das Projekt dafür keinen Zielwert hat.

project-funder-erdf_england_2014_20 = EFRE England 2014–20
project-funder-erdf_2021_27 = EFRE 2021–27
project-funder-interreg_2021_27 = Interreg 2021–27
project-funder-uk_spf = UK Shared Prosperity Fund
project-funder-other = Anderer Fördergeber

project-rulebook-esif_gn_1_002 = ESIF-GN-1-002 (EFRE England 2014–20)
project-rulebook-eu_2021_1058 = Verordnung (EU) 2021/1058
project-rulebook-interreg_2021_1059 = Verordnung (EU) 2021/1059 (Interreg)

project-currency-GBP = Pfund Sterling (GBP)
project-currency-EUR = Euro (EUR)

## Unterstützungsnachweise

support-log = Unterstützung erfassen
support-new = Unterstützung erfassen
support-edit = Unterstützungsnachweis berichtigen
support-recorded = Die Unterstützung wurde erfasst.
support-saved = Der Unterstützungsnachweis wurde berichtigt.
support-conflict = Jemand anderes hat diesen Nachweis geändert, seit Sie ihn geöffnet haben. Laden Sie die Seite neu und nehmen Sie Ihre Änderung erneut vor.
support-withdrawn = Der Nachweis wurde zurückgezogen. Er bleibt als Beleg erhalten und zählt nirgends.
support-evidence-uploaded = Die Belegdatei wurde hochgeladen.
support-form-intro = Erfassen Sie einen Einsatz: wer die Unterstützung geleistet hat, wann, wie viele Stunden und was das Unternehmen erhalten hat.

support-field-project = Projekt
support-field-enterprise_id = Unternehmen
support-field-support_org_id = Unterstützungsorganisation
support-field-adviser_name = Beraterin oder Berater
support-field-delivered_on = Datum
support-field-hours = Stunden
support-field-activity = Tätigkeit
support-field-written_output = Schriftliches Ergebnis
support-field-amount = Betrag
support-field-grant_amount = Zuschussbetrag
support-field-loan_amount = Darlehensbetrag
support-field-loan_aid_value = Beihilfewert eines Darlehens (Bruttosubventionsäquivalent)
support-field-aid_value = Beihilfewert
support-field-withdrawn_at = Zurückgezogen am
support-field-withdrawn_reason = Grund der Rücknahme
support-field-file_name = Datei
support-field-media_type = Dateityp
support-field-size = Größe

support-hint-delivered-on = Der Tag der Unterstützung, innerhalb der Projektlaufzeit.
support-hint-hours = Zum Beispiel 2 oder 1,5.
support-hint-written-output = Das konkrete Ergebnis, das das Unternehmen erhalten hat, z. B. sein Maßnahmenplan. Beratung zählt nur, wenn sie auf das Unternehmen zugeschnitten ist.
support-hint-amount = Nur für Zuschüsse und Darlehen.
support-hint-aid-value = Nur für Darlehen: das Bruttosubventionsäquivalent des Darlehens. Ein Zuschuss zählt mit seinem Betrag.

support-activity-diagnostic = Bedarfsanalyse
support-activity-one_to_one_advice = Einzelberatung
support-activity-workshop = Workshop
support-activity-grant = Zuschuss
support-activity-loan = Darlehen
support-activity-mentoring = Mentoring
support-activity-event_participation = Veranstaltungsteilnahme

support-title = Unterstützung für { $name }
support-totals = Stunden je Projekt
support-empty = Für dieses Unternehmen wurde noch keine Unterstützung erfasst.
support-hours-of = { $this } von { $other } Stunden
support-reached = Schwelle erreicht
support-not-reached = Schwelle nicht erreicht
support-records = Nachweise
support-evidence = Belege
support-evidence-none = Noch keine Dateien.
support-evidence-field = Belegdatei
support-evidence-upload = Beleg hochladen
support-withdraw = Nachweis zurückziehen
support-withdraw-reason = Grund der Rücknahme
support-withdraw-hint = Ein zurückgezogener Nachweis bleibt als Beleg erhalten, zählt aber nirgends.
support-withdrawn-note = Zurückgezogen am { $this }: { $other }
support-back = Zurück zur Organisation

support-history = Verlauf
support-history-when = Wann
support-history-who = Wer
support-history-action = Aktion
support-history-record = Nachweis
support-history-changes = Änderungen
support-history-field = Feld
support-history-before = Vorher
support-history-after = Nachher
support-history-system = das System
support-history-a-user = eine Person
support-action-created = Erfasst
support-action-updated = Berichtigt
support-action-withdrawn = Zurückgezogen
support-action-evidence_added = Beleg hinzugefügt

support-section = Erhaltene Unterstützung
support-section-text = Unterstützung für dieses Unternehmen in geförderten Projekten, mit ihren Belegen.
support-section-link = Unterstützungsnachweise anzeigen

## Fehlermeldungen

validation-before_start = Das Ende darf nicht vor dem Beginn liegen.
validation-invalid_hours = Geben Sie Stunden wie 2 oder 1,5 ein.
validation-invalid_amount = Geben Sie einen Betrag wie 5000 oder 5.000,00 ein.
validation-unknown_rulebook = Wählen Sie ein Indikatorenregelwerk und seine Fassung.
validation-invalid_target = Geben Sie den Zielwert als ganze Zahl ein.
validation-not_delivery = Wählen Sie eine der Organisationen, die dieses Projekt durchführen.
validation-not_enterprise = Unterstützung wird nur für Unternehmen erfasst.
validation-self_support = Eine Organisation kann keine Unterstützung für sich selbst erfassen.
validation-outside_project = Das Datum liegt außerhalb der Projektlaufzeit.
validation-not_financial = Nur ein Zuschuss oder ein Darlehen hat einen Betrag.

# Gründungsinteressierte (EFRE P11) und das Programm, in dem unterstützt wurde
support-pre-start = Gründungsinteressiert
support-pre-start-hint = Noch nicht am Markt: Dieses Projekt zählt die Unterstützung nur unter P11 (potenzielle Gründerinnen und Gründer), nicht als Unterstützung eines Unternehmens.
support-pre-start-mark = Als gründungsinteressiert markieren
support-pre-start-unmark = Nicht mehr gründungsinteressiert
support-pre-start-marked = Im Projekt als gründungsinteressiert markiert: Die Unterstützung zählt jetzt nur unter P11.
support-pre-start-unmarked = Nicht mehr gründungsinteressiert: Die Unterstützung zählt wieder als Unterstützung eines Unternehmens.
support-action-pre_start_marked = Als gründungsinteressiert markiert
support-action-pre_start_unmarked = Nicht mehr gründungsinteressiert
support-field-programme_id = Programm
support-hint-programme = Das Programm der unterstützenden Organisation, zu dem diese Unterstützung gehörte, falls es eines gibt (im Projekt-Dashboard nach Programm gezeigt).
support-programme-none = Keines
