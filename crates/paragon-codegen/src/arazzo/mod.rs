//! Arazzo 1.0.1: runtime expressions, criteria, and (next) the workflow model and compiler.

pub mod compile;
pub mod condition;
pub mod dialect;
pub mod documents;
pub mod expr;
pub mod model;
