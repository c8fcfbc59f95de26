# Kooperationsbörsen: Liste, Veranstaltungsseite, Einrichtung, Programm, Anmeldung, Teilnehmende, Check-in.

nav-events = Veranstaltungen

events-title = Veranstaltungen
events-past-title = Vergangene Veranstaltungen
events-show-past = Vergangene Veranstaltungen
events-show-upcoming = Kommende Veranstaltungen
events-empty = Noch keine kommenden Veranstaltungen.
events-empty-past = Keine vergangenen Veranstaltungen.
events-new = Veranstaltung anlegen
events-organised-title = Veranstaltungen Ihrer Organisationen
events-organised-by = Veranstaltet von
events-mine-title = Meine Veranstaltungen
events-mine-empty = Sie haben sich noch für keine Veranstaltung angemeldet.
events-created = Die Veranstaltung wurde als Entwurf angelegt. Ergänzen Sie Programm und Einstellungen und veröffentlichen Sie sie dann.
events-saved = Gespeichert.
events-published = Die Veranstaltung ist veröffentlicht und für alle sichtbar.
events-cancelled = Die Veranstaltung ist abgesagt; alle Angemeldeten wurden benachrichtigt.

events-state-draft = Entwurf
events-state-published = Veröffentlicht
events-state-cancelled = Abgesagt
events-role-main = Hauptveranstalter
events-role-supporting = Mitveranstalter
events-kind-keynote = Keynote
events-kind-panel = Podiumsdiskussion
events-kind-demo = Vorführung
events-kind-matchmaking = Matchmaking
events-kind-break = Pause
events-kind-other = Sonstiges
events-reg-state-pending = Wartet auf Freigabe
events-reg-state-approved = Angemeldet
events-reg-state-waitlisted = Warteliste
events-reg-state-declined = Abgelehnt
events-reg-state-cancelled = Storniert
events-attendance-onsite = Vor Ort
events-attendance-remote = Online
events-question-kind-text = Text
events-question-kind-choice = Auswahl
events-question-kind-yes_no = Ja / Nein
events-request-mode-approval = Die angefragte Person nimmt jede Anfrage an oder lehnt sie ab
events-request-mode-automatic = Anfragen werden automatisch angenommen
events-scheduling-mode-pick_slot = Teilnehmende wählen beim Annehmen eine Zeit
events-scheduling-mode-auto = Die Veranstalter planen alle Termine
events-answer-yes = Ja
events-answer-no = Nein
events-choose = Bitte wählen …

