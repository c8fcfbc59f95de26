# Agenden (Issue 5, Punkt 4): die Agenda einer teilnehmenden Person, ihre Downloads und das
# Kalender-Abonnement, sowie Tischplan und Treffen-Tabelle für die Veranstaltenden.

## Links von anderen Seiten

agendas-link = Meine Agenda
agendas-open = Agenda
agendas-open-pdf = Agenda (PDF)
agendas-documents = Dokumente
agendas-table-plan = Tischplan (PDF)
agendas-meetings-xlsx = Alle Treffen (Excel)

## Die Agenda-Seite

agendas-title = Meine Agenda: { $name }
agendas-participant-title = Agenda von { $name }
agendas-organiser-view = Sie sehen die Agenda dieser Person, weil Sie die Veranstaltung organisieren. Sie zeigt Treffen auch, bevor sie veröffentlicht sind.
agendas-event-cancelled = Diese Veranstaltung wurde abgesagt.
agendas-unpublished = Die Veranstaltenden haben die Treffen-Agenda noch nicht veröffentlicht. Ihre Treffen mit Zeiten und Tischen erscheinen hier, sobald sie es tun.
agendas-preliminary-badge = Vorläufige Agenda.
agendas-preliminary = Die Veranstaltenden können Treffen noch verschieben; schauen Sie kurz vor der Veranstaltung noch einmal hinein.
agendas-waiting = { $count ->
    [one] 1 angenommenes Treffen steht noch nicht in Ihrer Agenda: Es wartet auf ein Zeitfenster.
   *[other] { $formatted } angenommene Treffen stehen noch nicht in Ihrer Agenda: Sie warten auf ein Zeitfenster.
}
agendas-programme-title = Programm und Treffen
agendas-local-times = Alle Zeiten in Ortszeit des Veranstaltungsorts ({ $label }).
agendas-no-meetings = Noch keine Treffen in der Agenda.
agendas-find-participants = Teilnehmende zum Treffen finden
agendas-empty = Noch nichts in der Agenda.
agendas-meeting-with = Treffen mit { $name }
agendas-table = Tisch { $count }
agendas-by-video = Per Video
agendas-profile = Zum Profil
agendas-speakers = Referierende
agendas-video-link = Am Video-Treffen teilnehmen
agendas-stream-link = Livestream ansehen
agendas-cancelled = abgesagt

## Check-in, Downloads, Abonnement

agendas-checkin-title = Check-in
agendas-qr-label = QR-Code für den Check-in am Eingang
agendas-checkin-hint = Zeigen Sie diesen Code am Eingang (auf dem Handy oder auf der gedruckten Agenda); die Veranstaltenden scannen ihn zum Check-in.
agendas-downloads-title = Downloads
agendas-download-pdf = Agenda zum Drucken (PDF)
agendas-download-ics = Kalenderdatei (.ics) zum einmaligen Import
agendas-subscribe-title = Im Kalender abonnieren
agendas-subscribe-hint = Fügen Sie diese Adresse Ihrem Kalender (Outlook, Google Kalender, Apple Kalender) als Abonnement hinzu: Wird ein Treffen verschoben, zieht Ihr Kalender mit.
agendas-subscribe-label = Kalenderadresse
agendas-subscribe-private = Behalten Sie sie für sich: Wer diese Adresse kennt, kann Ihre Agenda lesen.
agendas-subscribe-webcal = In meiner Kalender-App öffnen
agendas-reset-hint = Adresse versehentlich weitergegeben? Setzen Sie sie zurück: Die alte Adresse funktioniert dann nicht mehr, und Sie abonnieren mit der neuen erneut.
agendas-reset = Kalenderadresse zurücksetzen
agendas-reset-done = Ihre Kalenderadresse wurde zurückgesetzt. Abonnieren Sie mit der neuen Adresse erneut; die alte funktioniert nicht mehr.

## Ohne Agenda

agendas-none-title = Keine Agenda
agendas-not-registered = Sie sind für diese Veranstaltung nicht angemeldet, daher gibt es hier keine Agenda für Sie.
agendas-not-approved = Ihre Anmeldung ist noch nicht bestätigt ({ $label }); Ihre Agenda erscheint hier, sobald sie es ist.
agendas-register = Für diese Veranstaltung anmelden
