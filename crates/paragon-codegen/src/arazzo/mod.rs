//! Arazzo 1.0.1: the documents of a run, the workflow model, runtime expressions and criteria,
//! other runners' dialects, and the compiler (`compile`, with `targets`, `calls`,
//! `workflow_refs`, `inputs` and `outputs` for its parts).

mod calls;
pub mod compile;
pub mod condition;
pub mod dialect;
pub mod documents;
pub mod expr;
mod inputs;
pub(crate) mod jsonpath;
pub mod model;
mod outputs;
mod targets;
mod workflow_refs;
pub(crate) mod xpath;
