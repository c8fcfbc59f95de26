# Personal data (GDPR): the account page's download and how to ask for erasure.
privacy-title = Your data
privacy-export-intro = Download everything Tandem stores about you as one JSON file: your account, your organisations, what you created or took part in, the support you recorded and the audit entries that concern you.
privacy-export = Download my data
privacy-erasure = To have your personal data erased, ask the operators of this Tandem site. They remove your name, email address and password and end your sessions. Records of support and declarations that funders require are kept under a pseudonym, without your name.
# A support record's history: the adviser's name was replaced when they were erased.
support-action-pseudonymised = Adviser's name erased
