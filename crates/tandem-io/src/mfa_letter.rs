//! The notification a UK public authority gives an enterprise before it gives minimal financial
//! assistance (Subsidy Control Act 2022 s.37(1)–(2)), as a PDF letter with a reply form for the
//! enterprise's written confirmation (s.37(2)(c), (3)).
//!
//! What the letter says comes from `tandem_rules::subsidy::mfa_notification` (reached through
//! `tandem_core::evidence::aid::subsidy`): its statements, in order, with the gross value, the
//! threshold and the applicable period. This module words them in English or German and lays
//! them out with the typst template `pdf/mfa_letter.typ` — the same world and renderer as the
//! agendas, so user text is printed literally and the same input gives the same bytes.

use chrono::NaiveDate;
use serde::Serialize;
use tandem_core::account::Locale;
use tandem_core::evidence::aid::subsidy::{MFA_TRANSPARENCY_LIMIT_PENCE, MfaNotification, MfaStatementKey};
use tandem_core::evidence::support::Activity;
use tandem_core::evidence::units::{format_hundredths, format_minor_units};

use crate::agenda_pdf::{PdfError, RenderedPdf, render};

const TEMPLATE: &str = include_str!("pdf/mfa_letter.typ");

/// What the letter is about, besides the notification's own content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MfaLetter {
    /// The statutory content: statements, gross value, threshold, applicable period.
    pub notification: MfaNotification,
    /// The organisation that gives the assistance (first line of the sender block).
    pub authority: String,
    /// The funded programme it is given under.
    pub programme: String,
    /// The enterprise's name.
    pub enterprise: String,
    /// Where it is (its city), for the address block.
    pub enterprise_place: String,
    /// What is given.
    pub activity: Activity,
    /// Hours of support, in hundredths (0 for a grant or loan without advice).
    pub hours_hundredths: i64,
    /// The letter's date.
    pub written_on: NaiveDate,
    /// Tandem's reference of the support record.
    pub reference: String,
}

#[derive(Serialize)]
struct Fact {
    label: String,
    value: String,
}

#[derive(Serialize)]
struct Reply {
    title: String,
    statement: String,
    received_title: String,
    received_columns: Vec<String>,
    fields: Vec<String>,
}

#[derive(Serialize)]
struct LetterData {
    title: String,
    lang: &'static str,
    page: &'static str,
    sender: Vec<String>,
    recipient: Vec<String>,
    date_line: String,
    reference: String,
    subject: String,
    salutation: &'static str,
    paragraphs: Vec<String>,
    facts: Vec<Fact>,
    closing: &'static str,
    reply: Reply,
    footer: String,
}

/// Pounds from pence in the reader's notation: "£12,345.67" / "12.345,67 £".
fn pounds(locale: Locale, pence: i64) -> String {
    match locale {
        Locale::En => format!("£{}", format_minor_units(pence, ',', '.')),
        Locale::De => format!("{} £", format_minor_units(pence, '.', ',')),
    }
}

fn date(locale: Locale, d: NaiveDate) -> String {
    match locale {
        Locale::En => d.format_localized("%-d %B %Y", chrono::Locale::en_GB).to_string(),
        Locale::De => d.format_localized("%-d. %B %Y", chrono::Locale::de_DE).to_string(),
    }
}

/// Hours in the reader's notation ("12.5" / "12,5").
fn hours(locale: Locale, hundredths: i64) -> String {
    let text = format_hundredths(hundredths);
    if locale == Locale::De { text.replace('.', ",") } else { text }
}

/// What is given, as the first statement names it.
fn what(locale: Locale, letter: &MfaLetter) -> String {
    let kind = match (locale, letter.activity) {
        (Locale::En, Activity::Diagnostic) => "a diagnostic",
        (Locale::En, Activity::OneToOneAdvice) => "one-to-one advice",
        (Locale::En, Activity::Workshop) => "a workshop",
        (Locale::En, Activity::Grant) => "a grant",
        (Locale::En, Activity::Loan) => "a loan",
        (Locale::En, Activity::Mentoring) => "mentoring",
        (Locale::En, Activity::EventParticipation) => "participation in an event",
        (Locale::De, Activity::Diagnostic) => "eine Bedarfsanalyse",
        (Locale::De, Activity::OneToOneAdvice) => "eine Einzelberatung",
        (Locale::De, Activity::Workshop) => "einen Workshop",
        (Locale::De, Activity::Grant) => "einen Zuschuss",
        (Locale::De, Activity::Loan) => "ein Darlehen",
        (Locale::De, Activity::Mentoring) => "ein Mentoring",
        (Locale::De, Activity::EventParticipation) => "die Teilnahme an einer Veranstaltung",
    };
    match (locale, letter.hours_hundredths) {
        (_, 0) => kind.to_owned(),
        (Locale::En, h) => format!("{kind} of {} hours", hours(locale, h)),
        (Locale::De, h) => format!("{kind} im Umfang von {} Stunden", hours(locale, h)),
    }
}

