//! Funder evidence (issue 6; DOMAIN.md "Funder evidence"): funded projects and the support they
//! give to enterprises, kept so that every number in a claim can be followed to its evidence.
//! The rules that judge the evidence (SME test, subsidy ledgers, indicators) are pure and live
//! in `tandem-rules`.

pub mod aid;
pub mod outcome;
pub mod project;
pub mod sme;
pub mod support;
pub mod units;
