//! Partnership agreements: the outcome that counts (DOMAIN.md, "Partnering profiles": business,
//! technology or research agreements, recorded with date, parties and evidence). An agreement is
//! recorded by one of the parties or a support organisation and counts in the statistics once a
//! support organisation has confirmed it.

use crate::directory::keyed_enum;
use crate::validation::{optional_text, ValidationErrors};
use crate::{AgreementId, EvidenceId, InterestId, OrgId, ProfileId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Longest summary of an agreement.
pub const SUMMARY_MAX: usize = 2_000;
/// Largest evidence file accepted.
pub const EVIDENCE_MAX_BYTES: usize = 10 * 1024 * 1024;

keyed_enum!(
    /// The agreement types EEN counts.
    AgreementType {
        TradeIntermediary = "trade_intermediary",
        Franchise = "franchise",
        JointVenture = "joint_venture",
        MergerShares = "merger_shares",
        ReciprocalProduction = "reciprocal_production",
        SubcontractingOutsourcing = "subcontracting_outsourcing",
        TransportLogistics = "transport_logistics",
        TechnologyLicensing = "technology_licensing",
        TechnologyOtherTransfer = "technology_other_transfer",
        ResearchJointProposal = "research_joint_proposal",
    }
);

keyed_enum!(
    /// Business, technology or research agreement.
    AgreementCategory {
        Business = "business",
        Technology = "technology",
        Research = "research",
    }
);

impl AgreementType {
    /// The category the statistics group by.
    pub fn category(self) -> AgreementCategory {
        match self {
            AgreementType::TechnologyLicensing | AgreementType::TechnologyOtherTransfer => AgreementCategory::Technology,
            AgreementType::ResearchJointProposal => AgreementCategory::Research,
            _ => AgreementCategory::Business,
        }
    }
}

keyed_enum!(
    /// Where an agreement stands.
    AgreementState {
        Recorded = "recorded",
        Confirmed = "confirmed",
        Rejected = "rejected",
    }
);

/// What a user submits to record an agreement, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementDraft {
    /// Type key.
    pub agreement_type: String,
    /// Date signed (YYYY-MM-DD).
    pub signed_on: String,
    /// What was agreed.
    pub summary: Option<String>,
}

/// A validated agreement's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgreementInput {
    /// Type.
    pub agreement_type: AgreementType,
    /// Date signed.
    pub signed_on: NaiveDate,
    /// What was agreed.
    pub summary: Option<String>,
}

impl AgreementDraft {
    /// Checks the type, the date (not in the future relative to `today`) and the summary.
    pub fn validate(&self, today: NaiveDate) -> Result<AgreementInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let agreement_type = AgreementType::from_key(&self.agreement_type);
        if agreement_type.is_none() {
            errors.add("agreement_type", "invalid_choice", format!("agreement_type must be one of: {}", AgreementType::keys_list()));
        }
        let signed_on = match NaiveDate::parse_from_str(self.signed_on.trim(), "%Y-%m-%d") {
            Ok(date) if date > today => {
                errors.add("signed_on", "in_future", "the agreement must already be signed: use a date up to today");
                None
            }
            Ok(date) => Some(date),
            Err(_) => {
                errors.add("signed_on", "invalid_date", "write the date the agreement was signed as YYYY-MM-DD");
                None
            }
        };
        let summary = optional_text(&mut errors, "summary", self.summary.as_deref(), SUMMARY_MAX);
        let (Some(agreement_type), Some(signed_on)) = (agreement_type, signed_on) else {
            return Err(errors);
        };
        errors.into_result(AgreementInput { agreement_type, signed_on, summary })
    }
}

/// An agreement as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agreement {
    /// Id.
    pub id: AgreementId,
    /// The profile it came from.
    pub profile_id: ProfileId,
    /// The introduction it came from, if any.
    pub interest_id: Option<InterestId>,
    /// The profile's owner.
    pub owner_org_id: OrgId,
    /// The partner.
    pub partner_org_id: OrgId,
    /// Its fields.
    pub input: AgreementInput,
    /// State.
    pub state: AgreementState,
    /// Recorded by.
    pub recorded_by: Option<UserId>,
    /// Confirmed or rejected by.
    pub confirmed_by: Option<UserId>,
    /// Recorded.
    pub created_at: DateTime<Utc>,
    /// Confirmed or rejected.
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// An evidence file's record (the bytes are stored beside it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceFile {
    /// Id.
    pub id: EvidenceId,
    /// The agreement it proves.
    pub agreement_id: AgreementId,
    /// The file name as uploaded (shown, never used as a path).
    pub file_name: String,
    /// The media type detected from the content.
    pub media_type: String,
    /// Size in bytes.
    pub size: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// Uploaded by.
    pub uploaded_by: Option<UserId>,
    /// Uploaded.
    pub created_at: DateTime<Utc>,
}

/// Media types accepted as evidence: PDF, PNG and JPEG.
pub const EVIDENCE_MEDIA_TYPES: &[&str] = &["application/pdf", "image/png", "image/jpeg"];

/// The accepted media type of `bytes`, detected from the content (never from the file's name).
pub fn evidence_media_type(bytes: &[u8]) -> Option<&'static str> {
    infer::get(bytes).map(|kind| kind.mime_type()).filter(|mime| EVIDENCE_MEDIA_TYPES.contains(mime))
}

/// Checks an uploaded evidence file: not empty, not too large, and of an accepted type.
pub fn check_evidence(file_name: &str, bytes: &[u8]) -> Result<&'static str, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if file_name.trim().is_empty() || bytes.is_empty() {
        errors.add("evidence", "required", "choose a file to upload");
        return Err(errors);
    }
    if bytes.len() > EVIDENCE_MAX_BYTES {
        errors.add("evidence", "file_too_large", format!("the file has {} bytes; evidence files may have at most 10 MB", bytes.len()));
        return Err(errors);
    }
    match evidence_media_type(bytes) {
        Some(media_type) => Ok(media_type),
        None => {
            errors.add("evidence", "file_type", "upload a PDF, PNG or JPEG file (the content, not just the name, must be one of these)");
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_fall_into_the_three_categories() {
        assert_eq!(AgreementType::JointVenture.category(), AgreementCategory::Business);
        assert_eq!(AgreementType::TechnologyLicensing.category(), AgreementCategory::Technology);
        assert_eq!(AgreementType::ResearchJointProposal.category(), AgreementCategory::Research);
    }

    #[test]
    fn an_agreement_is_signed_in_the_past() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
        let draft = AgreementDraft { agreement_type: "joint_venture".into(), signed_on: "2026-11-28".into(), summary: None };
        assert_eq!(draft.validate(today).expect_err("future").0[0].code, "in_future");
        let draft = AgreementDraft { signed_on: "2026-11-27".into(), ..draft };
        assert!(draft.validate(today).is_ok());
    }

    #[test]
    fn evidence_is_checked_by_content_not_name() {
        assert_eq!(check_evidence("contract.pdf", b"%PDF-1.7\n..."), Ok("application/pdf"));
        assert_eq!(check_evidence("contract.pdf", b"MZ\x90\x00").expect_err("exe").0[0].code, "file_type");
        assert_eq!(check_evidence("empty.pdf", b"").expect_err("empty").0[0].code, "required");
        let big = vec![b'%'; EVIDENCE_MAX_BYTES + 1];
        assert_eq!(check_evidence("big.pdf", &big).expect_err("big").0[0].code, "file_too_large");
    }
}
