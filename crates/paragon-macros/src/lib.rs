//! Procedural macros over `paragon-codegen`. The `paragon_workflow!` macro lands with the Arazzo
//! compiler; this crate exists now so the workspace layout is final.
