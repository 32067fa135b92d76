//! Where each node of a document is, by JSON Pointer.
//!
//! Recorded for every node of every file, so it is built to cost little: the key is a 64-bit
//! hash of the pointer, not the pointer itself, so recording a node allocates nothing and a
//! lookup hashes one string. Two pointers of one file with the same hash (about one chance in
//! 10^8 for a file of a million nodes; the hash starts from a random value, so a document
//! cannot be made to collide on purpose) would only give a diagnostic the other one's position.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::diag::Pos;

/// Positions of a document's nodes, by JSON Pointer.
#[derive(Debug, Default, Clone)]
pub struct Positions {
    map: HashMap<u64, Pos, BuildHasherDefault<KeyHasher>>,
}

impl Positions {
    /// Records (or replaces) the position of `pointer`.
    pub fn insert(&mut self, pointer: &str, pos: Pos) {
        self.map.insert(key(pointer), pos);
    }

    /// Records the position of `pointer` unless it has one.
    pub fn insert_if_absent(&mut self, pointer: &str, pos: Pos) {
        self.map.entry(key(pointer)).or_insert(pos);
    }

    /// The position of `pointer`, when it was recorded.
    pub fn get(&self, pointer: &str) -> Option<Pos> {
        self.map.get(&key(pointer)).copied()
    }

    /// How many nodes have a position.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether none has.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// FNV-1a over the bytes from a per-process random start, then a 64-bit finaliser (from
/// SplitMix64) so that the low bits a table uses depend on every byte. For the planner's tables
/// and for position keys: much cheaper than the default SipHash on the short strings they hold.
/// The keys come from the document being generated, which may be hostile: the random start
/// (taken once from the standard library's `RandomState`) means that a document cannot be
/// written in advance so that its names or pointers fall into one bucket and make every lookup
/// a scan.
#[derive(Clone, Copy)]
pub struct FastHasher(u64);

impl Default for FastHasher {
    fn default() -> Self {
        FastHasher(seed())
    }
}

/// This process's start for [`FastHasher`].
fn seed() -> u64 {
    use std::hash::BuildHasher as _;
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SEED.get_or_init(|| {
        std::collections::hash_map::RandomState::new().hash_one(0xcbf2_9ce4_8422_2325_u64)
    })
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

fn mix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The key of a pointer: its [`FastHasher`] hash.
fn key(pointer: &str) -> u64 {
    let mut h = FastHasher::default();
    h.write(pointer.as_bytes());
    h.finish()
}

/// The keys are hashes already: the table uses them as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_keep_their_positions_and_distinct_keys() {
        let mut p = Positions::default();
        let mut seen = std::collections::HashSet::new();
        for i in 0..100_000u32 {
            let ptr = format!("/components/schemas/S{i}/properties/a");
            assert!(seen.insert(key(&ptr)), "collision at {i}");
            p.insert(&ptr, Pos { line: i, col: 1 });
        }
        assert_eq!(
            p.get("/components/schemas/S77/properties/a")
                .map(|p| p.line),
            Some(77)
        );
        assert_eq!(p.get("/nope"), None);
        p.insert_if_absent(
            "/components/schemas/S77/properties/a",
            Pos { line: 0, col: 0 },
        );
        assert_eq!(
            p.get("/components/schemas/S77/properties/a")
                .map(|p| p.line),
            Some(77)
        );
        assert_ne!(key(""), key("/"));
    }

    #[test]
    fn the_hash_is_stable_in_a_process_and_depends_on_every_byte() {
        assert_eq!(key("/components/schemas/A"), key("/components/schemas/A"));
        assert_ne!(key("/components/schemas/A"), key("/components/schemas/B"));
        assert_ne!(key("ab"), key("ba"));
        // Seeded: the empty input does not hash to the finaliser of FNV's fixed start.
        assert_ne!(key(""), mix(0xcbf2_9ce4_8422_2325));
    }
}
