//! The language-neutral plan: what types and operations an API has, with every name already
//! chosen and every schema already classified. `emit` turns this into Rust without looking back
//! at the documents.

pub mod operations;
pub mod select;
pub mod types;
pub mod workflow;

/// Index into [`Api::types`].
pub type TypeId = usize;

/// A type as used in a field, parameter or body.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    /// `String`.
    String,
    /// A Rust primitive: `bool`, `i32`, `i64`, `u8` … `u64`, `f32`, `f64`.
    Prim(&'static str),
    /// Any JSON (`serde_json::Value`): where the schema says nothing we can type.
    Json,
    /// A JSON object with unknown members (`serde_json::Map<String, Value>`).
    JsonObject,
    /// RFC 3339 timestamp.
    DateTime,
    /// `YYYY-MM-DD`.
    Date,
    /// A file to upload (`format: binary` in a `multipart/form-data` body):
    /// `paragon_runtime::FilePart`.
    File,
    /// A type defined in [`Api::types`].
    Named(TypeId),
    /// `Vec<T>`.
    Vec(Box<Ty>),
    /// A string-keyed map.
    Map(Box<Ty>),
    /// `Option<T>`.
    Option(Box<Ty>),
    /// `Box<T>`, to break recursion.
    Boxed(Box<Ty>),
    /// The bytes of a binary response body, a step output (`paragon_runtime::arazzo::Binary`:
    /// base64 text in JSON).
    Binary,
}

impl Ty {
    /// Wraps in `Option` unless already optional.
    pub fn optional(self) -> Ty {
        match self {
            Ty::Option(_) => self,
            other => Ty::Option(Box::new(other)),
        }
    }

    /// The type inside `Option`, if it is one.
    pub fn strip_option(&self) -> &Ty {
        match self {
            Ty::Option(inner) => inner,
            other => other,
        }
    }
}

/// A named type definition.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// Rust name, unique in the module.
    pub name: String,
    /// From the schema's `title`/`description`.
    pub doc: Option<String>,
    /// What it is.
    pub kind: TypeKind,
    /// Where its schema is in the checked document (a JSON Pointer), when its values are
    /// checked against the schema on decode; `None` for a plain serde type.
    pub schema: Option<String>,
}

/// The kinds of named type.
#[derive(Debug, Clone)]
pub enum TypeKind {
    /// An object with known properties.
    Struct {
        /// In document order.
        fields: Vec<Field>,
        /// `additionalProperties` with a schema: kept in a flattened map so nothing is lost.
        extra: Option<Ty>,
    },
    /// A string enum, with a catch-all variant for values the spec does not list.
    StringEnum {
        /// Known values.
        variants: Vec<EnumVariant>,
    },
    /// `oneOf`/`anyOf`.
    Union {
        /// The discriminating property, when there is one.
        tag: Option<String>,
        /// In document order.
        variants: Vec<UnionVariant>,
    },
    /// A value with rules a Rust type cannot say (`maxLength`, `minimum`, `pattern`, …),
    /// checked when it is decoded or built (`TryFrom`); or a whole document's type that is no
    /// struct, enum or union.
    Newtype {
        /// What it holds.
        inner: Ty,
    },
    /// A placeholder while a recursive type is being planned; never emitted.
    Pending,
}

/// One struct field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Rust name.
    pub name: String,
    /// JSON name.
    pub wire: String,
    /// Already `Option` when the property is optional or nullable.
    pub ty: Ty,
    /// Listed in `required`.
    pub required: bool,
    /// From the property's description.
    pub doc: Option<String>,
}

/// One known string enum value.
#[derive(Debug, Clone)]
pub struct EnumVariant {
    /// Rust name.
    pub name: String,
    /// JSON value.
    pub wire: String,
}

/// One alternative of a union.
#[derive(Debug, Clone)]
pub struct UnionVariant {
    /// Rust name.
    pub name: String,
    /// Its type.
    pub ty: Ty,
    /// The discriminator value selecting it, for tagged unions.
    pub tag_value: Option<String>,
}

/// Everything generated for one OpenAPI document.
#[derive(Debug, Clone)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.description`.
    pub description: Option<String>,
    /// `info.version`.
    pub version: String,
    /// From the first `servers` entry, variables substituted with their defaults.
    pub default_base_url: String,
    /// Supported security schemes.
    pub security_schemes: Vec<SecurityScheme>,
    /// Named types, in a deterministic order.
    pub types: Vec<TypeDef>,
    /// Operations, in document order.
    pub operations: Vec<operations::Operation>,
    /// With `check_schemas`: every file of the document as one JSON text, which the types'
    /// schema pointers point into.
    pub schema_text: Option<String>,
    /// Which operations and types are emitted, and under which cargo features
    /// ([`select`]); every one by default.
    pub gates: select::Gates,
}

/// How a credential is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeKind {
    /// `Authorization: Bearer …` (http bearer, oauth2, openIdConnect).
    Bearer,
    /// `Authorization: Basic …`.
    Basic,
    /// An API key in a header, query parameter or cookie.
    ApiKey {
        /// `header`, `query` or `cookie`.
        location: String,
        /// Parameter name.
        name: String,
    },
}

/// A security scheme from `components.securitySchemes`.
#[derive(Debug, Clone)]
pub struct SecurityScheme {
    /// Name in the document.
    pub name: String,
    /// Rust name of the builder method.
    pub method: String,
    /// How it is applied.
    pub kind: SchemeKind,
    /// From the document.
    pub doc: Option<String>,
}
