//! Interreg RCO87 "Organisations cooperating across borders" (unit: organisations), listed
//! among the common output indicators of Regulation (EU) 2021/1058, Annex I, and used by
//! Interreg programmes under Regulation (EU) 2021/1059.
//!
//! Tandem feeds it from cooperation links: two organisations in different countries linked by
//! a signed partnership agreement (confirmed by both parties; one awaiting confirmation is a near
//! miss) or a held B2B meeting. Each organisation counts once, from
//! the day of its first cross-border link, however many links it has. The Commission's
//! methodology (SWD(2021) 198) describes organisations cooperating *formally* in supported
//! projects; a programme that does not accept a B2B meeting as formal cooperation switches
//! `ProjectSettings::rco87_counts_b2b_meetings` off.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::catalogue::IndicatorCode;
use super::facts::{CooperationLink, LinkKind, ProjectFacts, ReportingPeriod};
use super::ledger::{Met, Qualification, count, record_count};
use super::near_miss::{IndicatorResult, Shortfall};
use super::settings::ProjectSettings;
use super::validate::{FactsError, validate};

/// Counts RCO87 for one project and reporting period.
pub fn evaluate(
    facts: &ProjectFacts,
    settings: &ProjectSettings,
    period: ReportingPeriod,
) -> Result<IndicatorResult, FactsError> {
    validate(facts, period)?;
    let mut links: Vec<&CooperationLink> = facts
        .cooperation_links
        .iter()
        .filter(|l| l.date <= period.to)
        .collect();
    links.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));

    // Each organisation with the links it takes part in, earliest first.
    let mut by_organisation: BTreeMap<&str, Vec<(&CooperationLink, &str, &str)>> = BTreeMap::new();
    for l in &links {
        by_organisation
            .entry(&l.a.id)
            .or_default()
            .push((l, &l.a.country, &l.b.country));
        by_organisation
            .entry(&l.b.id)
            .or_default()
            .push((l, &l.b.country, &l.a.country));
    }

    let mut result = IndicatorResult::new(IndicatorCode::Rco87);
    for (organisation, own_links) in by_organisation {
        let outcome = cooperation_test(&own_links, settings);
        let candidates: Vec<String> = own_links
            .iter()
            .filter(|(l, _, _)| period.contains(l.date))
            .map(|(l, _, _)| l.id.clone())
            .collect();
        record_count(
            &mut result,
            period,
            organisation,
            &outcome,
            Vec::new(),
            candidates,
        );
    }
    Ok(result)
}

/// Met on the day of the organisation's first counted cross-border link; the qualifying ids
/// are the counted links of that day.
fn cooperation_test(
    links: &[(&CooperationLink, &str, &str)],
    settings: &ProjectSettings,
) -> Qualification {
    let kind_counts = |l: &CooperationLink| match l.kind {
        LinkKind::PartnershipAgreement => true,
        LinkKind::HeldB2bMeeting => settings.rco87_counts_b2b_meetings,
        LinkKind::UnconfirmedAgreement => false,
    };
    let across = |own: &str, other: &str| !own.trim().eq_ignore_ascii_case(other.trim());
    let counted: Vec<&CooperationLink> = links
        .iter()
        .filter(|(l, own, other)| kind_counts(l) && across(own, other))
        .map(|(l, _, _)| *l)
        .collect();
    if let Some(first) = counted.first() {
        let on: NaiveDate = first.date;
        return Ok(Met {
            on,
            ids: counted
                .iter()
                .filter(|l| l.date == on)
                .map(|l| l.id.clone())
                .collect(),
        });
    }
    let mut missing = Vec::new();
    if let Some((_, own, _)) = links.iter().find(|(_, own, other)| !across(own, other)) {
        missing.push(Shortfall::SameCountry {
            country: own.trim().to_ascii_uppercase(),
        });
    }
    let uncounted = |kind: LinkKind| {
        links
            .iter()
            .filter(|(l, own, other)| l.kind == kind && !kind_counts(l) && across(own, other))
            .count()
    };
    let meetings = uncounted(LinkKind::HeldB2bMeeting);
    if meetings > 0 {
        missing.push(Shortfall::MeetingsNotCounted {
            meetings: count(meetings),
        });
    }
    let agreements = uncounted(LinkKind::UnconfirmedAgreement);
    if agreements > 0 {
        missing.push(Shortfall::AgreementsNotConfirmed {
            agreements: count(agreements),
        });
    }
    Err(missing)
}
