# Ergebnisse unterstützter Unternehmen: Gründung, Beschäftigung, Innovation, Forschungskooperation
# und private Investitionen, gezählt von den Ergebnisindikatoren (Issue 6, Punkt 5).

outcomes-title = Ergebnisse von { $name }
outcomes-intro = Was das Unternehmen in geförderten Projekten erreicht hat, mit Nachweisen: die Gründung (C5, RCO05), die Beschäftigung vor und nach der Unterstützung (C8, RCR01), Innovationen (C28, C29, RCR03), die Zusammenarbeit mit Forschungseinrichtungen (C26) und private Investitionen (RCR02).
outcomes-support-link = Unterstützungseinträge
outcomes-link = Ergebnisse anzeigen (Gründung, Beschäftigung, Innovation, Forschungskooperation, private Investitionen)
outcomes-list = Erfasste Ergebnisse
outcomes-empty = Für dieses Unternehmen sind noch keine Ergebnisse erfasst.
outcomes-back = Zurück zur Organisation

outcomes-record = Ergebnis erfassen
outcomes-record-intro = Wählen Sie das Projekt und die Art des Ergebnisses und füllen Sie nur die Felder dieser Art aus: Felder anderer Arten werden nicht berücksichtigt.
outcomes-record-submit = Ergebnis erfassen
outcomes-recorded = Das Ergebnis wurde erfasst.
outcomes-withdrawn = Das Ergebnis wurde zurückgezogen. Es bleibt als Nachweis erhalten und zählt nirgends.
outcomes-evidence-uploaded = Die Nachweisdatei wurde hochgeladen.
outcomes-conflict = Jemand anderes hat dieses Ergebnis geändert, seit Sie es geöffnet haben. Laden Sie die Seite neu und nehmen Sie Ihre Änderung erneut vor.

outcomes-evidence = Nachweise
outcomes-evidence-none = Noch keine Dateien.
outcomes-evidence-field = Nachweisdatei
outcomes-evidence-upload = Nachweis hochladen
outcomes-withdraw = Ergebnis zurückziehen
outcomes-withdraw-reason = Grund für das Zurückziehen
outcomes-withdraw-hint = Ein zurückgezogenes Ergebnis bleibt als Nachweis erhalten, zählt aber nirgends.
outcomes-withdrawn-note = Zurückgezogen am { $this }: { $other }

outcomes-field-project_id = Projekt
outcomes-field-kind = Art des Ergebnisses
outcomes-field-date = Datum
outcomes-field-start_evidence = Nachweis der Gründung
outcomes-field-fte = Beschäftigung
outcomes-field-confirmed_in_writing = Das Unternehmen hat diese Zahl schriftlich bestätigt
outcomes-field-novelty = Neu für
outcomes-field-innovation_kind = Produkt oder Verfahren
outcomes-field-research_entity_id = Forschungseinrichtung
outcomes-field-amount = Private Investition
outcomes-field-matches = Ergänzte öffentliche Förderung
outcomes-field-note = Anmerkung

outcomes-hint-date = Der Tag, an dem das Unternehmen gegründet wurde, auf den sich Ausgangswert oder Zahl beziehen, an dem die Innovation eingeführt wurde, die Zusammenarbeit begann oder das Geld investiert wurde.
outcomes-hint-fte = Vollzeitäquivalente, z. B. 4 oder 12,5. Der Ausgangswert wird vor Beginn der Unterstützung festgelegt.
outcomes-hint-amount = In der Währung des Projekts, z. B. 25000 oder 25.000,00.
outcomes-hint-note = Was der Nachweis zeigt und wo das Original aufbewahrt wird.

outcomes-group-business_start = Gründung (C5, RCO05)
outcomes-group-employment = Ausgangswert oder Stand der Beschäftigung (C8, RCR01)
outcomes-group-innovation = Innovation (C28, C29, RCR03)
outcomes-group-research_cooperation = Forschungskooperation (C26)
outcomes-group-private_investment = Private Investition (RCR02)

outcomes-kind-business_start = Gründung
outcomes-kind-employment_baseline = Ausgangswert der Beschäftigung
outcomes-kind-employment_figure = Stand der Beschäftigung
outcomes-kind-innovation = Innovation
outcomes-kind-research_cooperation = Forschungskooperation
outcomes-kind-private_investment = Private Investition

outcomes-start_evidence-registration = Registereintrag (Companies House, HMRC oder nationales Register)
outcomes-start_evidence-other_trading_record = Anderer Nachweis der Geschäftstätigkeit (erste Rechnung, Kontoauszug)
outcomes-novelty-new_to_market = Neu für den Markt
outcomes-novelty-new_to_firm = Neu für das Unternehmen
outcomes-innovation_kind-product = Produkt (Ware oder Dienstleistung)
outcomes-innovation_kind-process = Verfahren
outcomes-matches-grant = Einen Zuschuss
outcomes-matches-financial_instrument = Ein Finanzinstrument (Darlehen)

outcomes-fte = { $count } VZÄ
outcomes-confirmed = schriftlich bestätigt
outcomes-not-confirmed = nicht schriftlich bestätigt

## Meldungen zur Eingabeprüfung

validation-invalid_fte = Geben Sie Vollzeitäquivalente wie 4 oder 12,5 ein.
validation-one_per_enterprise = Das Unternehmen hat in diesem Projekt bereits einen solchen Eintrag: Korrigieren oder ziehen Sie ihn stattdessen zurück.
validation-not_research_entity = Wählen Sie einen Hochschullehrstuhl oder eine Forschungseinrichtung.
validation-self_cooperation = Ein Unternehmen kann nicht mit sich selbst zusammenarbeiten.
validation-outcome_not_enterprise = Ergebnisse werden nur für Unternehmen erfasst.
validation-not_yet_happened = Erfassen Sie ein Ergebnis erst, wenn es eingetreten ist: Wählen Sie ein Datum bis heute.

## Correcting an outcome

outcomes-correct = Berichtigen
outcomes-edit = Ergebnis berichtigen
outcomes-edit-intro = Berichtigen Sie, was erfasst wurde: die Art, das Datum, die Felder dieser Art oder die Notiz. Das Ergebnis bleibt in seinem Projekt; der Verlauf auf der Ergebnisseite hält fest, was vorher eingetragen war.
outcomes-saved = Das Ergebnis wurde berichtigt.