events-field-when = Wann
events-field-venue = Ort
events-field-organisers = Veranstalter
events-field-main-org = Veranstaltende Organisation
events-field-name = Name der Veranstaltung
events-field-description = Beschreibung
events-field-timezone = Zeitzone
events-field-timezone-hint = Die Zeitzone des Veranstaltungsorts; alle Zeiten der Veranstaltung werden darin angezeigt.
events-field-starts-at = Beginn
events-field-ends-at = Ende
events-field-local-hint = In der Zeitzone des Veranstaltungsorts.
events-field-venue-name = Veranstaltungsort
events-field-venue-address = Adresse
events-field-tables = Nummerierte Tische
events-field-tables-hint = Tische für Gespräche vor Ort (0 für eine reine Online-Veranstaltung).
events-field-registration-open = Anmeldung ist geöffnet
events-field-registration-approval = Veranstalter geben jede Anmeldung frei
events-field-registration-approval-hint = Ohne Freigabe werden Anmeldungen angenommen, solange Plätze frei sind.
events-field-capacity = Plätze
events-field-capacity-hint = Leer lassen für unbegrenzt. Sind alle Plätze vergeben, kommen neue Anmeldungen auf die Warteliste.
events-field-booking-open = Gesprächsanfragen sind geöffnet
events-field-request-mode = Gesprächsanfragen
events-field-scheduling-mode = Gesprächszeiten
events-field-request-expiry = Unbeantwortete Anfragen verfallen nach (Minuten)
events-field-request-expiry-hint = Von 15 Minuten bis 10 Tage (14400 Minuten).
events-field-max-pending = Unbeantwortete Anfragen je Teilnehmer/in
events-field-max-meetings = Gespräche je Teilnehmer/in
events-field-max-meetings-onsite = Gespräche je Teilnehmer/in vor Ort
events-field-max-meetings-remote = Gespräche je Online-Teilnehmer/in
events-field-blank-no-limit = Leer lassen für unbegrenzt.
events-field-session-kind = Art des Programmpunkts
events-field-session-title = Titel
events-field-room = Raum
events-field-stream-url = Stream-Link
events-field-stream-url-hint = Für zugeschaltete Sprecher und Online-Teilnehmende; nur Angemeldete sehen ihn.
events-field-slot-minutes = Länge eines Gesprächs-Slots (Minuten)
events-field-slot-minutes-hint = Nur für Matchmaking: mindestens 15 Minuten. Der Programmpunkt wird in Slots dieser Länge geteilt.
events-field-session-max-meetings = Gespräche je Teilnehmer/in in diesem Programmpunkt
events-field-session-max-meetings-hint = Nur für Matchmaking; leer lassen für unbegrenzt.
events-field-speaker-name = Name
events-field-speaker-affiliation = Organisation oder Funktion
events-field-speaker-remote = Spricht per Zuschaltung (über den Stream)
events-field-question-label = Frage
events-field-question-kind = Art der Antwort
events-field-question-options = Optionen
events-field-question-options-hint = Für Auswahlfragen: eine Option je Zeile, mindestens zwei.
events-field-question-required = Eine Antwort ist Pflicht
events-field-display-name = Ihr Name, wie andere ihn sehen
events-field-display-name-hint = Wird den anderen Teilnehmenden und den Veranstaltern angezeigt.
events-field-attendance = Wie Sie teilnehmen
events-field-org = Organisation
events-field-profiles = Kooperationsprofile, die Sie mitbringen
events-field-profiles-hint = Veröffentlichte Profile der gewählten Organisation; andere Teilnehmende können dazu Gespräche anfragen.
events-field-unavailable = Zeiten, in denen Sie keine Gespräche führen können
events-field-unavailable-hint = Kreuzen Sie die Slots an, in denen Sie nicht können; in allen anderen sind Sie verfügbar.
events-field-booth = Tisch (Stand)
events-field-booth-hint = An diesem Tisch empfängt die Person ihre Gesprächspartner. Leer lassen für keinen.
events-field-personal-max = Höchstzahl Gespräche für diese Person

events-registration-title = Anmeldung
events-your-registration = Ihre Anmeldung:
events-registration-change = Anmeldung ändern
events-registration-cancel = Meine Anmeldung stornieren
events-registration-cancelled = Ihre Anmeldung ist storniert.
events-registration-closed = Die Anmeldung ist geschlossen.
events-register = Anmelden
events-register-title = Zur Veranstaltung anmelden
events-register-login = Sie werden zuerst gebeten, sich anzumelden oder ein Konto anzulegen.
events-register-no-org = (als Einzelperson)
events-registered = Sie sind angemeldet.
events-registered-pending = Vielen Dank: Ihre Anmeldung wartet auf die Freigabe durch die Veranstalter.
events-registered-waitlisted = Die Veranstaltung ist ausgebucht: Sie stehen auf der Warteliste und rücken nach, sobald ein Platz frei wird.
events-places-left = { $count ->
    [0] Keine Plätze mehr frei: neue Anmeldungen kommen auf die Warteliste.
    [one] Noch ein Platz frei.
   *[other] Noch { $formatted } Plätze frei.
}
events-cancelled-note = Diese Veranstaltung wurde abgesagt.
events-checked-in = Eingecheckt
events-checked-in-at = Eingecheckt um { $label }
events-booth-yours = Ihr Tisch: { $code }
events-qr-label = QR-Code für den Check-in
events-qr-caption = Zeigen Sie diesen Code am Eingang zum Check-in.
events-link-participants = Teilnehmende
events-link-meetings = Meine Gespräche
events-link-all-meetings = Alle Gespräche

