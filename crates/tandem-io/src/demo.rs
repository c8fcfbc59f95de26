//! Demo data: the real Birmingham–Leipzig support ecosystem as named in public sources
//! (organisations, programmes, demo accounts) and a deterministic generator of synthetic SMEs.
//!
//! Both data files live in `data/demo/` (provenance: `data/SOURCE.md`, section "Demo ecosystem")
//! and are embedded at compile time. Drafts come back with an empty `city_id`: the seeder looks the
//! city up by the `city` name and fills it in before validating and storing.
//!
//! The generator is reproducible: the same `(count, seed)` gives the same firms on every platform
//! and build, because it draws only raw `u64`s from ChaCha8 (whose output stream is fixed by its
//! specification) and does its own integer arithmetic on them — no floating point, no hash-order
//! iteration, no library sampling routines whose algorithms may change between versions.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;
use tandem_core::directory::{OrganisationDraft, ProgrammeDraft};

/// The shipped ecosystem file (`data/demo/ecosystem.json`), byte for byte.
pub const ECOSYSTEM_JSON: &str = include_str!("../../../data/demo/ecosystem.json");
/// The shipped word lists for synthetic SMEs (`data/demo/synthetic.json`), byte for byte.
pub const SYNTHETIC_JSON: &str = include_str!("../../../data/demo/synthetic.json");

/// Name of the Birmingham city record, as used in the `city` fields.
pub const BIRMINGHAM: &str = "Birmingham";
/// Name of the Leipzig city record, as used in the `city` fields.
pub const LEIPZIG: &str = "Leipzig";

/// The demo ecosystem: real organisations and programmes of both cities, and fictional demo users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ecosystem {
    /// Organisations, Birmingham first, then Leipzig.
    pub organisations: Vec<DemoOrganisation>,
    /// Programmes, each naming the organisation that runs it.
    pub programmes: Vec<DemoProgramme>,
    /// Demo accounts (fictional people, `@demo.tandem.example` addresses, no passwords).
    pub users: Vec<DemoUser>,
}

/// An organisation of the demo ecosystem and the city it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoOrganisation {
    /// City name (`Birmingham` or `Leipzig`); the draft's `city_id` is empty until the seeder fills it.
    pub city: String,
    /// The organisation as a form would submit it.
    pub draft: OrganisationDraft,
}

/// A programme of the demo ecosystem and the organisation that runs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoProgramme {
    /// Name of the running organisation, as in [`DemoOrganisation`]'s draft.
    pub organisation: String,
    /// The programme as a form would submit it.
    pub draft: ProgrammeDraft,
}

/// A demo account; the seeder chooses (and prints) the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoUser {
    /// Login address (in the reserved `demo.tandem.example` domain).
    pub email: String,
    /// Plainly fictional display name.
    pub display_name: String,
    /// Locale key (`en` or `de`).
    pub locale: String,
    /// Whether the account is a platform administrator.
    #[serde(default)]
    pub platform_admin: bool,
    /// Roles in organisations of the ecosystem.
    #[serde(default)]
    pub memberships: Vec<DemoMembership>,
}

/// One role of a demo user in one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMembership {
    /// Organisation name, as in [`DemoOrganisation`]'s draft.
    pub organisation: String,
    /// Role key (`org_admin`, `programme_manager`, `member`).
    pub role: String,
}

/// A generated SME and the city it is based in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyntheticSme {
    /// City name (`Birmingham` or `Leipzig`); the draft's `city_id` is empty until the caller fills it.
    pub city: String,
    /// The firm as a form would submit it.
    pub draft: OrganisationDraft,
}