/// One statement of the notification in words.
fn statement(locale: Locale, key: MfaStatementKey, l: &MfaLetter) -> String {
    let n = &l.notification;
    let (gross, threshold) = (pounds(locale, n.gross_value_pence), pounds(locale, n.threshold_pence));
    let (from, to) = (date(locale, n.applicable_period.from), date(locale, n.applicable_period.to));
    let (authority, enterprise, programme) = (&l.authority, &l.enterprise, &l.programme);
    let proposed = date(locale, n.proposed_on);
    let in_cash = l.activity == Activity::Grant;
    match (locale, key) {
        (Locale::En, MfaStatementKey::ProposesMinimalFinancialAssistance) => format!(
            "{authority} proposes to give {enterprise} a subsidy by way of minimal financial assistance under section 36 of the Subsidy Control Act 2022: {} under {programme}, on {proposed}.",
            what(locale, l)
        ),
        (Locale::De, MfaStatementKey::ProposesMinimalFinancialAssistance) => format!(
            "{authority} beabsichtigt, {enterprise} eine Subvention in Form einer Minimal Financial Assistance nach Section 36 des Subsidy Control Act 2022 zu gewähren: {} im Rahmen von {programme} am {proposed}.",
            what(locale, l)
        ),
        (Locale::En, MfaStatementKey::GrossValueAmount) if in_cash => {
            format!("The gross value amount of the assistance is {gross} (section 37(2)(b)).")
        }
        (Locale::En, MfaStatementKey::GrossValueAmount) => format!(
            "The gross value amount of the assistance is {gross} (section 37(2)(b)). As it is not given in cash, this is its gross cash equivalent: the market value of the support (section 36(5)(b))."
        ),
        (Locale::De, MfaStatementKey::GrossValueAmount) if in_cash => {
            format!("Der Bruttowert der Beihilfe beträgt {gross} (Section 37(2)(b)).")
        }
        (Locale::De, MfaStatementKey::GrossValueAmount) => format!(
            "Der Bruttowert der Beihilfe beträgt {gross} (Section 37(2)(b)). Da sie nicht in Geld gewährt wird, ist dies ihr Bruttogeldwert: der Marktwert der Unterstützung (Section 36(5)(b))."
        ),
        (Locale::En, MfaStatementKey::RequestsConfirmationThresholdNotExceeded) => format!(
            "Please confirm in writing that, with this assistance, the total of minimal and SPEI financial assistance given to {enterprise} in the applicable period — {from} to {to}: the current financial year so far and the two financial years before it — will not exceed {threshold} (section 36(1), (2))."
        ),
        (Locale::De, MfaStatementKey::RequestsConfirmationThresholdNotExceeded) => format!(
            "Bitte bestätigen Sie schriftlich, dass mit dieser Beihilfe die Summe der Minimal und SPEI Financial Assistance, die {enterprise} im maßgeblichen Zeitraum – {from} bis {to}: das laufende Haushaltsjahr bis heute und die beiden vorangegangenen – erhalten hat, {threshold} nicht übersteigt (Section 36(1), (2))."
        ),
        (Locale::En, MfaStatementKey::GivenOnlyAfterConfirmation) => {
            "We can give the assistance only once we have received your written confirmation (section 37(3)).".to_owned()
        }
        (Locale::De, MfaStatementKey::GivenOnlyAfterConfirmation) => {
            "Wir dürfen die Beihilfe erst gewähren, wenn uns Ihre schriftliche Bestätigung vorliegt (Section 37(3)).".to_owned()
        }
        (Locale::En, MfaStatementKey::RequestsDeclarationOfAssistanceReceived) => format!(
            "To support your confirmation, please list on the form below the minimal and SPEI financial assistance {enterprise} has received in the applicable period, with the authority that gave it, the date and the gross amount."
        ),
        (Locale::De, MfaStatementKey::RequestsDeclarationOfAssistanceReceived) => format!(
            "Bitte führen Sie zur Bestätigung im Formular unten die Minimal und SPEI Financial Assistance auf, die {enterprise} im maßgeblichen Zeitraum erhalten hat, mit der gewährenden Stelle, dem Datum und dem Bruttobetrag."
        ),
        (Locale::En, MfaStatementKey::TransparencyApplies) => format!(
            "As the assistance exceeds {}, it will be published on the subsidy database under the transparency requirements (section 36(4)).",
            pounds(locale, MFA_TRANSPARENCY_LIMIT_PENCE)
        ),
        (Locale::De, MfaStatementKey::TransparencyApplies) => format!(
            "Da die Beihilfe {} übersteigt, wird sie nach den Transparenzvorschriften in der Subventionsdatenbank veröffentlicht (Section 36(4)).",
            pounds(locale, MFA_TRANSPARENCY_LIMIT_PENCE)
        ),
        (Locale::En, MfaStatementKey::GivenAsMinimalFinancialAssistance) => {
            "The subsidy is given as minimal financial assistance (section 37(5)(a)).".to_owned()
        }
        (Locale::De, MfaStatementKey::GivenAsMinimalFinancialAssistance) => {
            "Die Subvention wird als Minimal Financial Assistance gewährt (Section 37(5)(a)).".to_owned()
        }
        (Locale::En, MfaStatementKey::DateGiven) => format!("It is given on {proposed} (section 37(5)(b))."),
        (Locale::De, MfaStatementKey::DateGiven) => format!("Sie wird am {proposed} gewährt (Section 37(5)(b))."),
        (Locale::En, MfaStatementKey::RecipientMustKeepRecord) => {
            "Please keep a written record of this assistance — that it is minimal financial assistance, the date it is given and its gross value amount — for at least three years from that date (section 37(6), (7)).".to_owned()
        }
        (Locale::De, MfaStatementKey::RecipientMustKeepRecord) => {
            "Bitte bewahren Sie einen schriftlichen Nachweis dieser Beihilfe – dass es sich um Minimal Financial Assistance handelt, das Datum der Gewährung und ihren Bruttowert – mindestens drei Jahre ab diesem Datum auf (Section 37(6), (7)).".to_owned()
        }
    }
}

