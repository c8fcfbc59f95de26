# Der Veranstaltungstag (Issue 5, Punkt 5): jedes Treffen als stattgefunden oder nicht
# erschienen erfasst, von einer der beiden Seiten oder vom Veranstalter, ab Beginn des Slots.

event-day-you = Sie
event-day-outcome-question = Hat das Treffen stattgefunden?
event-day-action-held = Stattgefunden
event-day-action-no-show = Nicht erschienen
event-day-action-absent = Nicht erschienen: { $name }
event-day-action-both-absent = Beide nicht erschienen
event-day-outcome-held = Stattgefunden
event-day-outcome-absent = Nicht erschienen: { $name }
event-day-outcome-both_absent = Beide nicht erschienen
event-day-recorded-by = erfasst von { $name }
event-day-recorded-by-you = von Ihnen erfasst
event-day-recorded-by-organiser = vom Veranstalter erfasst
event-day-flash-recorded = Das Ergebnis des Treffens ist erfasst.

## Ablehnungen

meetings-error-outcome_not_placed = Nur ein angenommenes Treffen mit Zeitslot kann als stattgefunden oder nicht erschienen markiert werden.
meetings-error-outcome_too_early = Das Treffen hat noch nicht begonnen; Sie können es ab seinem Beginn als stattgefunden oder nicht erschienen markieren.
meetings-error-outcome_event_cancelled = Die Veranstaltung wurde abgesagt; ihre Treffen können nicht mehr markiert werden.
meetings-error-outcome_recorded_by_partner = Die andere Seite hat dieses Treffen bereits erfasst; bitten Sie den Veranstalter, es zu korrigieren.
meetings-error-outcome_recorded_by_organiser = Der Veranstalter hat dieses Treffen erfasst; bitten Sie ihn, es zu korrigieren.
meetings-error-outcome_unknown = Wählen Sie, ob das Treffen stattgefunden hat oder wer nicht erschienen ist.