/// The ecosystem file's layout: drafts without `city_id`, plus the city and organisation names.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EcosystemFile {
    organisations: Vec<OrganisationRecord>,
    programmes: Vec<ProgrammeRecord>,
    users: Vec<DemoUser>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationRecord {
    name: String,
    kind: String,
    city: String,
    #[serde(default)]
    nace_codes: Vec<String>,
    description_en: Option<String>,
    description_de: Option<String>,
    website: Option<String>,
    staff_headcount: Option<String>,
    turnover: Option<String>,
    balance_sheet: Option<String>,
    currency: Option<String>,
    figures_year: Option<String>,
    pic: Option<String>,
    companies_house: Option<String>,
    handelsregister: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgrammeRecord {
    name: String,
    kind: String,
    status: String,
    organisation: String,
    #[serde(default)]
    sectors: Vec<String>,
    description_en: Option<String>,
    description_de: Option<String>,
    eligibility: Option<String>,
}

/// Parses the embedded `data/demo/ecosystem.json`.
pub fn ecosystem() -> Result<Ecosystem, serde_json::Error> {
    parse_ecosystem(ECOSYSTEM_JSON)
}

/// Parses an ecosystem file with the layout of `data/demo/ecosystem.json`.
pub fn parse_ecosystem(json: &str) -> Result<Ecosystem, serde_json::Error> {
    let file: EcosystemFile = serde_json::from_str(json)?;
    let organisations = file
        .organisations
        .into_iter()
        .map(|o| DemoOrganisation {
            city: o.city,
            draft: OrganisationDraft {
                name: o.name,
                kind: o.kind,
                city_id: String::new(),
                nace_codes: o.nace_codes,
                description_en: o.description_en,
                description_de: o.description_de,
                website: o.website,
                staff_headcount: o.staff_headcount,
                turnover: o.turnover,
                balance_sheet: o.balance_sheet,
                currency: o.currency,
                figures_year: o.figures_year,
                pic: o.pic,
                companies_house: o.companies_house,
                handelsregister: o.handelsregister,
            },
        })
        .collect();
    let programmes = file
        .programmes
        .into_iter()
        .map(|p| DemoProgramme {
            organisation: p.organisation,
            draft: ProgrammeDraft {
                name: p.name,
                kind: p.kind,
                status: p.status,
                description_en: p.description_en,
                description_de: p.description_de,
                sectors: p.sectors,
                eligibility: p.eligibility,
            },
        })
        .collect();
    Ok(Ecosystem {
        organisations,
        programmes,
        users: file.users,
    })
}

// ---------------------------------------------------------------------------------------------
// Synthetic SMEs
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordLists {
    uk: Naming,
    de: Naming,
    templates: Templates,
    sectors: Vec<Sector>,
}

/// How firms of one country are named.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Naming {
    /// Usual legal-form suffix (`Ltd`, `GmbH`).
    suffix: String,
    /// A second legal form (`UG (haftungsbeschränkt)`), if any.
    alt_suffix: Option<String>,
    /// Percentage of established SMEs with the second legal form.
    #[serde(default)]
    alt_suffix_percent_sme: u64,
    /// Percentage of start-ups with the second legal form.
    #[serde(default)]
    alt_suffix_percent_startup: u64,
    stems: Vec<String>,
    places: Vec<String>,
    /// Words appended to a name that is already taken.
    distinguishers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Templates {
    en: LanguageTemplates,
    de: LanguageTemplates,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageTemplates {
    intro_sme: Vec<String>,
    intro_startup: Vec<String>,
    technology: Vec<String>,
    closing: Vec<String>,
}

/// One sector; the `_en` and `_de` vocabulary lists are parallel (same length, same meaning).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sector {
    key: String,
    weight: u64,
    nace_codes: Vec<String>,
    /// Turnover per head in whole currency units, inclusive range.
    turnover_per_head: [u64; 2],
    name_words_en: Vec<String>,
    name_words_de: Vec<String>,
    products_en: Vec<String>,
    products_de: Vec<String>,
    customers_en: Vec<String>,
    customers_de: Vec<String>,
    technologies_en: Vec<String>,
    technologies_de: Vec<String>,
}

impl WordLists {
    /// Checks what the generator relies on, so that it never picks from an empty list.
    fn check(&self) -> Result<(), String> {
        let non_empty = |what: &str, list: &[String]| {
            if list.is_empty() {
                Err(format!("{what} is empty"))
            } else {
                Ok(())
            }
        };
        for (country, naming) in [("uk", &self.uk), ("de", &self.de)] {
            non_empty(&format!("{country}.stems"), &naming.stems)?;
            non_empty(&format!("{country}.places"), &naming.places)?;
            non_empty(&format!("{country}.distinguishers"), &naming.distinguishers)?;
            if naming.stems.len() < 2 {
                return Err(format!("{country}.stems needs at least two stems"));
            }
        }
        for (lang, t) in [("en", &self.templates.en), ("de", &self.templates.de)] {
            non_empty(&format!("templates.{lang}.intro_sme"), &t.intro_sme)?;
            non_empty(&format!("templates.{lang}.intro_startup"), &t.intro_startup)?;
            non_empty(&format!("templates.{lang}.technology"), &t.technology)?;
            non_empty(&format!("templates.{lang}.closing"), &t.closing)?;
        }
        if self.sectors.is_empty() {
            return Err("sectors is empty".into());
        }
        for s in &self.sectors {
            let k = &s.key;
            if s.weight == 0 {
                return Err(format!("sector {k}: weight must be positive"));
            }
            let [low, high] = s.turnover_per_head;
            if low == 0 || low > high {
                return Err(format!(
                    "sector {k}: turnover_per_head must be [min, max] with 0 < min <= max"
                ));
            }
            non_empty(&format!("sector {k}: nace_codes"), &s.nace_codes)?;
            non_empty(&format!("sector {k}: name_words_en"), &s.name_words_en)?;
            non_empty(&format!("sector {k}: name_words_de"), &s.name_words_de)?;
            for (what, en, de) in [
                ("products", &s.products_en, &s.products_de),
                ("customers", &s.customers_en, &s.customers_de),
                ("technologies", &s.technologies_en, &s.technologies_de),
            ] {
                non_empty(&format!("sector {k}: {what}_en"), en)?;
                if en.len() != de.len() {
                    return Err(format!(
                        "sector {k}: {what}_en and {what}_de must be parallel lists of equal length"
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The embedded word lists, parsed and checked once.
fn word_lists() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let lists: WordLists = serde_json::from_str(SYNTHETIC_JSON)
            .unwrap_or_else(|e| panic!("embedded data/demo/synthetic.json does not parse: {e}"));
        if let Err(problem) = lists.check() {
            panic!("embedded data/demo/synthetic.json is unusable: {problem}");
        }
        lists
    })
}

/// Integer-only sampling on top of ChaCha8's raw output, stable across platforms and versions.
struct Draw(ChaCha8Rng);

impl Draw {
    /// Uniform in `0..n` by rejection sampling (no modulo bias); 0 when `n` is 0.
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // 2^64 mod n: the count of raw values that would bias the low residues.
        let biased = (u64::MAX % n + 1) % n;
        loop {
            let v = self.0.next_u64();
            if biased == 0 || v <= u64::MAX - biased {
                return v % n;
            }
        }
    }

    /// Uniform in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high.saturating_sub(low).saturating_add(1))
    }

    /// True with the given probability in percent.
    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }

    /// A uniformly chosen index into a list of `len` items.
    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A uniformly chosen item; the empty string for an empty list.
    fn pick<'a>(&mut self, list: &'a [String]) -> &'a str {
        let i = self.index(list.len());
        list.get(i).map_or("", String::as_str)
    }
}

