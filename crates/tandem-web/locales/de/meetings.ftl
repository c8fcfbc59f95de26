# B2B-Treffen bei Kooperationsbörsen (Issue 5): Teilnehmendenverzeichnis, Terminanfragen,
# meine Treffen mit Zeitfenstern und Tischen, Verfügbarkeit und die Übersicht der Veranstalter.

## Navigation

meetings-nav-label = Treffen bei dieser Veranstaltung
meetings-nav-participants = Teilnehmende
meetings-nav-mine = Meine Treffen
meetings-nav-availability = Meine Verfügbarkeit
meetings-nav-organiser = Alle Treffen (Veranstalter)

## Teilnehmendenverzeichnis

meetings-participants-title = Teilnehmende von { $name }
meetings-participants-intro = Finden Sie die Menschen, die Sie treffen möchten, sehen Sie, was sie mitbringen, und bitten Sie sie um ein Treffen.
meetings-participants-all = Alle Teilnehmenden
meetings-participants-count = { $count ->
    [0] Keine Teilnehmenden passen (von { $items })
    [one] 1 Teilnehmende:r von { $items }
   *[other] { $count } Teilnehmende von { $items }
}
meetings-participants-empty = Niemand passt zu diesen Filtern. Entfernen Sie einen Filter, um mehr zu sehen.
meetings-recommended = Für Sie empfohlen
meetings-recommended-intro = Teilnehmende, deren Organisation oder Profile zu Ihren passen, die besten zuerst, mit Begründung.
meetings-recommended-empty = Noch keine Empfehlungen. Es hilft, Ihre Organisation und Ihre Kooperationsprofile mit Ihrer Anmeldung zu verknüpfen.
meetings-filter-text = Name, Organisation oder Profil
meetings-filter-text-placeholder = z. B. virtuelle Realität, Birmingham
meetings-filter-city = Stadt
meetings-filter-kind = Art der Organisation
meetings-filter-attendance = Teilnahme
meetings-filter-sector = Branche (NACE)
meetings-filter-any = Alle
meetings-filter-button = Filtern
meetings-you = Sie
meetings-booth = Stand an Tisch { $count }
meetings-sectors = Branchen
meetings-profiles = Kooperationsprofile
meetings-open-sent = Sie haben um ein Treffen gebeten.
meetings-open-received = Sie wurden um ein Treffen gebeten.
meetings-open-meeting = Sie treffen sich.

## Teilnahme, Status, Ort

meetings-attendance-onsite = Vor Ort
meetings-attendance-remote = Online
meetings-state-requested = Wartet auf Antwort
meetings-state-accepted = Treffen
meetings-state-declined = Abgelehnt
meetings-state-expired = Verfallen
meetings-state-cancelled = Abgesagt
meetings-mode-onsite = An einem Tisch
meetings-mode-remote = Per Video
meetings-mode-either = An einem Tisch, sonst per Video
meetings-table = Tisch { $count }
meetings-by-video = Per Video

## Anfragen

meetings-request-title = { $name } um ein Treffen bitten
meetings-request-intro = Die Person erhält eine E-Mail und kann annehmen oder ablehnen. Unbeantwortete Anfragen verfallen.
meetings-request-intro-automatic = Bei dieser Veranstaltung werden Anfragen sofort angenommen: Das Treffen ist bestätigt, sobald Sie die Anfrage senden.
meetings-field-profile = Das Profil, um das es geht
meetings-field-profile-none = Kein bestimmtes Profil
meetings-field-message = Nachricht
meetings-field-message-hint = Schreiben Sie, warum Sie sich treffen möchten (höchstens 2.000 Zeichen).
meetings-optional = (optional)
meetings-action-request = Treffen anfragen
meetings-action-send-request = Anfrage senden

## Meine Treffen

meetings-mine-title = Meine Treffen bei { $name }
meetings-booking-closed = Terminanfragen sind bei dieser Veranstaltung derzeit geschlossen.
meetings-incoming = Anfragen an Sie
meetings-incoming-empty = Keine Anfrage wartet auf Ihre Antwort.
meetings-outgoing = Ihre Anfragen
meetings-outgoing-empty = Keine Ihrer Anfragen wartet auf Antwort.
meetings-accepted = Ihre Treffen
meetings-accepted-empty = Noch keine Treffen. Finden Sie Teilnehmende und senden Sie ihnen eine Anfrage.
meetings-closed = Abgelehnt, verfallen und abgesagt
meetings-about = Thema
meetings-reason = Begründung
meetings-expires = Verfällt am
meetings-needs-slot = Noch keine Zeit gewählt.
meetings-scheduled-later = Die Veranstalter planen die Treffen dieser Veranstaltung; Zeit und Tisch folgen in Ihrer Agenda.
meetings-action-accept = Annehmen
meetings-action-accept-pick = Annehmen und Zeit wählen
meetings-action-decline = Ablehnen
meetings-decline-reason = Grund der Ablehnung
meetings-action-cancel = Dieses Treffen absagen …
meetings-cancel-reason = Grund der Absage
meetings-action-cancel-confirm = Treffen absagen
meetings-action-withdraw = Anfrage zurückziehen
meetings-action-book = Zeit wählen

## Zeitfenster wählen

