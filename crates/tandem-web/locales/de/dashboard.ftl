# Das Dashboard eines geförderten Projekts: Indikatoren gegen Zielwerte, Diagramme, die Nachweise
# jedes Indikators und die knapp Verfehlten, der Download des Mittelabrufs (Issue 6, Punkt 6).

dashboard-link = Dashboard und Mittelabruf
dashboard-title = Dashboard: { $name }
dashboard-period = Berichtszeitraum
dashboard-field-from = Von
dashboard-field-to = Bis
dashboard-hint-date = Im Format JJJJ-MM-TT. Leer gelassen: ab Projektbeginn, bis heute innerhalb der Laufzeit.
dashboard-show = Anzeigen
dashboard-back = Zurück zum Projekt
dashboard-back-to = Zurück zum Dashboard

dashboard-claim = Mittelabruf für diesen Zeitraum
dashboard-claim-xlsx = Mittelabruf herunterladen (XLSX)
dashboard-claim-csv = als CSV
dashboard-claim-bad-format = Fordern Sie den Mittelabruf als csv oder xlsx an.

dashboard-indicators = Indikatoren
dashboard-indicators-note = Ein Unternehmen zählt je Indikator nur einmal im ganzen Projekt; der Zeitraum zeigt die Unternehmen, die darin alle Bedingungen erfüllt haben. Folgen Sie einem Code zu den Nachweisen jeder Zählung und zu dem, was den knapp Verfehlten fehlt.
dashboard-code = Code
dashboard-unit = Einheit
dashboard-achieved = Erreicht
dashboard-percent = Vom Zielwert
dashboard-parts = Davon
dashboard-near-misses = Knapp verfehlt
dashboard-source = Definition
dashboard-unit-enterprises = Unternehmen
dashboard-unit-organisations = Organisationen
dashboard-unit-fte = Vollzeitäquivalente

dashboard-part-micro = Kleinstunternehmen
dashboard-part-small = kleine Unternehmen
dashboard-part-medium = mittlere Unternehmen
dashboard-part-large = große Unternehmen
dashboard-part-grants = Zuschüsse
dashboard-part-financial-instruments = Finanzierungsinstrumente

dashboard-charts = Diagramme
dashboard-charts-note = Die Diagramme nach Stadt, Branche, unterstützender Organisation und Monat zählen die Einträge von { $label }.
dashboard-charts-empty = In diesem Zeitraum zählt noch kein Unternehmen, daher gibt es nichts aufzuschlüsseln.
dashboard-chart-targets = Erreicht gegenüber den Zielwerten
dashboard-chart-targets-value = Erreicht vom Zielwert
dashboard-of-target = { $this } von { $other } ({ $label })
dashboard-chart-count = Gezählt
dashboard-share = Anteil
dashboard-unknown = Nicht bekannt
dashboard-chart-city = { $code } nach Stadt
dashboard-city = Stadt
dashboard-chart-sector = { $code } nach Branche (NACE-Abschnitt)
dashboard-sector = Branche
dashboard-no-sector = Kein NACE-Code angegeben
dashboard-chart-support-org = { $code } nach unterstützender Organisation (ein von zwei Organisationen unterstütztes Unternehmen zählt bei beiden)
dashboard-chart-programme = { $code } nach Programm (Unterstützung in zwei Programmen zählt das Unternehmen bei beiden)
dashboard-no-programme = Keinem Programm zugeordnet
dashboard-link-agreement = Partnerschaftsvereinbarung ({ $label })
dashboard-link-unconfirmed = Partnerschaftsvereinbarung ({ $label }), vom Partner noch nicht bestätigt
dashboard-link-meeting = B2B-Gespräch bei { $name }
dashboard-chart-month = { $code } nach Monat der Qualifizierung
dashboard-month = Monat

dashboard-counted = In diesem Zeitraum gezählt
dashboard-counted-none = Unter diesem Indikator zählt in diesem Zeitraum nichts.
dashboard-counted-note = Jeder Eintrag mit den Datensätzen, die ihn begründen; ein Datensatz führt zur Unterstützungsseite des Unternehmens und zu seinen Nachweisen.
dashboard-subject = Unternehmen oder Organisation
dashboard-counted-on = Gezählt am
dashboard-value = Wert
dashboard-qualifying = Begründende Datensätze
dashboard-misses = Knapp verfehlt
dashboard-misses-none = In diesem Zeitraum wurde nichts knapp verfehlt.
dashboard-missing = Was fehlt
dashboard-before = In einem früheren Zeitraum gezählt
dashboard-before-note = Diese wurden in diesem Zeitraum unterstützt, zählen aber schon von früher: Ein Unternehmen zählt nur einmal.

