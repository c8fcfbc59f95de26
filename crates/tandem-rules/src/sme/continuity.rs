//! Art. 4(2) of the Annex to Recommendation 2003/361/EC: "Where, at the date of closure of the
//! accounts, an enterprise finds that, on an annual basis, it has exceeded or fallen below the
//! headcount or financial ceilings stated in Article 2, this will not result in the loss or
//! acquisition of the status of medium-sized, small or microenterprise unless those ceilings
//! are exceeded over two consecutive accounting periods."
//!
//! The status moves only as far as both periods agree: a small enterprise whose figures were
//! medium last period and large this period exceeded the small ceilings twice but the medium
//! ones only once, so it becomes medium.

use super::category::Category;
use super::input::PreviousAssessment;
use super::reason::SmeReason;

/// The status after the two-period rule, and the reason when the rule changed or kept it.
pub fn two_period_status(
    period_category: Category,
    previous: Option<&PreviousAssessment>,
) -> (Category, Option<SmeReason>) {
    let Some(previous) = previous else {
        return (period_category, None);
    };
    let status = previous.status;
    let before = previous.period_category;
    let to = if period_category > status && before > status {
        Some(period_category.min(before))
    } else if period_category < status && before < status {
        Some(period_category.max(before))
    } else {
        None
    };
    match to {
        _ if period_category == status => (status, None),
        Some(to) => (to, Some(SmeReason::StatusChanged { from: status, to })),
        None => (
            status,
            Some(SmeReason::StatusKept {
                status,
                period_category,
                previous_period_category: before,
            }),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category::*;
    use chrono::NaiveDate;

    fn previous(status: Category, period_category: Category) -> PreviousAssessment {
        PreviousAssessment {
            period_end: NaiveDate::MIN,
            status,
            period_category,
        }
    }

    #[test]
    fn art_4_2_moves_only_as_far_as_both_periods_agree() {
        assert_eq!(
            two_period_status(Large, Some(&previous(Small, Medium))).0,
            Medium
        );
        assert_eq!(
            two_period_status(Micro, Some(&previous(Medium, Small))).0,
            Small
        );
        assert_eq!(
            two_period_status(Large, Some(&previous(Small, Micro))).0,
            Small
        );
        assert_eq!(
            two_period_status(Small, Some(&previous(Small, Large))),
            (Small, None)
        );
        assert_eq!(two_period_status(Medium, None), (Medium, None));
    }
}
