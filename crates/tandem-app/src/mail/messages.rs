//! The emails Tandem sends, in the recipient's language.

use tandem_core::account::Locale;

/// A rendered email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// "Confirm your email address".
pub fn verify_email(locale: Locale, name: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: "Confirm your email address for Tandem".into(),
            body: format!(
                "Hello {name},\n\nplease confirm your email address for Tandem by opening this link:\n\n{link}\n\n\
                 The link works for 48 hours. If you did not register, ignore this email.\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse für Tandem".into(),
            body: format!(
                "Hallo {name},\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für Tandem über diesen Link:\n\n{link}\n\n\
                 Der Link ist 48 Stunden gültig. Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail.\n\n-- Tandem\n"
            ),
        },
    }
}

/// "Reset your password".
pub fn reset_password(locale: Locale, name: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: "Reset your Tandem password".into(),
            body: format!(
                "Hello {name},\n\nsomeone (hopefully you) asked to reset your Tandem password. Choose a new one here:\n\n\
                 {link}\n\nThe link works for 60 minutes and only once. If you did not ask, ignore this email; your \
                 password stays as it is.\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: "Tandem-Passwort zurücksetzen".into(),
            body: format!(
                "Hallo {name},\n\njemand (hoffentlich Sie) hat angefordert, Ihr Tandem-Passwort zurückzusetzen. Wählen Sie \
                 hier ein neues:\n\n{link}\n\nDer Link ist 60 Minuten und nur einmal gültig. Wenn Sie das nicht waren, \
                 ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.\n\n-- Tandem\n"
            ),
        },
    }
}

// ---- Expressions of interest, introductions and partnership agreements (issue 3, items 5–6) ----

/// One contact of an organisation, as an introduction email lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactLine {
    /// Name.
    pub name: String,
    /// Job title or role.
    pub role: Option<String>,
    /// Address.
    pub email: Option<String>,
}

/// The other party of an introduction: who they are and how to reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyCard {
    /// Organisation name.
    pub name: String,
    /// City.
    pub city: String,
    /// Website.
    pub website: Option<String>,
    /// Contact people and users of the organisation.
    pub contacts: Vec<ContactLine>,
}

/// "A new expression of interest waits" (to the staff of the profile's support organisation).
pub fn interest_received(locale: Locale, name: &str, profile_title: &str, from_org: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: format!("New expression of interest: {profile_title}"),
            body: format!(
                "Hello {name},\n\n{from_org} has expressed interest in the partnering profile \"{profile_title}\", \
                 which your organisation manages.\n\nPlease review it and either introduce the parties or decline \
                 with a reason:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Neue Interessensbekundung: {profile_title}"),
            body: format!(
                "Hallo {name},\n\n{from_org} hat Interesse an dem Kooperationsprofil „{profile_title}“ bekundet, das \
                 Ihre Organisation betreut.\n\nBitte prüfen Sie die Anfrage und stellen Sie den Kontakt her oder lehnen \
                 Sie sie mit Begründung ab:\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

fn party_block(locale: Locale, other: &PartyCard) -> String {
    let (website_label, contacts_label, none) = match locale {
        Locale::En => ("Website", "Contacts", "(no contacts on record)"),
        Locale::De => ("Website", "Ansprechpersonen", "(keine Ansprechpersonen hinterlegt)"),
    };
    let mut block = format!("{}, {}\n", other.name, other.city);
    if let Some(website) = &other.website {
        block.push_str(&format!("{website_label}: {website}\n"));
    }
    block.push_str(&format!("{contacts_label}:\n"));
    if other.contacts.is_empty() {
        block.push_str(&format!("  {none}\n"));
    }
    for c in &other.contacts {
        let mut line = format!("  - {}", c.name);
        if let Some(role) = &c.role {
            line.push_str(&format!(", {role}"));
        }
        if let Some(email) = &c.email {
            line.push_str(&format!(" <{email}>"));
        }
        block.push_str(&line);
        block.push('\n');
    }
    block
}

/// "You have been introduced" (to both parties), with the other party's name, city, website and
/// contacts: the first time either side learns who the other is.
pub fn introduction(locale: Locale, name: &str, profile_title: &str, other: &PartyCard) -> Message {
    let block = party_block(locale, other);
    match locale {
        Locale::En => Message {
            subject: format!("Introduction: {} – {profile_title}", other.name),
            body: format!(
                "Hello {name},\n\nthe support organisation managing the partnering profile \"{profile_title}\" has \
                 introduced your organisation to:\n\n{block}\nPlease get in touch with each other directly. If you \
                 reach an agreement, record it in Tandem so it can be confirmed.\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Kontaktvermittlung: {} – {profile_title}", other.name),
            body: format!(
                "Hallo {name},\n\ndie Organisation, die das Kooperationsprofil „{profile_title}“ betreut, hat Ihre \
                 Organisation mit folgendem Partner bekannt gemacht:\n\n{block}\nBitte nehmen Sie direkt miteinander \
                 Kontakt auf. Wenn Sie eine Vereinbarung schließen, erfassen Sie sie in Tandem, damit sie bestätigt \
                 werden kann.\n\n-- Tandem\n"
            ),
        },
    }
}

/// "Your expression of interest was declined" (to the interested organisation): the reason, and
/// the profile by title only, since its owner stays anonymous.
pub fn interest_declined(locale: Locale, name: &str, profile_title: &str, reason: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: format!("Expression of interest declined: {profile_title}"),
            body: format!(
                "Hello {name},\n\nyour expression of interest in the partnering profile \"{profile_title}\" was \
                 declined by the support organisation managing it. The reason given:\n\n{reason}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Interessensbekundung abgelehnt: {profile_title}"),
            body: format!(
                "Hallo {name},\n\nIhre Interessensbekundung zum Kooperationsprofil „{profile_title}“ wurde von der \
                 betreuenden Organisation abgelehnt. Die Begründung:\n\n{reason}\n\n-- Tandem\n"
            ),
        },
    }
}