/// Generates `count` plausible, fictional SMEs, about half in each city, with unique names and
/// websites under the reserved `.example` top-level domain. Deterministic in `(count, seed)`.
pub fn synthetic_smes(count: usize, seed: u64) -> Vec<SyntheticSme> {
    let lists = word_lists();
    let mut draw = Draw(ChaCha8Rng::seed_from_u64(seed));
    let total_weight: u64 = lists.sectors.iter().map(|s| s.weight).sum();
    let mut taken_names: HashSet<String> = HashSet::new();
    let mut taken_slugs: HashSet<String> = HashSet::new();
    let mut firms = Vec::with_capacity(count);

    for _ in 0..count {
        let in_birmingham = draw.below(2) == 0;
        let sector = pick_sector(&mut draw, &lists.sectors, total_weight);
        let startup = draw.percent(25);
        let (naming, words, city, other_city) = if in_birmingham {
            (&lists.uk, &sector.name_words_en, BIRMINGHAM, LEIPZIG)
        } else {
            (&lists.de, &sector.name_words_de, LEIPZIG, BIRMINGHAM)
        };

        // Name: a base unique (with its slug) across this run, then the legal form.
        let base = base_name(&mut draw, naming, words);
        let base = unique_base(&mut draw, base, naming, &taken_names, &taken_slugs);
        let slug = slugify(&base);
        taken_names.insert(base.to_lowercase());
        taken_slugs.insert(slug.clone());
        let alt_percent = if startup {
            naming.alt_suffix_percent_startup
        } else {
            naming.alt_suffix_percent_sme
        };
        let suffix = match &naming.alt_suffix {
            Some(alt) if draw.percent(alt_percent) => alt.as_str(),
            _ => naming.suffix.as_str(),
        };
        let name = format!("{base} {suffix}");

        // NACE: one or two distinct classes of the sector.
        let codes = &sector.nace_codes;
        let first = draw.index(codes.len());
        let mut nace_codes = vec![codes[first].clone()];
        if codes.len() > 1 && draw.percent(50) {
            let second = (first + 1 + draw.index(codes.len() - 1)) % codes.len();
            nace_codes.push(codes[second].clone());
        }

        // Descriptions: the same product, customers and technology in both languages.
        let facts = Facts {
            name: &name,
            city,
            other_city,
            product: draw.index(sector.products_en.len()),
            customer: draw.index(sector.customers_en.len()),
            technology: draw.index(sector.technologies_en.len()),
            closing: draw.percent(70),
            startup,
        };
        let english = in_birmingham || draw.percent(60);
        let german = !in_birmingham || draw.percent(20);
        let description_en =
            english.then(|| describe(&mut draw, &lists.templates.en, &facts, Lang::En, sector));
        let description_de =
            german.then(|| describe(&mut draw, &lists.templates.de, &facts, Lang::De, sector));

        // Figures of the last closed accounts.
        let staff = if startup {
            if draw.percent(70) {
                draw.between(1, 8)
            } else {
                draw.between(2, 30)
            }
        } else {
            match draw.below(100) {
                0..60 => draw.between(1, 9),
                60..88 => draw.between(10, 49),
                _ => draw.between(50, 249),
            }
        };
        let [low, high] = sector.turnover_per_head;
        let mut turnover = staff * draw.between(low, high);
        if startup {
            turnover = turnover * draw.between(20, 80) / 100;
        }
        let turnover = round_thousands(turnover).min(45_000_000);
        let balance_sheet = round_thousands(turnover * draw.between(25, 100) / 100);
        let year = 2024 + draw.below(2);

        firms.push(SyntheticSme {
            city: city.to_owned(),
            draft: OrganisationDraft {
                name,
                kind: if startup { "startup" } else { "sme" }.to_owned(),
                city_id: String::new(),
                nace_codes,
                description_en,
                description_de,
                website: Some(format!("https://www.{slug}.example")),
                staff_headcount: Some(staff.to_string()),
                turnover: Some(turnover.to_string()),
                balance_sheet: Some(balance_sheet.to_string()),
                currency: Some(if in_birmingham { "GBP" } else { "EUR" }.to_owned()),
                figures_year: Some(year.to_string()),
                pic: None,
                companies_house: None,
                handelsregister: None,
            },
        });
    }
    firms
}

