# Beihilfekonten: EU-De-minimis und britische Minimal Financial Assistance (Issue 6, Punkt 4).

ledger-title = Beihilfekonto von { $name }
ledger-support-link = Unterstützungsnachweise
ledger-link-from-support = Beihilfekonto
ledger-on = Stand des Kontos am
ledger-on-show = Anzeigen
ledger-summary-heading = Höchstbetrag und Spielraum
ledger-regime = Regeln
ledger-window = Berücksichtigter Zeitraum
ledger-used = Angerechnete Beihilfen
ledger-ceiling = Höchstbetrag
ledger-headroom = Verbleibend bis zum Höchstbetrag
ledger-level-near = Nahe am Höchstbetrag
ledger-level-over = Über dem Höchstbetrag
ledger-summary-hint = Beihilfen zählen am Tag ihrer Gewährung, Beratung mit ihrem Marktwert; zu einem einzigen Unternehmen verbundene Unternehmen teilen sich einen Höchstbetrag.
ledger-summary = { $regime }: { $used } von { $ceiling } genutzt vom { $from } bis { $to }; { $headroom } verbleiben.
ledger-regime-de-minimis-2023 = EU-De-minimis, Verordnung (EU) 2023/2831: 300.000 € in drei Jahren
ledger-regime-de-minimis-2013 = EU-De-minimis, Verordnung (EU) Nr. 1407/2013: 200.000 € in drei Steuerjahren
ledger-regime-mfa = Britische Minimal Financial Assistance, Subsidy Control Act 2022 s.36: 315.000 £ im laufenden und den beiden vorangegangenen Haushaltsjahren
ledger-not-covered = Für Beihilfen vor dem { $this } werden keine Kontoregeln geführt.
ledger-no-ledger = Für Unternehmen in { $country } führt Tandem kein Beihilfekonto: geführt werden EU-De-minimis und britische Minimal Financial Assistance.

ledger-group = Ein einziges Unternehmen
ledger-group-hint = Durch Kontrolle verbundene Unternehmen gelten als ein Empfänger; angerechnet werden hier die Beihilfen derer, die im selben Land niedergelassen sind.
ledger-counted = Angerechnete Beihilfen
ledger-counted-none = Keine Beihilfen im berücksichtigten Zeitraum.
ledger-col-date = Gewährt am
ledger-col-enterprise = Unternehmen
ledger-col-source = Herkunft
ledger-col-amount = Betrag
ledger-col-ledger-amount = In der Währung des Kontos
ledger-source-support = Unterstützungsnachweis, { $name }
ledger-source-declared = Erklärt: { $name }
ledger-unconverted = Diese Beihilfen werden nicht angerechnet, weil ein Wechselkurs in die Währung des Kontos fehlt: Korrigieren Sie sie und geben Sie den Kurs an.
ledger-unconverted-item = { $date }: { $amount } (Kurs in { $currency } fehlt)

ledger-declarations = Erklärte Beihilfen anderer Geber
ledger-declarations-none = Es wurden keine Beihilfen erklärt.
ledger-declaration-rate = Kurs { $rate } ({ $source })
ledger-declared-on = Erklärt am { $this }
ledger-declaration-withdraw = Erklärung zurückziehen
ledger-declaration-withdrawn = Die Erklärung wurde zurückgezogen. Sie bleibt erhalten und wird nirgends angerechnet.
ledger-declare = Beihilfe erklären
ledger-declare-intro = Beihilfen, die das Unternehmen von anderen Gebern erhalten hat, zählen auf denselben Höchstbetrag. Erfassen Sie sie wie erklärt: wer sie gewährt hat, wann der Anspruch entstand und ihren Bruttobetrag.
ledger-declared = Die Beihilfe wurde erfasst.
ledger-field-grantor = Beihilfegeber
ledger-hint-grantor = Die Stelle, die die Beihilfe gewährt hat, z. B. Sächsische Aufbaubank.
ledger-field-description = Wofür
ledger-field-granted_on = Gewährt am
ledger-hint-granted-on = Der Tag, an dem der Rechtsanspruch auf die Beihilfe entstand, nicht der Tag der Auszahlung.
ledger-field-amount = Bruttobetrag der Beihilfe
ledger-hint-amount = Zuschüsse mit ihrem Betrag, andere Beihilfen mit ihrem Bruttosubventionsäquivalent.
ledger-field-currency = Währung
ledger-hint-currency = Dreibuchstabiger Code, z. B. EUR oder GBP.
ledger-field-rate = Wechselkurs
ledger-hint-rate = Nur wenn die Währung nicht die des Kontos ist: wie viele Einheiten der Kontowährung eine Einheit wert ist, z. B. 0,8532.
ledger-field-rate_source = Quelle des Kurses
ledger-hint-rate-source = Woher der Kurs stammt und sein Datum, z. B. EZB-Referenzkurs vom 3. März 2025.
ledger-field-declared_on = Erklärt am

