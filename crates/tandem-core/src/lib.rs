//! Tandem's domain model: newtype ids, directory entities, accounts, roles and the policy
//! predicates that decide who may see and change what. No I/O lives here.

pub mod account;
pub mod audit;
pub mod digest;
pub mod directory;
pub mod evidence;
pub mod events;
pub mod ids;
pub mod nace;
pub mod partnering;
pub mod policy;
pub mod taxonomy;
pub mod text;
pub mod validation;

pub use ids::*;
