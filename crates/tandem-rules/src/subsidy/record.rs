//! What the ledger is given: aid already granted (by the project or declared by the
//! recipient), and the aid proposed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::currency::{ExchangeRate, Money};

/// Where a ledger record comes from. Both count the same: the ceiling is per single
/// undertaking, whoever granted the aid (de minimis: Art. 3(2) "per Member State", and the
/// Member State must check the undertaking's declaration of other de minimis aid before
/// granting — recital 10 of 1407/2013 / recital 17 of 1998/2006; UK: s.36(1) counts all
/// minimal or SPEI financial assistance "given to the enterprise").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "source")]
pub enum RecordSource {
    /// Aid this project granted and recorded.
    OwnRecord,
    /// Aid from another grantor, declared by the recipient.
    DeclaredByRecipient {
        /// The grantor named in the declaration.
        grantor: String,
    },
}

/// One grant of aid in the ledger.
///
/// For EU de minimis the ceiling is per Member State: enter only aid granted by the Member
/// State whose ledger is checked. For the UK, enter minimal financial assistance and SPEI
/// assistance (s.36(1)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AidRecord {
    /// The record's identifier, unique in the ledger.
    pub id: String,
    /// The enterprise that received the aid.
    pub enterprise_id: String,
    /// The day the legal right to the aid was conferred (de minimis Art. 3(4)) or the day the
    /// assistance was given (s.36(7)) — not the payment date.
    pub granted_on: NaiveDate,
    /// Gross aid value: grants at their amount, other aid at its gross grant or cash
    /// equivalent (see [`super::market_value`]).
    pub amount: Money,
    /// The rate into the ledger's currency; needed only when `amount` is in another currency.
    pub rate: Option<ExchangeRate>,
    /// Own record or a declaration of another grantor's aid.
    pub source: RecordSource,
}

/// The aid a project proposes to grant.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProposedAid {
    /// The enterprise that would receive it.
    pub enterprise_id: String,
    /// The day the legal right would be conferred / the assistance given.
    pub granted_on: NaiveDate,
    /// Gross aid value.
    pub amount: Money,
    /// The rate into the ledger's currency, if `amount` is in another currency.
    pub rate: Option<ExchangeRate>,
}
