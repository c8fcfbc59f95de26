//! "Single undertaking": enterprises linked by control are one recipient, and their aid is
//! added up.
//!
//! Art. 2(2) of Reg. (EU) 2023/2831 and of Reg. (EU) No 1407/2013 (wording confirmed through
//! guichet.public.lu's summary of 2023/2831 and the same definition in the GBER): a single
//! undertaking includes all enterprises having at least one of these relations with each
//! other —
//! (a) one has a majority of the shareholders' or members' voting rights in another;
//! (b) one has the right to appoint or remove a majority of the members of the administrative,
//!     management or supervisory body of another;
//! (c) one has the right to exercise a dominant influence over another under a contract with
//!     it or a provision in its memorandum or articles of association;
//! (d) one, a shareholder in or member of another, controls alone, under an agreement with
//!     other shareholders or members, a majority of the voting rights in it.
//! Enterprises having any of these relations *through one or more other enterprises* are also
//! a single undertaking — so the group is every enterprise connected to the applicant by a
//! chain of links, in either direction: a connected component of the link graph.
//!
//! UK: ss.7–8 of the Subsidy Control Act 2022 treat persons under common control as one
//! enterprise, and s.8(2) counts the ability, directly or indirectly, to control or materially
//! to influence a body corporate's commercial policy even without a controlling interest. That
//! wider link is [`ControlRelation::MaterialInfluence`]; it joins groups in the UK ledger only.
//!
//! Not modelled: links through natural persons or public bodies (enter the enterprises' links
//! directly if the caller decides they count).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::error::SubsidyError;
use super::jurisdiction::LedgerFamily;

/// The relation that links two enterprises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlRelation {
    /// Art. 2(2)(a): majority of the shareholders' or members' voting rights.
    MajorityOfVotingRights,
    /// Art. 2(2)(b): right to appoint or remove a majority of the board.
    AppointsMajorityOfBoard,
    /// Art. 2(2)(c): dominant influence under a contract or the articles of association.
    DominantInfluenceByContractOrArticles,
    /// Art. 2(2)(d): majority of voting rights controlled alone under an agreement with other
    /// shareholders or members.
    MajorityOfVotingRightsByAgreement,
    /// Subsidy Control Act 2022 s.8(2): able to control or materially to influence the body's
    /// commercial policy without a controlling interest. Counts in the UK ledger only.
    MaterialInfluence,
}

impl ControlRelation {
    /// Whether the relation joins enterprises into one recipient in `family`'s ledger.
    pub fn counts_in(self, family: LedgerFamily) -> bool {
        match self {
            Self::MaterialInfluence => family == LedgerFamily::UkMinimalFinancialAssistance,
            _ => true,
        }
    }
}

/// One enterprise's control over another.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ControlLink {
    /// The enterprise that controls.
    pub controller: String,
    /// The enterprise controlled.
    pub controlled: String,
    /// How.
    pub relation: ControlRelation,
}

/// Every enterprise that forms one recipient with `enterprise_id` in `family`'s ledger,
/// `enterprise_id` included, sorted by id.
pub fn single_undertaking(
    enterprise_id: &str,
    links: &[ControlLink],
    family: LedgerFamily,
) -> Result<BTreeSet<String>, SubsidyError> {
    if enterprise_id.trim().is_empty() {
        return Err(SubsidyError::EmptyId {
            field: "enterprise_id",
        });
    }
    let mut sets = DisjointSets::default();
    sets.insert(enterprise_id);
    for link in links {
        if link.controller.trim().is_empty() {
            return Err(SubsidyError::EmptyId {
                field: "links[].controller",
            });
        }
        if link.controlled.trim().is_empty() {
            return Err(SubsidyError::EmptyId {
                field: "links[].controlled",
            });
        }
        if link.controller == link.controlled {
            return Err(SubsidyError::SelfLink {
                field: "links[]",
                enterprise: link.controller.clone(),
            });
        }
        if link.relation.counts_in(family) {
            sets.union(&link.controller, &link.controlled);
        }
    }
    Ok(sets.members_with(enterprise_id))
}

/// Union-find over enterprise ids: each id points towards its set's representative.
#[derive(Default)]
struct DisjointSets {
    parent: BTreeMap<String, String>,
}

impl DisjointSets {
    fn insert(&mut self, id: &str) {
        if !self.parent.contains_key(id) {
            self.parent.insert(id.to_owned(), id.to_owned());
        }
    }

    fn root(&self, id: &str) -> String {
        let mut current = id.to_owned();
        // The chain ends: every union points one root at another root, never at itself twice.
        while let Some(parent) = self.parent.get(&current) {
            if *parent == current {
                break;
            }
            current = parent.clone();
        }
        current
    }

    fn union(&mut self, a: &str, b: &str) {
        self.insert(a);
        self.insert(b);
        let (root_a, root_b) = (self.root(a), self.root(b));
        if root_a != root_b {
            // The smaller id becomes the root so the result does not depend on link order.
            let (keep, join) = if root_a < root_b {
                (root_a, root_b)
            } else {
                (root_b, root_a)
            };
            self.parent.insert(join, keep);
        }
    }

    fn members_with(&self, id: &str) -> BTreeSet<String> {
        let root = self.root(id);
        self.parent
            .keys()
            .filter(|member| self.root(member) == root)
            .cloned()
            .collect()
    }
}