events-agenda-title = Programm
events-agenda-empty = Das Programm folgt.
events-agenda-empty-organiser = Noch keine Programmpunkte — legen Sie den ersten an.
events-agenda-see = Programm ansehen
events-agenda-count = { $count ->
    [one] Ein Programmpunkt
   *[other] { $count } Programmpunkte
} mit { $label } Gesprächs-Slots
events-session-slots = { $count ->
    [one] ein Gesprächs-Slot zu { $label } Minuten
   *[other] { $count } Gesprächs-Slots zu { $label } Minuten
}
events-speaker-remote = zugeschaltet
events-stream-link = Zum Stream
events-session-add = Programmpunkt hinzufügen
events-session-edit = Programmpunkt bearbeiten
events-session-intro = Zeiten in der Zeitzone des Veranstaltungsorts ({ $label }).
events-session-saved = Der Programmpunkt ist gespeichert.
events-session-saved-slots = { $count ->
    [one] Der Programmpunkt ist mit einem Gesprächs-Slot gespeichert.
   *[other] Der Programmpunkt ist mit { $count } Gesprächs-Slots gespeichert.
}
events-session-dropped = { $count ->
    [one] Die letzte Minute ergab keinen ganzen Slot und entfällt.
   *[other] Die letzten { $count } Minuten ergaben keinen ganzen Slot und entfallen.
}
events-session-deleted = Der Programmpunkt ist gelöscht.
events-session-delete-title = Diesen Programmpunkt löschen
events-session-delete-hint = Der Programmpunkt, seine Sprecher und seine Gesprächs-Slots werden entfernt.
events-session-delete = Programmpunkt löschen
events-speakers-title = Sprecherinnen und Sprecher
events-speakers-empty = Noch keine Sprecher.
events-speaker-add = Sprecher/in hinzufügen
events-speaker-added = Der Sprecher wurde hinzugefügt.
events-speaker-removed = Der Sprecher wurde entfernt.
events-speaker-remove = { $name } entfernen

events-manage = Veranstaltung verwalten
events-view-page = Veranstaltungsseite
events-edit-title = Angaben bearbeiten
events-settings-title = Anmeldung und Gespräche
events-publish = Veröffentlichen
events-publish-hint = Nur die Veranstalter sehen diesen Entwurf.
events-numbers-title = In Zahlen
events-checked-in-count = { $count ->
    [one] Eine Person eingecheckt
   *[other] { $formatted } Personen eingecheckt
}
events-organiser-add-label = Mitveranstalter hinzufügen
events-organiser-add = Hinzufügen
events-organiser-added = Der Veranstalter wurde hinzugefügt.
events-organiser-removed = Der Veranstalter wurde entfernt.
events-organiser-remove = { $name } entfernen
events-questions-title = Fragen bei der Anmeldung
events-questions-empty = Noch keine Fragen — Teilnehmende geben nur ihren Namen und die Art der Teilnahme an.
events-question-add = Frage hinzufügen
events-question-added = Die Frage wurde hinzugefügt.
events-question-deleted = Die Frage wurde gelöscht.
events-question-moved = Die Frage wurde nach oben verschoben.
events-question-up = Nach oben
events-question-delete = Löschen
events-cancel-title = Veranstaltung absagen
events-cancel-hint = Alle Angemeldeten werden per E-Mail benachrichtigt; die Veranstaltung bleibt als abgesagt sichtbar.
events-cancel = Veranstaltung absagen

events-registrations-title = Teilnehmende
events-registrations-count = { $count ->
    [one] Eine Anmeldung
   *[other] { $formatted } Anmeldungen
}
events-registrations-empty = Keine passenden Anmeldungen.
events-filter-name = Name
events-filter-state = Status
events-filter-all = Alle
events-filter-apply = Filtern
events-column-name = Name
events-column-booth = Tisch
events-column-actions = Aktionen
events-approve = { $name } freigeben
events-decline = { $name } ablehnen
events-registration-approved = Über die Anmeldung ist entschieden; die Person wurde benachrichtigt.
events-registration-declined = Die Anmeldung ist abgelehnt; die Person wurde benachrichtigt.
events-booth-title = Tisch und Gespräche
events-booth-saved = Gespeichert.

