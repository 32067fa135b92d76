//! The golden outputs of `paragon-codegen`'s tests, compiled. If a golden file stops compiling,
//! this crate fails to build and CI fails with it.

#[path = "../../paragon-codegen/tests/output/kitchen_sink.rs"]
pub mod kitchen_sink;

#[path = "../../paragon-codegen/tests/output/legacy_30.rs"]
pub mod legacy_30;

#[path = "../../paragon-codegen/tests/output/features_workflow.rs"]
pub mod features_workflow;

#[path = "../../paragon-codegen/tests/output/swagger2.rs"]
pub mod swagger2;

#[path = "../../paragon-codegen/tests/output/vendor.rs"]
pub mod vendor;

#[path = "../../paragon-codegen/tests/output/read_write.rs"]
pub mod read_write;

#[path = "../../paragon-codegen/tests/output/checked.rs"]
pub mod checked;

/// Generated with a cargo feature per tag; this crate turns on `pets` alone, so it builds the
/// part of the client that tag needs and none of the rest.
#[path = "../../paragon-codegen/tests/output/tagged.rs"]
pub mod tagged;