meetings-accept-title = Treffen mit { $name } annehmen
meetings-book-title = Zeit für das Treffen mit { $name } wählen
meetings-pick-slot = Zeiten, zu denen Sie beide frei sind
meetings-no-free-slot = Es gibt keine Zeit mehr, zu der Sie beide frei sind und ein Tisch verfügbar ist. Sie können die Anfrage ablehnen oder weitere Zeiten als verfügbar markieren.
meetings-not-done = Das hat nicht geklappt
meetings-back-to-mine = Zurück zu meinen Treffen

## Verfügbarkeit

meetings-availability-title = Meine Verfügbarkeit bei { $name }
meetings-availability-intro = Entfernen Sie das Häkchen bei den Zeiten, zu denen Sie sich nicht treffen können. Dann kann niemand ein Treffen mit Ihnen buchen.
meetings-availability-legend = Verfügbar für Treffen
meetings-availability-has-meeting = Sie haben dann ein Treffen.
meetings-availability-empty = Diese Veranstaltung hat noch keine Zeitfenster für Treffen.
meetings-availability-save = Verfügbarkeit speichern

## Veranstalter

meetings-organiser-title = Treffen bei { $name }
meetings-organiser-filter = Nach Status filtern
meetings-organiser-all = Alle
meetings-organiser-unplaced = { $count ->
    [0] Jedes angenommene Treffen hat eine Zeit.
    [one] 1 angenommenes Treffen hat noch keine Zeit.
   *[other] { $formatted } angenommene Treffen haben noch keine Zeit.
}
meetings-organiser-empty = Keine Anfragen oder Treffen in dieser Liste.
meetings-column-requester = Angefragt von
meetings-column-receiver = Angefragt bei
meetings-column-state = Status
meetings-column-when = Wann
meetings-column-where = Wo
meetings-column-actions = Aktionen
meetings-locked = Fixiert
meetings-action-set-mode = Setzen
meetings-action-lock = Fixieren
meetings-action-unlock = Lösen
meetings-priority = Priorität
meetings-action-set-priority = Setzen

## Hinweise

meetings-flash-requested = Ihre Anfrage wurde gesendet.
meetings-flash-confirmed = Ihr Treffen ist bestätigt.
meetings-flash-accepted = Treffen angenommen. Sie haben es beide in Ihrer Liste.
meetings-flash-declined = Die Anfrage wurde abgelehnt.
meetings-flash-cancelled = Abgesagt. Die andere Seite wurde benachrichtigt.
meetings-flash-booked = Die Zeit ist gebucht.
meetings-flash-availability = Ihre Verfügbarkeit ist gespeichert.
meetings-flash-mode = Der Ort des Treffens ist gesetzt.
meetings-flash-locked = Das Treffen ist fixiert.
meetings-flash-unlocked = Das Treffen ist nicht mehr fixiert.
meetings-flash-priority = Die Priorität des Treffens ist gesetzt.

## Warum etwas nicht ging

meetings-error-booking_closed = Terminanfragen sind bei dieser Veranstaltung nicht geöffnet.
meetings-error-not_participant = Nur zugelassene Teilnehmende dieser Veranstaltung können Treffen anfragen und beantworten.
meetings-error-partner_not_participant = Diese Person ist keine zugelassene Teilnehmerin bzw. kein zugelassener Teilnehmer dieser Veranstaltung.
meetings-error-own_request = Sie können kein Treffen mit sich selbst anfragen.
meetings-error-pair_open = Sie haben bereits eine Anfrage oder ein Treffen mit dieser Person.
meetings-error-too_many_pending = Sie haben so viele offene Anfragen, wie diese Veranstaltung erlaubt. Warten Sie auf Antworten oder ziehen Sie eine zurück.
meetings-error-own_agenda_full = Sie haben bereits so viele Treffen, wie Sie bei dieser Veranstaltung haben dürfen.
meetings-error-partner_agenda_full = Diese Person hat bereits so viele Treffen, wie sie bei dieser Veranstaltung haben darf.
meetings-error-profile_not_linked = Wählen Sie eines der Profile, die Sie oder diese Person zur Veranstaltung mitgebracht haben.
meetings-error-not_requested = Diese Anfrage wurde bereits beantwortet, zurückgezogen oder ist verfallen.
meetings-error-not_open = Diese Anfrage oder dieses Treffen wurde bereits abgelehnt, abgesagt oder ist verfallen.
meetings-error-not_accepted = Nur ein angenommenes Treffen kann eine Zeit bekommen.
meetings-error-already_placed = Dieses Treffen hat bereits eine Zeit.
meetings-error-slot_not_picked = Die Veranstalter planen die Treffen dieser Veranstaltung; nehmen Sie an, ohne eine Zeit zu wählen.
meetings-error-slot_required = Wählen Sie eine der freien Zeiten für das Treffen.
meetings-error-unknown_slot = Das ist kein Zeitfenster dieser Veranstaltung.
meetings-error-slot_unavailable = Eine:r von Ihnen ist dann nicht verfügbar oder hat schon ein Treffen. Wählen Sie eine andere Zeit.
meetings-error-slot_taken = Dieses Zeitfenster wurde gerade vergeben – bitte wählen Sie ein anderes.
meetings-error-no_table = Dann ist kein Tisch frei. Wählen Sie eine andere Zeit.
meetings-error-session_full = Eine:r von Ihnen hat in diesem Block bereits so viele Treffen, wie er erlaubt. Wählen Sie eine Zeit in einem anderen Block.
meetings-error-slot_has_meeting = Sie haben dann ein Treffen; sagen Sie es zuerst ab.
meetings-error-mode_not_allowed = Nur ein Treffen zweier Teilnehmender vor Ort kann stattdessen per Video stattfinden.
