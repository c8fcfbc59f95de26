# Interessensbekundungen, Vorstellungen, Kooperationsvereinbarungen und die öffentliche Statistik.

brokerage-choose = Bitte wählen…
brokerage-interests = Interessensbekundungen
brokerage-interests-empty = Noch keine Interessensbekundungen.
brokerage-my-interest = Ihre Interessensbekundung
brokerage-record-agreement = Kooperationsvereinbarung erfassen

## Interesse bekunden

interest-form-title = Interesse bekunden
interest-form-intro = Ihre Antworten gehen an die Unterstützungsorganisation, die dieses Profil betreut. Passt es, macht sie Sie miteinander bekannt: Erst dann werden Namen und Kontaktdaten ausgetauscht, per E-Mail an beide Seiten.
interest-field-from-org = Im Namen von
interest-field-from-org-hint = Die Organisation, für die Sie schreiben.
interest-field-cooperation = Welche Zusammenarbeit suchen Sie?
interest-field-missing = Was fehlt im Profil? Fragen an den Inhaber
interest-field-who = Wer sind Sie?
interest-field-who-hint = Ihre Organisation, was sie tut und warum sie ein guter Partner wäre.
interest-optional = (optional)
interest-send = Interessensbekundung senden
interest-sent = Ihre Interessensbekundung wurde an die Unterstützungsorganisation gesendet, die das Profil betreut.
interest-no-orgs = Um Interesse zu bekunden, müssen Sie einer Organisation angehören. Tragen Sie Ihre Organisation zuerst ins Verzeichnis ein.
interest-not-published = Dieses Profil ist nicht auf dem Marktplatz und kann daher keine Interessensbekundungen erhalten.
interest-owner-anonymous = Eine Organisation in { $city }

interest-state-submitted = Wartet auf Antwort
interest-state-introduced = Vorgestellt
interest-state-declined = Abgelehnt
interest-state-withdrawn = Zurückgezogen

interest-step-submitted = Gesendet
interest-step-introduced = Miteinander bekannt gemacht
interest-step-declined = Abgelehnt
interest-step-withdrawn = Zurückgezogen

## Die Seite der Interessensbekundungen

interests-title = Interessensbekundungen
interests-pipeline = Interesse an den Profilen, die wir betreuen
interests-pipeline-intro = Machen Sie die Beteiligten miteinander bekannt, wenn es passt (beide erhalten dann die Kontaktdaten der anderen Seite per E-Mail), oder lehnen Sie mit einer Begründung ab.
interests-pipeline-empty = Noch keine Interessensbekundungen.
interests-to-confirm = Zu bestätigende Vereinbarungen
interests-to-confirm-empty = Keine Vereinbarung wartet auf Bestätigung.
interests-sent = Von meinen Organisationen gesendet
interests-sent-empty = Ihre Organisationen haben noch kein Interesse an einem Profil bekundet.
interests-agreements = Unsere Kooperationsvereinbarungen
interests-agreements-empty = Noch keine Vereinbarungen erfasst.

interest-column-from = Von
interest-profile-owner = Inhaber des Profils
interest-answer-cooperation = Gesuchte Zusammenarbeit
interest-answer-missing = Fehlt im Profil
interest-answer-who = Wer wir sind
interest-decline-reason = Begründung
interest-timeline = Verlauf
interest-action-introduce = Miteinander bekannt machen
interest-action-decline = Ablehnen
interest-decline-reason-label = Begründung der Ablehnung (die interessierte Organisation erhält sie)
interest-action-withdraw = Zurückziehen
interest-action-record-agreement = Vereinbarung erfassen
interest-introduced = Die Beteiligten wurden miteinander bekannt gemacht. Beide haben die Kontaktdaten der anderen Seite per E-Mail erhalten.
interest-declined = Die Interessensbekundung wurde abgelehnt. Die interessierte Organisation hat die Begründung erhalten.
interest-withdrawn = Ihre Interessensbekundung wurde zurückgezogen.
interest-introduced-note = Sie wurden miteinander bekannt gemacht: Die Kontaktdaten kamen per E-Mail.

## Kooperationsvereinbarungen

agreement-category-business = Geschäftliche Vereinbarung
agreement-category-technology = Technologievereinbarung
agreement-category-research = Forschungsvereinbarung

agreement-type-trade_intermediary = Handelsvermittlung (Vertretung, Vertrieb)
agreement-type-franchise = Franchise
agreement-type-joint_venture = Joint Venture
agreement-type-merger_shares = Fusion oder Erwerb von Anteilen
agreement-type-reciprocal_production = Gegenseitige Fertigung
agreement-type-subcontracting_outsourcing = Zulieferung oder Auslagerung
agreement-type-transport_logistics = Transport und Logistik
agreement-type-technology_licensing = Lizenzvereinbarung
agreement-type-technology_other_transfer = Anderer Technologietransfer
agreement-type-research_joint_proposal = Gemeinsamer Forschungsantrag eingereicht

agreement-state-recorded = Wartet auf Bestätigung
agreement-state-confirmed = Bestätigt
agreement-state-rejected = Abgelehnt

