//! The serde code that generated types share, so that what each type carries is small.
//!
//! A `#[derive(Deserialize)]` writes, for every struct, a field enum with its own visitor
//! (`visit_str`, `visit_bytes`, `visit_u64`), a map visitor and a sequence visitor: several
//! hundred lines that rustc type-checks and borrow-checks once per struct, whether or not the
//! struct is ever decoded. Generated structs instead implement [`Object`]: their member names,
//! a tuple of what has been read so far, one `match` that reads a member by its position, and
//! the step that builds the struct. The map loop, the member-name lookup, duplicate and
//! missing members and the error messages are written once, here.
//!
//! Decoding follows serde's derive: members may come in any order, unknown members are skipped
//! (or kept, for a type with an additional-properties map), a member given twice is an error
//! (`duplicate field `id``), a missing member is an error unless its type is an `Option`, which
//! reads as `None`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A struct decoded member by member; implemented by generated code.
pub trait Object: Sized {
    /// The type's name, for error messages.
    const NAME: &'static str;
    /// The member names as they are on the wire, in the order [`Object::member`] numbers them.
    const MEMBERS: &'static [&'static str];
    /// Whether members not in [`Object::MEMBERS`] are kept ([`Object::other`]).
    const KEEPS_OTHERS: bool = false;
    /// What has been read so far: one slot per member.
    type Partial;
    /// The empty [`Object::Partial`].
    fn start() -> Self::Partial;
    /// Reads the value of member `index` into its slot (a type without members keeps this
    /// default, which is never called).
    fn member<'de, A: MapAccess<'de>>(
        partial: &mut Self::Partial,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let _ = (partial, index);
        map.next_value::<IgnoredAny>().map(|_| ())
    }
    /// Reads the value of a member not in [`Object::MEMBERS`] (called only when
    /// [`Object::KEEPS_OTHERS`]).
    fn other<'de, A: MapAccess<'de>>(
        partial: &mut Self::Partial,
        name: String,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let _ = (partial, name);
        map.next_value::<IgnoredAny>().map(|_| ())
    }
    /// Builds the value; `Err` names a required member that was not given.
    fn finish(partial: Self::Partial) -> Result<Self, &'static str>;
}

/// `T::deserialize` for a generated struct.
pub fn object<'de, T: Object, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_struct(T::NAME, T::MEMBERS, ObjectVisitor::<T>(PhantomData))
}

/// A required member's value, or the error that names it.
pub fn required<T>(slot: Option<T>, name: &'static str) -> Result<T, &'static str> {
    slot.ok_or(name)
}

/// Which members have been read: a bit per member, on the stack for up to 128.
struct Seen {
    small: u128,
    large: Vec<bool>,
}

impl Seen {
    fn new(members: usize) -> Self {
        Seen {
            small: 0,
            large: if members > 128 {
                vec![false; members]
            } else {
                Vec::new()
            },
        }
    }

    /// Marks `index`; `false` when it was marked already.
    fn mark(&mut self, index: usize) -> bool {
        if self.large.is_empty() {
            let bit = 1u128 << index;
            let fresh = self.small & bit == 0;
            self.small |= bit;
            fresh
        } else {
            match self.large.get_mut(index) {
                Some(seen) => !std::mem::replace(seen, true),
                None => true,
            }
        }
    }
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Object> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object ({})", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut partial = T::start();
        let mut seen = Seen::new(T::MEMBERS.len());
        while let Some(key) = map.next_key_seed(MemberName::<T>(PhantomData))? {
            match key {
                Member::Known(index) => {
                    if !seen.mark(index) {
                        return Err(de::Error::duplicate_field(T::MEMBERS[index]));
                    }
                    T::member(&mut partial, index, &mut map)?;
                }
                Member::Other(name) => T::other(&mut partial, name, &mut map)?,
                Member::Skipped => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        T::finish(partial).map_err(de::Error::missing_field)
    }
}

/// A member name, read as the position of a known member, or kept when the type keeps others.
enum Member {
    Known(usize),
    Other(String),
    Skipped,
}

struct MemberName<T>(PhantomData<T>);

impl<T: Object> MemberName<T> {
    fn of(name: &str) -> Member {
        match T::MEMBERS.iter().position(|m| *m == name) {
            Some(index) => Member::Known(index),
            None if T::KEEPS_OTHERS => Member::Other(name.to_owned()),
            None => Member::Skipped,
        }
    }
}

impl<'de, T: Object> DeserializeSeed<'de> for MemberName<T> {
    type Value = Member;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Member, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, T: Object> Visitor<'de> for MemberName<T> {
    type Value = Member;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Member, E> {
        Ok(Self::of(name))
    }

    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Member, E> {
        match std::str::from_utf8(name) {
            Ok(name) => Ok(Self::of(name)),
            Err(_) => Ok(Member::Skipped),
        }
    }
}

/// A string-valued type (a generated string enum) read from a string.
pub fn string<'de, T: From<String>, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    String::deserialize(deserializer).map(T::from)
}

/// A string-valued type written as its wire text.
pub fn write_str<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(text)
}

/// A type that looks at the whole value before choosing what to build (a union): reads the
/// value, then `read` builds the type from it.
pub fn via_value<'de, T, D: Deserializer<'de>>(
    deserializer: D,
    read: fn(serde_json::Value) -> Result<T, String>,
) -> Result<T, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    read(value).map_err(de::Error::custom)
}

