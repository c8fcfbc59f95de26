# Empfehlungen (Issue 4): passende Profile, Forschungspartner, mögliche Partner, passende KMU
# für ein Programm, die Gründe dafür und Daumen hoch/runter.

## Abschnitte

matching-recommendations = Empfehlungen
matching-profiles = Passende Profile
matching-profiles-intro = Veröffentlichte Profile anderer Organisationen, die zu diesem passen – die besten zuerst.
matching-profiles-empty = Noch keine passenden Profile. Sobald passende Profile veröffentlicht werden, erscheinen sie hier.
matching-profiles-show = Passende Profile anzeigen
matching-research-partners = Forschungspartner
matching-research-partners-intro = Organisationen, die zum Thema dieses Gesuchs forschen.
matching-research-partners-empty = Noch keine Forschungspartner gefunden.
matching-research-partners-show = Forschungspartner anzeigen
matching-partners = Mögliche Partner
matching-partners-in = Mögliche Partner in { $city }
matching-partners-intro = Organisationen in der Partnerstadt, die zu Ihrer passen und mit denen Sie noch nicht zusammengearbeitet haben. Diese Liste sehen nur Ihre Organisation und die Unterstützungsorganisationen.
matching-partners-empty = Noch keine möglichen Partner gefunden. Eine Beschreibung Ihrer Tätigkeit und NACE-Codes helfen dabei.
matching-partners-no-twin = Ihre Stadt hat auf Tandem noch keine Partnerstadt.
matching-partners-show = Mögliche Partner anzeigen
matching-smes = Passende KMU
matching-smes-intro = KMU und Start-ups, deren Tätigkeit zu diesem Programm passt. Diese Liste sehen nur das Programmteam und die Unterstützungsorganisationen.
matching-smes-empty = Noch keine passenden KMU gefunden.
matching-smes-show = Passende KMU anzeigen
matching-back-to-profile = Zurück zum Profil
matching-back-to-organisation = Zurück zur Organisation
matching-back-to-programme = Zurück zum Programm
matching-research-organisation = Forschungseinrichtung
matching-score = Übereinstimmung: { $count } %
matching-why = Warum wir das vorschlagen

## Gründe

matching-and = und
matching-side-research = Forschungstätigkeit
matching-reason-concepts = Beide befassen sich mit { $items }
matching-reason-words = Gemeinsame Begriffe: { $items }
matching-reason-keywords = Gleiche Schlagwörter: { $items }
matching-reason-activity = Gleiche Branche: { $label } (NACE { $code })
matching-reason-activity-code = Gleiche Branche (NACE { $code })
matching-reason-complementary = Ergänzen sich: { $this } ↔ { $other }
matching-reason-target-country = Sitz in einem Zielland des Profils: { $country }
matching-reason-partner-city = Sitz in der Partnerstadt { $city }
matching-reason-recent = { $count ->
    [0] Heute veröffentlicht
    [one] Gestern veröffentlicht
   *[other] Vor { $count } Tagen veröffentlicht
}
matching-reason-partners = Beide haben mit { $names } zusammengearbeitet
matching-reason-partners-more = Beide haben mit { $names } und { $count ->
    [one] einer weiteren Organisation
   *[other] { $count } weiteren Organisationen
} zusammengearbeitet
matching-reason-partners-of-partners = Über Partner von Partnern verbunden
matching-reason-partners-of-partners-via = Über Partner von Partnern verbunden: { $names }
matching-reason-partners-of-partners-via-more = Über Partner von Partnern verbunden: { $names } und { $count ->
    [one] eine weitere Organisation
   *[other] { $count } weitere Organisationen
}
matching-reason-areas = Beide aktiv in { $items }

## Rückmeldung

matching-vote-up = Hilfreich: { $title }
matching-vote-down = Nicht hilfreich: { $title }
matching-feedback-thanks = Danke für Ihre Rückmeldung.
matching-feedback-invalid = Diese Rückmeldung konnte nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es noch einmal.
