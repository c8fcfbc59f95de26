# Die automatische Terminplanung des Organisationsteams (Issue 5, Punkte 2 und 3): Läufe mit
# ihrer bewiesenen Schranke, Treffen ohne Zeit und warum, vorläufige und endgültige Agenden.

schedule-title = Terminplanung
schedule-link = Terminplanung
schedule-manage = Veranstaltung verwalten
schedule-all-meetings = Alle Treffen

## State and facts

schedule-state = Agenda: { $name }
schedule-state-unpublished = noch nicht veröffentlicht
schedule-state-preliminary = vorläufig
schedule-state-final = endgültig
schedule-published-at = veröffentlicht am { $name }
schedule-facts-title = Die zu planenden Treffen
schedule-facts-slots = { $count ->
    [one] 1 Zeitfenster
   *[other] { $formatted } Zeitfenster
}
schedule-facts-tables = { $count ->
    [one] 1 Tisch
   *[other] { $formatted } Tische
}
schedule-facts-participants = { $count ->
    [one] 1 Teilnehmende:r
   *[other] { $formatted } Teilnehmende
}
schedule-facts-accepted = { $count ->
    [one] 1 angenommenes Treffen
   *[other] { $formatted } angenommene Treffen
}
schedule-facts-placed = { $count ->
    [one] 1 mit Zeit
   *[other] { $formatted } mit Zeit
}
schedule-facts-locked = { $count ->
    [one] 1 fixiert
   *[other] { $formatted } fixiert
}

## Empty and closed states

schedule-cancelled = Diese Veranstaltung wurde abgesagt: Es wird nichts mehr geplant.
schedule-not-auto = Bei dieser Veranstaltung wählen die Teilnehmenden ihre Zeiten selbst; für die Terminplanung gibt es nichts zu tun.
schedule-not-auto-fix = Damit das Organisationsteam alle Treffen plant, ändern Sie die Terminvergabe in den Einstellungen.
schedule-settings = Einstellungen
schedule-no-slots = Die Agenda hat noch keine Zeitfenster: Die Terminplanung braucht eine Matchmaking-Session mit Zeitfenstern.
schedule-add-session = Session hinzufügen

## The latest result

schedule-headline = { $score } von höchstens { $bound } erreichbar eingeplant ({ $percent } %)
schedule-headline-meetings = { $scheduled } von { $requested } angenommenen Treffen eingeplant; { $gaps } Leerlauf-Lücken in den Tagesplänen.
schedule-headline-hint = Die Summen sind nach der Priorität der Treffen gewichtet. Die obere Schranke ist bewiesen: Kein Plan kann mehr erreichen.

## Running

schedule-run-title = Terminplanung starten
schedule-run-hint = Die Planung setzt so viele angenommene Treffen ein wie möglich (die höchste Priorität zuerst) und schließt dann Lücken in den Tagesplänen. Fixierte Treffen bleiben, wo sie sind; alle anderen können sich verschieben.
schedule-field-time-limit = Zeitlimit in Sekunden
schedule-field-time-limit-hint = Von 1 bis 30 (Standard 2). Die Seite wartet auf das Ergebnis.
schedule-field-seed = Startwert (optional)
schedule-field-seed-hint = Derselbe Startwert ergibt bei denselben Treffen denselben Plan. Leer lassen für einen neuen.
schedule-run = Terminplanung starten
schedule-flash-run = { $score } von höchstens { $bound } erreichbar eingeplant ({ $percent } %). Neu eingeplant: { $placed }, verschoben: { $moved }, herausgenommen: { $removed }; über Änderungen benachrichtigt: { $emailed } Teilnehmende.

## Publishing

schedule-publish-title = Agenden veröffentlichen
schedule-publish-hint = Beim Veröffentlichen wird jedes Treffen mit Zeit fixiert, damit spätere Läufe es nicht verschieben, und alle Teilnehmenden erhalten ihre Agenda per E-Mail. Wer durch einen späteren Lauf Änderungen an veröffentlichten Treffen hat, bekommt eine E-Mail mit den Änderungen.
schedule-publish-preliminary = Vorläufige Agenda veröffentlichen
schedule-publish-final = Endgültige Agenda veröffentlichen
schedule-final-note = Die endgültige Agenda ist veröffentlicht. Nach späten Anfragen können Sie die Planung erneut starten und die endgültige Agenda noch einmal veröffentlichen: Veröffentlichte Treffen bleiben, wo sie sind.
schedule-flash-published-preliminary = Die vorläufige Agenda ist veröffentlicht: { $locked } Treffen neu fixiert, { $emailed } Teilnehmende benachrichtigt.
schedule-flash-published-final = Die endgültige Agenda ist veröffentlicht: { $locked } Treffen neu fixiert, { $emailed } Teilnehmende benachrichtigt.