agreement-form-title = Kooperationsvereinbarung erfassen
agreement-form-intro = Erfassen Sie eine Vereinbarung, die aus diesem Profil entstanden ist. Die Unterstützungsorganisation, die das Profil betreut, bestätigt sie; danach zählt sie in der Statistik.
agreement-field-partner = Partnerorganisation
agreement-field-type = Art der Vereinbarung
agreement-field-signed-on = Unterzeichnet am
agreement-field-signed-on-hint = Als JJJJ-MM-TT, z. B. 2026-11-27; heute oder früher.
agreement-field-summary = Was vereinbart wurde
agreement-field-summary-hint = Ein, zwei Sätze für die Unterstützungsorganisation; sie werden nicht veröffentlicht.
agreement-partners-introduced = Über dieses Profil vorgestellt
agreement-partners-other = Andere Organisationen
agreement-from-interest = Diese Vereinbarung geht auf die Vorstellung von { $name } zurück.
agreement-no-partners = Es gibt noch keinen Partner zur Auswahl: Eine Vereinbarung wird mit einer Organisation erfasst, mit der Sie bekannt gemacht wurden.
agreement-save = Vereinbarung erfassen
agreement-recorded = Die Vereinbarung wurde erfasst. Die Unterstützungsorganisation wurde gebeten, sie zu bestätigen; laden Sie unten den Nachweis hoch.

agreement-title = Kooperationsvereinbarung
agreement-profile = Profil
agreement-owner = Inhaber des Profils
agreement-partner = Partner
agreement-type = Art
agreement-signed-on = Unterzeichnet am
agreement-state = Status
agreement-summary = Was vereinbart wurde
agreement-decide = Bestätigung
agreement-decide-intro = Als Unterstützungsorganisation, die das Profil betreut, bestätigen Sie die Vereinbarung, sobald der Nachweis die Unterzeichnung belegt, oder lehnen sie ab.
agreement-action-confirm = Vereinbarung bestätigen
agreement-action-reject = Ablehnen
agreement-confirmed = Die Vereinbarung wurde bestätigt und zählt jetzt in der Statistik.
agreement-rejected = Die Vereinbarung wurde abgelehnt.
agreements-on-profile = Kooperationsvereinbarungen

agreement-evidence = Nachweis
agreement-evidence-empty = Noch kein Nachweis hochgeladen.
agreement-evidence-field = Datei (PDF, PNG oder JPEG, höchstens 10 MB)
agreement-evidence-hint = Der unterzeichnete Vertrag, eine Absichtserklärung, die Eingangsbestätigung des Antrags…
agreement-evidence-upload = Nachweis hochladen
agreement-evidence-uploaded = Der Nachweis wurde hochgeladen.
agreement-evidence-too-large = Die Datei ist zu groß: Nachweise dürfen höchstens 10 MB haben.
evidence-size-kb = { $formatted } KB

## Statistik

statistics-title = Partnersuche in Zahlen
statistics-intro = Zusammengefasste Zahlen des Partnering-Marktplatzes Birmingham–Leipzig. Keine Organisation wird genannt.
statistics-agreements = Kooperationsvereinbarungen
statistics-agreements-total = { $count ->
    [0] Noch keine bestätigten Kooperationsvereinbarungen
    [one] { $formatted } bestätigte Kooperationsvereinbarung
   *[other] { $formatted } bestätigte Kooperationsvereinbarungen
}
statistics-by-category = Nach Kategorie
statistics-by-type = Nach Art
statistics-by-cities = Zwischen den Städten
statistics-introductions = Vorstellungen
statistics-introductions-total = { $count ->
    [0] Noch keine Vorstellungen
    [one] { $formatted } Vorstellung
   *[other] { $formatted } Vorstellungen
}
statistics-profiles = Profile auf dem Marktplatz
statistics-profiles-empty = Zurzeit sind keine Profile veröffentlicht.
statistics-city = Stadt
statistics-type = Art
statistics-category = Kategorie
statistics-count = Anzahl
statistics-total = Gesamt
statistics-owner-city = Profil aus
statistics-partner-city = Partner aus
statistics-interested-city = Interessent aus

## Feldprobleme

validation-not_published = Dieses Profil ist nicht (mehr) auf dem Marktplatz und kann daher keine Interessensbekundungen erhalten.
validation-own_profile = Eine Organisation kann kein Interesse am eigenen Profil bekunden.
validation-interest_open = Die Interessensbekundung Ihrer Organisation zu diesem Profil wartet noch auf eine Antwort.
validation-in_future = Die Vereinbarung muss bereits unterzeichnet sein: Wählen Sie ein Datum bis heute.
validation-invalid_date = Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-11-27.
validation-same_as_owner = Der Partner muss eine andere Organisation sein als der Inhaber des Profils.
validation-unknown_org = Wählen Sie die Partnerorganisation aus der Liste.
validation-not_introduced = Eine Vereinbarung kann nur aus einer Interessensbekundung entstehen, deren Beteiligte miteinander bekannt gemacht wurden.
validation-other_interest = Diese Vorstellung betrifft nicht dieses Profil und diesen Partner.
validation-file_type = Laden Sie eine PDF-, PNG- oder JPEG-Datei hoch (der Inhalt, nicht nur der Name, muss einem dieser Formate entsprechen).
validation-file_too_large = Die Datei ist zu groß: Nachweise dürfen höchstens 10 MB haben.