fn pick_sector<'a>(draw: &mut Draw, sectors: &'a [Sector], total_weight: u64) -> &'a Sector {
    let mut r = draw.below(total_weight);
    for sector in sectors {
        if r < sector.weight {
            return sector;
        }
        r -= sector.weight;
    }
    // Unreachable while weights sum to `total_weight`; the last sector is a safe answer anyway.
    &sectors[sectors.len() - 1]
}

/// A name without legal form: "Kestrel Software", "Plagwitzer Datenwerk", "Wren & Heron".
fn base_name(draw: &mut Draw, naming: &Naming, words: &[String]) -> String {
    match draw.below(6) {
        0..3 => format!("{} {}", draw.pick(&naming.stems), draw.pick(words)),
        3..5 => format!("{} {}", draw.pick(&naming.places), draw.pick(words)),
        _ => {
            let first = draw.index(naming.stems.len());
            let second = (first + 1 + draw.index(naming.stems.len() - 1)) % naming.stems.len();
            format!("{} & {}", naming.stems[first], naming.stems[second])
        }
    }
}

/// Appends a distinguishing word, then a number, until neither the name nor its slug is taken.
fn unique_base(
    draw: &mut Draw,
    base: String,
    naming: &Naming,
    taken_names: &HashSet<String>,
    taken_slugs: &HashSet<String>,
) -> String {
    let free = |candidate: &str| {
        !taken_names.contains(&candidate.to_lowercase())
            && !taken_slugs.contains(&slugify(candidate))
    };
    if free(&base) {
        return base;
    }
    let words = &naming.distinguishers;
    let offset = draw.index(words.len());
    for i in 0..words.len() {
        let candidate = format!("{base} {}", words[(offset + i) % words.len()]);
        if free(&candidate) {
            return candidate;
        }
    }
    (2u64..)
        .map(|n| format!("{base} {n}"))
        .find(|candidate| free(candidate))
        .unwrap_or(base)
}