/// `T` from a JSON value already read, without copying it.
pub fn from_value<T: de::DeserializeOwned>(value: &serde_json::Value) -> Result<T, String> {
    T::deserialize(value).map_err(|e| e.to_string())
}

/// The error of an untagged union whose value none of its alternatives reads.
pub fn no_variant(name: &str) -> String {
    format!("data did not match any variant of untagged enum {name}")
}

/// A struct's members as a JSON object: the writer generated `Serialize` impls share.
pub struct Members<M>(M);

impl<M: serde::ser::SerializeMap> Members<M> {
    /// Starts an object.
    pub fn start<S: Serializer<SerializeMap = M>>(serializer: S) -> Result<Self, S::Error> {
        serializer.serialize_map(None).map(Members)
    }

    /// One member.
    pub fn member<V: Serialize + ?Sized>(&mut self, name: &str, value: &V) -> Result<(), M::Error> {
        self.0.serialize_entry(name, value)
    }

    /// One member when it has a value; an absent `Option` writes nothing.
    pub fn optional<V: Serialize>(
        &mut self,
        name: &str,
        value: &Option<V>,
    ) -> Result<(), M::Error> {
        match value {
            Some(v) => self.0.serialize_entry(name, v),
            None => Ok(()),
        }
    }

    /// Every entry of an additional-properties map.
    pub fn others<V: Serialize>(
        &mut self,
        others: &std::collections::BTreeMap<String, V>,
    ) -> Result<(), M::Error> {
        others
            .iter()
            .try_for_each(|(k, v)| self.0.serialize_entry(k, v))
    }

    /// Ends the object.
    pub fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// What the generator writes for `{id: string (required), n?: integer, …additional}`.
    #[derive(Debug, PartialEq)]
    struct Pet {
        id: String,
        n: Option<i64>,
        others: BTreeMap<String, serde_json::Value>,
    }

    impl Object for Pet {
        const NAME: &'static str = "Pet";
        const MEMBERS: &'static [&'static str] = &["id", "n"];
        const KEEPS_OTHERS: bool = true;
        type Partial = (
            Option<String>,
            Option<i64>,
            BTreeMap<String, serde_json::Value>,
        );
        fn start() -> Self::Partial {
            (None, None, BTreeMap::new())
        }
        fn member<'de, A: MapAccess<'de>>(
            p: &mut Self::Partial,
            index: usize,
            map: &mut A,
        ) -> Result<(), A::Error> {
            match index {
                0 => p.0 = Some(map.next_value()?),
                1 => p.1 = map.next_value()?,
                _ => {}
            }
            Ok(())
        }
        fn other<'de, A: MapAccess<'de>>(
            p: &mut Self::Partial,
            name: String,
            map: &mut A,
        ) -> Result<(), A::Error> {
            p.2.insert(name, map.next_value()?);
            Ok(())
        }
        fn finish(p: Self::Partial) -> Result<Self, &'static str> {
            Ok(Pet {
                id: required(p.0, "id")?,
                n: p.1,
                others: p.2,
            })
        }
    }

    impl<'de> Deserialize<'de> for Pet {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            object(d)
        }
    }

    impl Serialize for Pet {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = Members::start(s)?;
            m.member("id", &self.id)?;
            m.optional("n", &self.n)?;
            m.others(&self.others)?;
            m.end()
        }
    }

    #[test]
    fn members_in_any_order_others_kept_and_absent_options_none() {
        let p: Pet = serde_json::from_str(r#"{"x": [1], "n": 2, "id": "a"}"#).unwrap();
        assert_eq!(p.id, "a");
        assert_eq!(p.n, Some(2));
        assert_eq!(p.others["x"], serde_json::json!([1]));
        let p: Pet = serde_json::from_str(r#"{"id": "a", "n": null}"#).unwrap();
        assert_eq!(p.n, None);
        assert!(p.others.is_empty());
    }

    #[test]
    fn missing_duplicate_and_mistyped_members_are_errors_that_name_them() {
        let e = serde_json::from_str::<Pet>(r#"{"n": 1}"#).unwrap_err();
        assert_eq!(e.to_string(), "missing field `id` at line 1 column 8");
        let e = serde_json::from_str::<Pet>(r#"{"id": "a", "id": "b"}"#).unwrap_err();
        assert!(e.to_string().starts_with("duplicate field `id`"), "{e}");
        let e = serde_json::from_str::<Pet>(r#"{"id": 1}"#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("invalid type: integer `1`, expected a string"),
            "{e}"
        );
        let e = serde_json::from_str::<Pet>("[]").unwrap_err();
        assert!(e.to_string().contains("expected an object (Pet)"), "{e}");
    }

    #[test]
    fn written_as_an_object_without_absent_members() {
        let p = Pet {
            id: "a".into(),
            n: None,
            others: BTreeMap::from([("z".to_owned(), serde_json::json!(true))]),
        };
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"id":"a","z":true}"#);
        let back: Pet = serde_json::from_value(serde_json::to_value(&p).unwrap()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn more_than_128_members_are_tracked_too() {
        let mut seen = Seen::new(200);
        assert!(seen.mark(150));
        assert!(!seen.mark(150));
        assert!(seen.mark(0));
        let mut small = Seen::new(3);
        assert!(small.mark(2));
        assert!(!small.mark(2));
    }
}