ledger-links = Kontrollbeziehungen
ledger-links-none = Keine Kontrollbeziehungen.
ledger-link-text = { $this } kontrolliert { $other }: { $relation }
ledger-link-remove = Verbindung entfernen
ledger-link-removed = Die Verbindung wurde entfernt.
ledger-link = Unternehmen verbinden
ledger-link-intro = Durch Kontrolle verbundene Unternehmen sind ein Empfänger („ein einziges Unternehmen“) und teilen sich einen Höchstbetrag.
ledger-linked = Die Unternehmen wurden verbunden.
ledger-field-other_id = Anderes Unternehmen
ledger-field-direction = Wer kontrolliert wen
ledger-direction-controls = { $name } kontrolliert das andere Unternehmen
ledger-direction-controlled-by = Das andere Unternehmen kontrolliert { $name }
ledger-field-relation = Wie
ledger-hint-relation = Maßgeblicher Einfluss zählt nur für die britische Minimal Financial Assistance (Subsidy Control Act 2022 s.8(2)).
ledger-relation-majority_of_voting_rights = Mehrheit der Stimmrechte (Art. 2 Abs. 2 Buchst. a)
ledger-relation-appoints_majority_of_board = Recht, die Mehrheit des Leitungsorgans zu bestellen oder abzuberufen (Art. 2 Abs. 2 Buchst. b)
ledger-relation-dominant_influence_by_contract_or_articles = beherrschender Einfluss durch Vertrag oder Satzung (Art. 2 Abs. 2 Buchst. c)
ledger-relation-majority_of_voting_rights_by_agreement = Mehrheit der Stimmrechte aufgrund einer Vereinbarung mit anderen Anteilseignern (Art. 2 Abs. 2 Buchst. d)
ledger-relation-material_influence = maßgeblicher Einfluss auf die Geschäftspolitik (UK s.8(2))

ledger-mfa-letter = MFA-Mitteilungsschreiben (PDF)
ledger-ceiling-check = Beihilfekonto

support-field-aid_rate = Wechselkurs in die Kontowährung des Unternehmens
support-hint-aid-rate = Nur wenn das Beihilfekonto des Unternehmens in einer anderen Währung als das Projekt geführt wird, z. B. 0,8532 Pfund je Euro.
support-field-aid_rate_millionths = Wechselkurs
support-field-confirm_ceiling = Trotzdem erfassen

validation-invalid_rate = Geben Sie den Wechselkurs als Zahl über null ein, z. B. 0,8532.
validation-rate_required = Der Betrag ist in einer anderen Währung als das Beihilfekonto des Unternehmens: Geben Sie den Wechselkurs an.
validation-over_ceiling = Diese Beihilfe würde das Unternehmen über seinen Beihilfehöchstbetrag bringen.
validation-near_ceiling = Diese Beihilfe bringt das Unternehmen nahe an seinen Beihilfehöchstbetrag: Bestätigen Sie, dass Sie sie trotzdem erfassen wollen.
validation-invalid_currency = Geben Sie die Währung als dreibuchstabigen Code ein, z. B. EUR oder GBP.
validation-before_grant = Eine Beihilfe wird erklärt, nachdem sie gewährt wurde: Die Erklärung kann nicht früher datiert sein.
validation-self_link = Ein Unternehmen kann sich nicht selbst kontrollieren: Wählen Sie zwei verschiedene Unternehmen.
validation-duplicate_link = Diese Unternehmen sind bereits verbunden: Entfernen Sie zuerst die alte Verbindung, um sie zu ändern.
validation-not_this_enterprise = Eines der beiden Unternehmen muss das sein, dessen Konto dies ist.

## Correcting a declaration; the history of declarations and control links

ledger-declaration-correct = Berichtigen
ledger-declaration-edit = Erklärung berichtigen
ledger-declaration-edit-intro = Berichtigen Sie die Erklärung so, wie das Unternehmen sie abgegeben hat. Der Verlauf auf der Seite des Beihilfekontos hält fest, was vorher eingetragen war.
ledger-declaration-saved = Die Erklärung wurde berichtigt.
ledger-declaration-conflict = Jemand anderes hat diese Erklärung geändert, seit Sie sie geöffnet haben. Laden Sie die Seite neu und nehmen Sie Ihre Änderung erneut vor.
ledger-field-controller_id = Kontrollierendes Unternehmen
ledger-field-controlled_id = Kontrolliertes Unternehmen
ledger-field-removed_at = Entfernt am
support-action-removed = Entfernt
