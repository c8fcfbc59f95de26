//! Pure rules with their sources cited: no I/O, no database, plain data in and out.

pub mod indicators;
pub mod profile_lifecycle;
pub mod sme;
pub mod subsidy;
