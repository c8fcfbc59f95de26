# Personenbezogene Daten (DSGVO): der Download auf der Kontoseite und wie man die Löschung beantragt.
privacy-title = Ihre Daten
privacy-export-intro = Laden Sie alles, was Tandem über Sie speichert, als eine JSON-Datei herunter: Ihr Konto, Ihre Organisationen, was Sie angelegt haben oder woran Sie teilgenommen haben, die von Ihnen erfasste Unterstützung und die Einträge im Prüfprotokoll, die Sie betreffen.
privacy-export = Meine Daten herunterladen
privacy-erasure = Wenn Ihre personenbezogenen Daten gelöscht werden sollen, wenden Sie sich an die Betreiber dieser Tandem-Instanz. Sie entfernen Ihren Namen, Ihre E-Mail-Adresse und Ihr Passwort und beenden Ihre Sitzungen. Unterstützungsnachweise und Erklärungen, die Fördermittelgeber verlangen, bleiben unter einem Pseudonym erhalten, ohne Ihren Namen.
# Verlauf eines Unterstützungsnachweises: der Name der Beraterin oder des Beraters wurde bei der Löschung ersetzt.
support-action-pseudonymised = Name der beratenden Person gelöscht