/// The name of an agreement type in `locale`.
pub fn agreement_type_label(locale: Locale, agreement_type: tandem_core::partnering::agreement::AgreementType) -> &'static str {
    use tandem_core::partnering::agreement::AgreementType as T;
    match (locale, agreement_type) {
        (Locale::En, T::TradeIntermediary) => "trade intermediary agreement",
        (Locale::En, T::Franchise) => "franchise agreement",
        (Locale::En, T::JointVenture) => "joint venture",
        (Locale::En, T::MergerShares) => "merger or share acquisition",
        (Locale::En, T::ReciprocalProduction) => "reciprocal production agreement",
        (Locale::En, T::SubcontractingOutsourcing) => "subcontracting or outsourcing agreement",
        (Locale::En, T::TransportLogistics) => "transport and logistics agreement",
        (Locale::En, T::TechnologyLicensing) => "technology licence",
        (Locale::En, T::TechnologyOtherTransfer) => "other technology transfer",
        (Locale::En, T::ResearchJointProposal) => "joint research proposal submitted",
        (Locale::De, T::TradeIntermediary) => "Handelsvertretervereinbarung",
        (Locale::De, T::Franchise) => "Franchisevereinbarung",
        (Locale::De, T::JointVenture) => "Joint Venture",
        (Locale::De, T::MergerShares) => "Fusion oder Beteiligung",
        (Locale::De, T::ReciprocalProduction) => "Vereinbarung über gegenseitige Produktion",
        (Locale::De, T::SubcontractingOutsourcing) => "Zulieferer- oder Outsourcing-Vereinbarung",
        (Locale::De, T::TransportLogistics) => "Transport- und Logistikvereinbarung",
        (Locale::De, T::TechnologyLicensing) => "Technologielizenz",
        (Locale::De, T::TechnologyOtherTransfer) => "sonstiger Technologietransfer",
        (Locale::De, T::ResearchJointProposal) => "gemeinsamer Forschungsantrag eingereicht",
    }
}

/// "An agreement awaits confirmation" (to the staff of the profile's support organisation).
pub fn agreement_recorded(
    locale: Locale,
    name: &str,
    profile_title: &str,
    agreement_type: tandem_core::partnering::agreement::AgreementType,
    signed_on: chrono::NaiveDate,
    link: &str,
) -> Message {
    let label = agreement_type_label(locale, agreement_type);
    match locale {
        Locale::En => Message {
            subject: format!("Agreement to confirm: {profile_title}"),
            body: format!(
                "Hello {name},\n\na partnership agreement ({label}, signed on {signed_on}) has been recorded for the \
                 partnering profile \"{profile_title}\", which your organisation manages. It counts in the statistics \
                 once you confirm it:\n\n{link}\n\n-- Tandem\n",
                signed_on = signed_on.format("%Y-%m-%d")
            ),
        },
        Locale::De => Message {
            subject: format!("Vereinbarung zu bestätigen: {profile_title}"),
            body: format!(
                "Hallo {name},\n\nfür das Kooperationsprofil „{profile_title}“, das Ihre Organisation betreut, wurde \
                 eine Kooperationsvereinbarung erfasst ({label}, unterzeichnet am {signed_on}). Sie zählt in der \
                 Statistik, sobald Sie sie bestätigen:\n\n{link}\n\n-- Tandem\n",
                signed_on = signed_on.format("%d.%m.%Y")
            ),
        },
    }
}