#[derive(Clone, Copy)]
enum Lang {
    En,
    De,
}

/// What a firm's descriptions say, chosen once so that both languages agree.
struct Facts<'a> {
    name: &'a str,
    city: &'a str,
    other_city: &'a str,
    product: usize,
    customer: usize,
    technology: usize,
    closing: bool,
    startup: bool,
}

fn describe(
    draw: &mut Draw,
    templates: &LanguageTemplates,
    facts: &Facts<'_>,
    lang: Lang,
    sector: &Sector,
) -> String {
    let (products, customers, technologies) = match lang {
        Lang::En => (
            &sector.products_en,
            &sector.customers_en,
            &sector.technologies_en,
        ),
        Lang::De => (
            &sector.products_de,
            &sector.customers_de,
            &sector.technologies_de,
        ),
    };
    let at = |list: &[String], i: usize| list.get(i).cloned().unwrap_or_default();
    let slots = [
        ("{name}", facts.name.to_owned()),
        ("{city}", facts.city.to_owned()),
        ("{other_city}", facts.other_city.to_owned()),
        ("{product}", at(products, facts.product)),
        ("{customer}", at(customers, facts.customer)),
        ("{technology}", at(technologies, facts.technology)),
    ];
    let intro = if facts.startup {
        &templates.intro_startup
    } else {
        &templates.intro_sme
    };
    let mut sentences = vec![draw.pick(intro), draw.pick(&templates.technology)];
    if facts.closing {
        sentences.push(draw.pick(&templates.closing));
    }
    let mut text = sentences.join(" ");
    for (slot, value) in &slots {
        text = text.replace(slot, value);
    }
    text
}

fn round_thousands(amount: u64) -> u64 {
    ((amount + 500) / 1_000 * 1_000).max(1_000)
}

