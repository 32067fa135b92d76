//! The pipeline's stages one at a time, for the benchmarks that time each and the fuzz targets
//! that drive each. Code generation itself goes through [`crate::Generator`].

use std::path::Path;

use proc_macro2::TokenStream;

pub use crate::emit::{Part, api_parts};
pub use crate::ir::Api;
use crate::{Diagnostics, LoadOptions};

/// Load, check and plan an OpenAPI document: the plan, or `None` with the reasons.
pub fn plan_openapi(path: &Path, options: &LoadOptions) -> (Option<Api>, Diagnostics) {
    crate::plan_openapi_with(path, options)
}

/// The plan to tokens: the module's inner attributes and items.
pub fn module_tokens(api: &Api) -> TokenStream {
    crate::module_tokens(api)
}

/// The plan to formatted source, in parallel parts.
#[cfg(feature = "format")]
pub fn module_source(api: &Api) -> Result<String, String> {
    crate::module_source(api)
}

/// Tokens to formatted source (prettyplease).
#[cfg(feature = "format")]
pub fn format_file(tokens: TokenStream) -> Result<String, String> {
    crate::emit::format_file(tokens)
}