dashboard-missing-hours = { $this } von { $other } Stunden
dashboard-missing-sme-declaration = keine KMU-Erklärung
dashboard-missing-not-sme = als { $label } erklärt, kein KMU
dashboard-missing-written-output = { $this } Datensatz/Datensätze mit { $other } Stunden ohne ein schriftliches, auf das Unternehmen zugeschnittenes Ergebnis
dashboard-missing-area = außerhalb des Fördergebiets
dashboard-missing-sector = ausgeschlossene Branche (NACE { $code })
dashboard-missing-evidence = { $count ->
    [one] ein Datensatz ohne Nachweisdatei
   *[other] { $formatted } Datensätze ohne Nachweisdatei
}
dashboard-missing-not-new = { $this } Monate vor der Unterstützung gegründet (es müssen weniger als { $other } sein)
dashboard-missing-start-date = Gründungsdatum nicht bekannt
dashboard-missing-registration = Gründung nicht durch eine Registereintragung belegt
dashboard-missing-not-counted-under = nicht unter { $code } gezählt
dashboard-missing-baseline = kein Ausgangswert der Beschäftigung
dashboard-missing-baseline-after-support = Ausgangswert am { $this } festgelegt, nach Beginn der Unterstützung am { $other }
dashboard-missing-figure-before-baseline = Beschäftigtenzahl vom { $this } liegt vor dem Ausgangswert vom { $other }
dashboard-missing-not-confirmed = { $count ->
    [one] eine Beschäftigtenzahl nicht schriftlich bestätigt
   *[other] { $formatted } Beschäftigtenzahlen nicht schriftlich bestätigt
}
dashboard-missing-no-increase = kein Zuwachs: { $this } VZÄ gegenüber einem Ausgangswert von { $other }
dashboard-missing-innovation-before-support = am { $this } eingeführt, vor Beginn der Unterstützung am { $other }
dashboard-missing-same-country = beide Organisationen in { $country }
dashboard-missing-meetings = { $count ->
    [one] ein B2B-Gespräch, das dieses Projekt nicht zählt
   *[other] { $formatted } B2B-Gespräche, die dieses Projekt nicht zählt
}
dashboard-missing-unconfirmed = { $count ->
    [one] eine Vereinbarung, die der Partner noch nicht bestätigt hat
   *[other] { $formatted } Vereinbarungen, die der Partner noch nicht bestätigt hat
}

dashboard-indicator-C1 = Anzahl der Unternehmen, die Unterstützung erhalten
dashboard-indicator-C2 = Anzahl der Unternehmen, die Zuschüsse erhalten
dashboard-indicator-C3 = Anzahl der Unternehmen, die eine andere finanzielle Unterstützung als Zuschüsse erhalten
dashboard-indicator-C4 = Anzahl der Unternehmen, die nichtfinanzielle Unterstützung erhalten
dashboard-indicator-C5 = Anzahl der unterstützten neuen Unternehmen
dashboard-indicator-C8 = Beschäftigungszuwachs in unterstützten Unternehmen
dashboard-indicator-C26 = Anzahl der Unternehmen, die mit Forschungseinrichtungen zusammenarbeiten
dashboard-indicator-C28 = Anzahl der Unternehmen, die bei der Einführung von für den Markt neuen Produkten unterstützt werden
dashboard-indicator-C29 = Anzahl der Unternehmen, die bei der Einführung von für das Unternehmen neuen Produkten unterstützt werden
dashboard-indicator-P11 = Anzahl potenzieller Gründerinnen und Gründer, die auf die Unternehmensgründung vorbereitet werden
dashboard-indicator-P13 = Anzahl der Unternehmen, die Informations-, Diagnose- und Vermittlungsunterstützung erhalten
dashboard-indicator-RCO01 = Unterstützte Unternehmen (davon: Kleinst-, kleine, mittlere, große Unternehmen)
dashboard-indicator-RCO02 = Durch Zuschüsse unterstützte Unternehmen
dashboard-indicator-RCO03 = Durch Finanzierungsinstrumente unterstützte Unternehmen
dashboard-indicator-RCO04 = Unternehmen mit nichtfinanzieller Unterstützung
dashboard-indicator-RCO05 = Unterstützte neue Unternehmen
dashboard-indicator-RCR01 = In unterstützten Einrichtungen geschaffene Arbeitsplätze
dashboard-indicator-RCR02 = Private Investitionen in Ergänzung zur öffentlichen Unterstützung (davon: Zuschüsse, Finanzierungsinstrumente)
dashboard-indicator-RCR03 = Kleine und mittlere Unternehmen (KMU), die Produkt- oder Prozessinnovationen einführen
dashboard-indicator-RCO87 = Grenzübergreifend zusammenarbeitende Organisationen

validation-before_from = Der Zeitraum muss am oder nach seinem ersten Tag enden.