events-checkin-title = Check-in
events-checkin-search = Suchen
events-checkin-count = { $count ->
    [one] Eine Person
   *[other] { $count } Personen
}, davon { $label } eingecheckt
events-checkin-empty = Keine passende freigegebene Anmeldung.
events-checkin-button = { $name } einchecken
events-checkin-undo = Check-in von { $name } zurücknehmen
events-checked-in-notice = { $name } ist eingecheckt.
events-checkin-undone-notice = Der Check-in von { $name } ist zurückgenommen.
events-checkin-scan-hint = Der QR-Code im Programm einer teilnehmenden Person öffnet hier ihre Check-in-Seite.
events-scan-title = Check-in
events-scan-not-approved = Diese Anmeldung ist nicht freigegeben und kann daher nicht eingecheckt werden.
events-scan-open-registration = Anmeldung öffnen

validation-invalid_time_zone = Wählen Sie eine Zeitzone wie Europe/London oder Europe/Berlin.
validation-invalid_date_time = Geben Sie Datum und Uhrzeit als JJJJ-MM-TTTHH:MM ein.
validation-nonexistent_time = Diese Uhrzeit gibt es dort nicht (Zeitumstellung); wählen Sie eine andere.
validation-ends_before_start = Das Ende muss nach dem Beginn liegen.
validation-too_long_event = Eine Veranstaltung dauert höchstens 14 Tage.
validation-not_in_range = Geben Sie eine ganze Zahl im erlaubten Bereich ein.
validation-outside_event = Der Programmpunkt muss innerhalb der Veranstaltungszeit liegen.
validation-no_slot_fits = In diesen Programmpunkt passt kein Slot dieser Länge.
validation-slots_booked = In den Slots dieses Programmpunkts sind Gespräche gebucht; behalten Sie Zeiten und Slot-Länge bei oder sagen Sie diese Gespräche zuerst ab.
validation-sessions_outside = Einige Programmpunkte lägen außerhalb der neuen Zeiten; verschieben Sie sie zuerst.
validation-tables_in_use = Ein Stand oder Gespräch nutzt eine höhere Tischnummer; behalten Sie genug Tische.
validation-too_few_options = Eine Auswahlfrage braucht mindestens zwei Optionen, eine je Zeile.
validation-too_many_options = Eine Auswahlfrage hat höchstens 30 Optionen.
validation-not_member = Wählen Sie eine Ihrer eigenen Organisationen.
validation-not_own_profile = Bringen Sie nur veröffentlichte Profile der gewählten Organisation mit.
validation-profiles_need_org = Wählen Sie die Organisation, deren Profile Sie mitbringen.
validation-unknown_slot = Kreuzen Sie nur die für diese Veranstaltung aufgeführten Slots an.
validation-booth_taken = Dieser Tisch ist bereits der Stand einer anderen Person.
validation-no_tables = Diese Veranstaltung hat keine nummerierten Tische.
validation-registration_closed = Die Anmeldung für diese Veranstaltung ist geschlossen.
validation-registration_declined = Die Veranstalter haben Ihre Anmeldung abgelehnt.
validation-slot_has_meeting = Sie haben ein Treffen in einem Zeitfenster, das Sie als nicht verfügbar markiert haben; sagen Sie das Treffen zuerst ab oder verlegen Sie es.
validation-has_meetings = Sie haben Treffen für Ihre jetzige Teilnahmeart vereinbart; sagen Sie diese zuerst ab oder bitten Sie die Veranstalter, sie zu ändern.
validation-booth_has_meetings = An diesem Tisch sind Treffen anderer Teilnehmender gebucht; wählen Sie einen anderen Tisch oder verlegen Sie diese Treffen zuerst.
validation-not_pending = Nur eine Anmeldung, die auf Freigabe wartet, kann freigegeben werden.
validation-not_active = Diese Anmeldung ist nicht mehr aktiv.
validation-not_approved = Nur freigegebene Teilnehmende können eingecheckt werden.
validation-not_draft = Nur ein Entwurf kann veröffentlicht werden.
validation-event_not_published = Nur eine veröffentlichte Veranstaltung kann abgesagt werden.
validation-already_organiser = Diese Organisation veranstaltet bereits mit.
validation-not_supporting = Nur ein Mitveranstalter kann entfernt werden.