## Runs

schedule-runs-title = Letzte Läufe
schedule-runs-empty = Die Terminplanung ist noch nicht gelaufen.
schedule-column-when = Wann
schedule-column-by = Von
schedule-column-stage = Agenda damals
schedule-column-meetings = Eingeplante Treffen
schedule-column-priority = Priorität (Schranke)
schedule-column-gaps = Lücken
schedule-column-time = Dauer
schedule-column-seed = Startwert
schedule-stage-draft = nicht veröffentlicht
schedule-stage-preliminary = vorläufig
schedule-stage-final = endgültig
schedule-run-meetings = { $scheduled } von { $requested }
schedule-run-priority = { $score } von ≤ { $bound } ({ $percent } %)
schedule-run-time = { $seconds } s (Limit { $limit } s)
schedule-someone = jemand

## Meetings without a slot

schedule-unplaced-title = Treffen ohne Zeit
schedule-unplaced-empty = Jedes angenommene Treffen hat eine Zeit.
schedule-accepted-empty = Es gibt noch keine angenommenen Treffen.
schedule-column-requester = Angefragt von
schedule-column-receiver = Mit
schedule-column-weight = Priorität
schedule-column-why = Warum
schedule-why-partner_left = Eine:r der beiden nimmt nicht mehr teil.
schedule-why-no_common_slot = Die beiden sind nie zur selben Zeit verfügbar.
schedule-why-at_cap = { $name } hat bereits { $count } Treffen, so viele wie erlaubt.
schedule-why-busy = In jedem Zeitfenster, in dem beide verfügbar sind, trifft eine:r von ihnen schon jemand anderen.
schedule-why-session_cap = In den übrigen Zeitfenstern hat eine:r der beiden schon so viele Treffen, wie die Session erlaubt.
schedule-why-no_table = In den übrigen Zeitfenstern ist kein Tisch frei; per Video würde es passen (unter „Alle Treffen“ auf „An einem Tisch, sonst per Video“ stellen).
schedule-why-not_yet_scheduled = Es passt: Starten Sie die Terminplanung, um es einzuplanen.

## Download

schedule-download = Planungsproblem herunterladen (JSON)
schedule-download-hint = Dieselbe Datei, die `tandem schedule` liest, um die Planung offline auszuprobieren.

## Refusals (German pages translate these codes)

validation-schedule_event_cancelled = Diese Veranstaltung wurde abgesagt; ihre Treffen werden nicht mehr geplant.
validation-schedule_not_auto = Bei dieser Veranstaltung wählen die Teilnehmenden ihre Zeiten selbst; stellen Sie in den Einstellungen die Terminvergabe durch das Organisationsteam ein, um die Terminplanung zu nutzen.
validation-schedule_no_slots = Die Agenda hat noch keine Zeitfenster; fügen Sie zuerst eine Matchmaking-Session mit Zeitfenstern hinzu.
validation-schedule_too_many_slots = Die Agenda hat mehr Zeitfenster, als die Planung auf einmal bearbeitet; teilen Sie die Veranstaltung in Tage auf.
validation-schedule_no_meetings = Es gibt noch keine angenommenen Treffen zu planen.
validation-schedule_conflict = Die fixierten Treffen passen nicht zu den Tischen, Ständen oder Obergrenzen der Veranstaltung; lösen Sie die betroffenen Treffen oder ändern Sie die Einstellungen.
validation-schedule_changed_meanwhile = Während die Planung lief, haben sich Treffen geändert; starten Sie sie erneut.
validation-schedule_time_limit = Geben Sie das Zeitlimit in ganzen Sekunden an, von 1 bis 30.
validation-schedule_seed = Der Startwert muss eine ganze Zahl sein (oder leer bleiben).
validation-schedule_unknown_stage = Veröffentlichen Sie entweder eine vorläufige oder eine endgültige Agenda.
validation-schedule_already_final = Die endgültige Agenda ist bereits veröffentlicht; sie kann nicht wieder vorläufig werden.
validation-schedule_nothing_placed = Noch kein Treffen hat eine Zeit; starten Sie die Terminplanung vor dem Veröffentlichen.
