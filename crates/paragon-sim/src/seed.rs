//! Deterministic pseudo-randomness and timestamp formatting for seeded data.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A stable 64-bit hash of `parts` and `n` (FNV-1a, then a SplitMix64 finaliser): the same
/// inputs give the same value on every run and platform.
pub(crate) fn hash(parts: &[&str], n: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut z = h ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Picks an element of a non-empty slice by `h`.
pub(crate) fn pick<T: Copy>(items: &[T], h: u64) -> T {
    let len = u64::try_from(items.len()).unwrap_or(u64::MAX).max(1);
    let i = usize::try_from(h % len).unwrap_or(0);
    items[i.min(items.len().saturating_sub(1))]
}

/// RFC 3339 (`format: date-time`), e.g. `2026-01-31T23:00:00Z`.
pub(crate) fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_else(|_| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn hash_is_stable_and_spreads() {
        assert_eq!(hash(&["a", "b"], 1), hash(&["a", "b"], 1));
        assert_ne!(hash(&["a", "b"], 1), hash(&["a", "b"], 2));
        assert_ne!(hash(&["ab"], 1), hash(&["a", "b"], 1));
        assert_eq!(pick(&[1, 2, 3], 4), 2);
    }

    #[test]
    fn timestamps_are_rfc3339() {
        assert_eq!(
            rfc3339(datetime!(2026-01-31 23:00:00 UTC)),
            "2026-01-31T23:00:00Z"
        );
    }
}
