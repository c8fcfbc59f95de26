//! Sets of slots as bit masks: availability, a participant's busy slots and a meeting's
//! allowed slots are intersected in the solver's innermost loops, so they are one machine word
//! pair instead of a list.

/// The most slots an instance may have (two full days of 15-minute slots fit with room).
pub const MAX_SLOTS: usize = 128;

/// A set of slot indices below [`MAX_SLOTS`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SlotSet(pub u128);

impl SlotSet {
    /// No slots.
    pub const EMPTY: SlotSet = SlotSet(0);

    /// The slots `0..n`.
    pub fn first(n: usize) -> SlotSet {
        if n >= MAX_SLOTS { SlotSet(u128::MAX) } else { SlotSet((1u128 << n) - 1) }
    }

    /// Just `s`.
    #[inline]
    pub fn single(s: usize) -> SlotSet {
        SlotSet(1u128 << s)
    }

    /// Whether `s` is in the set.
    #[inline]
    pub fn contains(self, s: usize) -> bool {
        self.0 >> s & 1 == 1
    }

    /// Adds `s`.
    #[inline]
    pub fn insert(&mut self, s: usize) {
        self.0 |= 1u128 << s;
    }

    /// Removes `s`.
    #[inline]
    pub fn remove(&mut self, s: usize) {
        self.0 &= !(1u128 << s);
    }

    /// Number of slots in the set.
    #[inline]
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// Whether the set is empty.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Slots in both sets.
    #[inline]
    pub fn and(self, other: SlotSet) -> SlotSet {
        SlotSet(self.0 & other.0)
    }

    /// Slots in this set but not in `other`.
    #[inline]
    pub fn minus(self, other: SlotSet) -> SlotSet {
        SlotSet(self.0 & !other.0)
    }

    /// The lowest slot, if any.
    #[inline]
    pub fn lowest(self) -> Option<usize> {
        if self.0 == 0 { None } else { Some(self.0.trailing_zeros() as usize) }
    }

    /// The highest slot, if any.
    #[inline]
    pub fn highest(self) -> Option<usize> {
        if self.0 == 0 { None } else { Some(127 - self.0.leading_zeros() as usize) }
    }

    /// The slots from the lowest to the highest member, both included (empty for an empty set).
    #[inline]
    pub fn span(self) -> SlotSet {
        match (self.lowest(), self.highest()) {
            (Some(lo), Some(hi)) => SlotSet(SlotSet::first(hi + 1).0 & !SlotSet::first(lo).0),
            _ => SlotSet::EMPTY,
        }
    }

    /// The members in increasing order.
    #[inline]
    pub fn iter(self) -> SlotIter {
        SlotIter(self.0)
    }
}

/// Iterator over a [`SlotSet`]'s members.
#[derive(Debug, Clone)]
pub struct SlotIter(u128);

impl Iterator for SlotIter {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let s = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(s)
    }
}

/// Idle gaps of one participant: available slots without a meeting between its first and last
/// meeting.
#[inline]
pub fn idle_gaps(busy: SlotSet, available: SlotSet) -> u32 {
    busy.span().and(available).minus(busy).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_and_gaps() {
        let mut busy = SlotSet::EMPTY;
        busy.insert(2);
        busy.insert(6);
        assert_eq!(busy.span().iter().collect::<Vec<_>>(), vec![2, 3, 4, 5, 6]);
        let mut av = SlotSet::first(8);
        av.remove(4);
        assert_eq!(idle_gaps(busy, av), 2);
        assert_eq!(idle_gaps(SlotSet::EMPTY, av), 0);
        assert_eq!(SlotSet::first(128).len(), 128);
        assert_eq!(SlotSet::single(127).highest(), Some(127));
    }
}