/// The notification letter as a PDF in `locale`: the statements, a table of the figures, and
/// a second page for the enterprise's confirmation and the assistance it has received.
pub fn mfa_letter_pdf(letter: &MfaLetter, locale: Locale) -> Result<RenderedPdf, PdfError> {
    let n = &letter.notification;
    let en = locale == Locale::En;
    let pick = |english: &'static str, german: &'static str| if en { english } else { german };
    let period = format!("{} – {}", date(locale, n.applicable_period.from), date(locale, n.applicable_period.to));
    let (gross, threshold) = (pounds(locale, n.gross_value_pence), pounds(locale, n.threshold_pence));
    let fact = |label: &'static str, value: String| Fact { label: label.to_owned(), value };
    let subject = pick("Minimal financial assistance: notification", "Minimal Financial Assistance: Mitteilung").to_owned();
    let data = LetterData {
        title: format!("{subject} – {}", letter.enterprise),
        lang: if en { "en" } else { "de" },
        page: pick("Page", "Seite"),
        sender: vec![letter.authority.clone(), letter.programme.clone()],
        recipient: vec![letter.enterprise.clone(), letter.enterprise_place.clone()],
        date_line: date(locale, letter.written_on),
        reference: format!("{} {}", pick("Ref.", "Az."), letter.reference),
        subject,
        salutation: pick("Dear Sir or Madam,", "Sehr geehrte Damen und Herren,"),
        paragraphs: n.statements.iter().map(|key| statement(locale, *key, letter)).collect(),
        facts: vec![
            fact(pick("Enterprise", "Unternehmen"), letter.enterprise.clone()),
            fact(pick("Given by", "Gewährt von"), letter.authority.clone()),
            fact(pick("Programme", "Programm"), letter.programme.clone()),
            fact(pick("Proposed date", "Geplantes Datum"), date(locale, n.proposed_on)),
            fact(pick("Gross value amount", "Bruttowert"), gross.clone()),
            fact(pick("Applicable period", "Maßgeblicher Zeitraum"), period.clone()),
            fact(pick("Threshold (s.36(1))", "Schwellenwert (Section 36(1))"), threshold.clone()),
        ],
        closing: pick("Yours faithfully,", "Mit freundlichen Grüßen"),
        reply: Reply {
            title: pick("Confirmation by the enterprise (section 37(2)(c))", "Bestätigung des Unternehmens (Section 37(2)(c))").to_owned(),
            statement: if en {
                format!(
                    "We confirm that receiving the minimal financial assistance of {gross} proposed by {} will not take the total of minimal and SPEI financial assistance given to {} in the period {period} above {threshold}.",
                    letter.authority, letter.enterprise
                )
            } else {
                format!(
                    "Wir bestätigen, dass die von {} vorgeschlagene Minimal Financial Assistance von {gross} die Summe der Minimal und SPEI Financial Assistance, die {} im Zeitraum {period} erhalten hat, nicht über {threshold} hebt.",
                    letter.authority, letter.enterprise
                )
            },
            received_title: pick("Assistance received in the applicable period", "Im maßgeblichen Zeitraum erhaltene Beihilfen").to_owned(),
            received_columns: [pick("Authority", "Gewährende Stelle"), pick("Date", "Datum"), pick("Gross amount", "Bruttobetrag")]
                .map(str::to_owned)
                .to_vec(),
            fields: [pick("Name", "Name"), pick("Position", "Funktion"), pick("Signature", "Unterschrift"), pick("Date", "Datum")]
                .map(str::to_owned)
                .to_vec(),
        },
        footer: format!("{} · {}", letter.authority, letter.reference),
    };
    render(TEMPLATE, &data, format!("tandem-mfa-notification-{}", letter.reference))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pounds_and_hours_follow_the_language() {
        assert_eq!(pounds(Locale::En, 31_500_000), "£315,000.00");
        assert_eq!(pounds(Locale::De, 123_456), "1.234,56 £");
        assert_eq!(pounds(Locale::En, 5), "£0.05");
        assert_eq!(hours(Locale::En, 350), "3.5");
        assert_eq!(hours(Locale::De, 1_225), "12,25");
    }
}
