# Nachbereitung von Kooperationsbörsen (Issue 5, Punkt 6): Treffen bewerten, die Befragung nach
# sechs Monaten, Vereinbarungen aus Treffen und die Statistik der Veranstalter mit Diagrammen.

## Links von anderen Seiten

followup-link-statistics = Statistik
followup-link-mine = Nach Ihren Treffen: bewerten Sie sie und sagen Sie uns, was daraus geworden ist

## Ein Treffen bewerten

followup-rate-title = Ihr Treffen mit { $name } bewerten
followup-rate-intro = Wie nützlich war dieses Treffen für Sie? Die Veranstalter sehen Bewertungen nur als Zahlen für die ganze Veranstaltung.
followup-rate-field = Ihre Bewertung
followup-rate-hint = Von 1 (nicht nützlich) bis 5 (sehr nützlich).
followup-rating-1 = 1 – nicht nützlich
followup-rating-2 = 2 – wenig nützlich
followup-rating-3 = 3 – nützlich
followup-rating-4 = 4 – sehr nützlich
followup-rating-5 = 5 – hervorragend
followup-comment = Kommentar
followup-comment-hint = Was war nützlich, was hat gefehlt?
followup-rate-save = Bewertung speichern
followup-rated = Vielen Dank: Ihre Bewertung ist gespeichert.
followup-rated-before = Sie haben dieses Treffen mit { $count } von 5 bewertet. Sie können Ihre Bewertung ändern.
followup-back-survey = Zurück zur Nachbereitung Ihrer Treffen

## Die Befragung

followup-survey-title = Nachbereitung: { $name }
followup-survey-intro = Bewerten Sie Ihre Treffen und sagen Sie uns nach der Veranstaltung, was daraus geworden ist. Ihre Antworten helfen den Veranstaltern zu zeigen, was die Partnerschaft bewirkt.
followup-survey-not-open = Die Frage, was aus Ihren Treffen geworden ist, wird nach dem Ende der Veranstaltung freigeschaltet.
followup-survey-empty = Sie hatten bei dieser Veranstaltung keine eingeplanten Treffen.
followup-rating-none = Noch nicht bewertet.
followup-rating-yours = Ihre Bewertung: { $count } von 5
followup-action-rate = Treffen bewerten
followup-action-change-rating = Bewertung ändern
followup-not-yet = Sie können dieses Treffen bewerten, sobald es stattgefunden hat.
followup-outcome-question = Was ist aus diesem Treffen geworden?
followup-outcome-no_contact = Kein weiterer Kontakt
followup-outcome-knowledge_gained = Kein weiterer Kontakt, aber Wissen gewonnen
followup-outcome-valuable_contact = Ein wertvoller Kontakt
followup-outcome-negotiation = Verhandlungen begonnen
followup-outcome-agreement = Eine Vereinbarung wurde geschlossen
followup-outcome-save = Antwort speichern
followup-answered = Vielen Dank: Ihre Antwort ist gespeichert.
followup-agreement-heading = Vereinbarung erfassen
followup-agreement-intro = Erfassen Sie die Partnerschaftsvereinbarung zwischen Ihren beiden Organisationen. Die Unterstützungsorganisation, die das Profil betreut, bestätigt sie, bevor sie zählt.
followup-agreement-profile = Partnerschaftsprofil, aus dem sie hervorging
followup-agreement-save = Vereinbarung erfassen
followup-agreement-recorded = Die Vereinbarung ist erfasst; die Unterstützungsorganisation wird sie bestätigen.
followup-agreement-done = Die Vereinbarung aus diesem Treffen ist erfasst.
followup-agreement-view = Vereinbarung ansehen

## Statistik

followup-statistics-title = Statistik: { $name }
followup-statistics-intro = Wer kam, was aus den Terminanfragen wurde, was am Veranstaltungstag geschah und was aus den Treffen wurde.
followup-statistics-empty = Noch nichts zu zählen: Niemand hat sich angemeldet und kein Treffen wurde angefragt. Die Zahlen erscheinen hier, sobald es welche gibt.
followup-statistics-manage = Veranstaltung verwalten
followup-figures = Kennzahlen
followup-participants = Teilnehmende
followup-requests = Terminanfragen
followup-acceptance = Annahmequote
followup-acceptance-hint = Angenommene Anfragen von denen, die beantwortet wurden oder verfallen sind (zurückgezogene und offene nicht mitgezählt).
followup-scheduled = Eingeplante Treffen
followup-held = Stattgefundene Treffen
followup-no-shows = Nicht erschienen
followup-cross-city = Treffen zwischen Organisationen aus verschiedenen Städten
followup-cross-city-detail = { $count } von { $items } eingeplanten Treffen, bei denen die Städte beider Organisationen bekannt sind
followup-average-rating = Durchschnittliche Bewertung
followup-average-rating-detail = { $count ->
    [one] von 5, aus 1 Bewertung
   *[other] von 5, aus { $formatted } Bewertungen
}
followup-answers = Antworten der Befragung
followup-agreements = Aus der Befragung erfasste Vereinbarungen
followup-not-yet-figure = noch keine
followup-chart-attendance = Teilnehmende nach Teilnahmeart
followup-chart-city = Teilnehmende nach Stadt
followup-chart-requests = Terminanfragen nach Ergebnis
followup-chart-day = Eingeplante Treffen am Veranstaltungstag
followup-chart-city-pairs = Eingeplante Treffen nach den Städten der Organisationen
followup-chart-ratings = Bewertungen der Treffen
followup-chart-outcomes = Was aus den Treffen wurde (Antworten der Befragung)
followup-col-attendance = Teilnahmeart
followup-col-city = Stadt
followup-col-cities = Städte
followup-col-outcome = Ergebnis
followup-col-rating = Bewertung
followup-col-participants = Teilnehmende
followup-col-requests = Anfragen
followup-col-meetings = Treffen
followup-col-ratings = Bewertungen
followup-col-answers = Antworten
followup-col-share = Anteil
followup-no-city = Keine Organisation
followup-request-accepted = Angenommen
followup-request-pending = Wartet auf Antwort
followup-request-declined = Abgelehnt
followup-request-expired = Verfallen
followup-request-cancelled = Zurückgezogen oder abgesagt
followup-day-held = Stattgefunden
followup-day-no-show = Nicht erschienen
followup-day-unrecorded = Nicht erfasst
followup-rating-value = { $count } von 5

## Ablehnungen

validation-not_held = Nur ein angenommenes, eingeplantes und nicht versäumtes Treffen kann bewertet oder nachbereitet werden.
validation-not_yet = Ein Treffen kann bewertet werden, sobald sein Zeitfenster vorbei ist.
validation-event_not_over = Die Befragung wird nach dem Ende der Veranstaltung freigeschaltet.
validation-not_agreement = Antworten Sie für dieses Treffen zuerst „Eine Vereinbarung wurde geschlossen“.
validation-no_organisations = Eine Vereinbarung wird zwischen zwei Organisationen geschlossen: Sie beide müssen sich für eine Organisation angemeldet haben. Erfassen Sie sie stattdessen auf der Profilseite.
validation-profile_required = Wählen Sie das Partnerschaftsprofil einer der beiden Organisationen, aus dem die Vereinbarung hervorging.