/// Lower-case ASCII host label: German letters transliterated, everything else a single hyphen.
fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars() {
        let piece = match c {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c.to_ascii_lowercase());
                continue;
            }
            _ => "-",
        };
        if piece == "-" && (slug.is_empty() || slug.ends_with('-')) {
            continue;
        }
        slug.push_str(piece);
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

// ---------------------------------------------------------------------------------------------
// Partnering: profiles, expressions of interest, agreements
// ---------------------------------------------------------------------------------------------

/// The shipped demo profiles (`data/demo/profiles.jsonl`, the bulk-exchange format), byte for byte.
pub const PROFILES_JSONL: &str = include_str!("../../../data/demo/profiles.jsonl");
/// The shipped demo interests and agreements (`data/demo/partnering.json`), byte for byte.
pub const PARTNERING_JSON: &str = include_str!("../../../data/demo/partnering.json");

/// The demo profiles, parsed; every problem of the file is returned (the file is shipped, so
/// tests keep it free of them).
pub fn profiles() -> Result<Vec<crate::profile_exchange::LineRecord>, Vec<crate::profile_exchange::LineError>> {
    let parsed = crate::profile_exchange::parse_jsonl(PROFILES_JSONL);
    if parsed.errors.is_empty() { Ok(parsed.records) } else { Err(parsed.errors) }
}

/// Expressions of interest and agreements between the demo profiles' organisations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partnering {
    /// Expressions of interest, in the order agreements refer to them.
    pub interests: Vec<DemoInterest>,
    /// Partnership agreements.
    pub agreements: Vec<DemoAgreement>,
}

/// An expression of interest in a demo profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoInterest {
    /// The profile's `external_id`.
    pub profile: String,
    /// The interested organisation (upserted by its `external_id`, like a profile's owner).
    pub from: crate::profile_exchange::OrganisationRecord,
    /// What cooperation is sought.
    pub cooperation_sought: String,
    /// What is missing from the profile.
    pub missing_information: Option<String>,
    /// Who we are.
    pub who_we_are: String,
    /// State key (`submitted`, `introduced`, `declined`).
    pub state: String,
    /// Why it was declined.
    pub decline_reason: Option<String>,
}

/// A partnership agreement between a demo profile's owner and an interested organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAgreement {
    /// The profile's `external_id`.
    pub profile: String,
    /// Index into [`Partnering::interests`] of the introduction it came from.
    pub from_interest: usize,
    /// Agreement type key.
    #[serde(rename = "type")]
    pub agreement_type: String,
    /// Date signed (YYYY-MM-DD).
    pub signed_on: String,
    /// What was agreed.
    pub summary: Option<String>,
    /// State key (`recorded`, `confirmed`).
    pub state: String,
}

/// Parses the embedded `data/demo/partnering.json`.
pub fn partnering() -> Result<Partnering, serde_json::Error> {
    serde_json::from_str(PARTNERING_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_host_labels() {
        assert_eq!(slugify("Plagwitzer Datenwerk"), "plagwitzer-datenwerk");
        assert_eq!(slugify("Pleiße & Zaunkönig"), "pleisse-zaunkoenig");
        assert_eq!(
            slugify("Jewellery Quarter Code 2"),
            "jewellery-quarter-code-2"
        );
    }

    #[test]
    fn the_embedded_word_lists_are_usable() {
        let lists: WordLists = serde_json::from_str(SYNTHETIC_JSON).expect("parses");
        lists.check().expect("usable");
    }

    #[test]
    fn sampling_stays_in_range() {
        let mut draw = Draw(ChaCha8Rng::seed_from_u64(7));
        for n in [1, 2, 3, 7, 100, u64::MAX] {
            for _ in 0..200 {
                assert!(draw.below(n) < n);
            }
        }
        assert_eq!(draw.below(0), 0);
        for _ in 0..200 {
            assert!((5..=9).contains(&draw.between(5, 9)));
        }
    }
}
