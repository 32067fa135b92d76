//! The IR to Rust: tokens ([`types`], [`client`]) and formatted source.

pub mod client;
pub mod docs;
pub mod types;
pub mod workflow;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::Api;

/// `#[doc]` attributes for a description, one per line so prettyplease prints `///` comments.
pub fn doc_attrs(doc: Option<&str>) -> TokenStream {
    let Some(doc) = doc else {
        return TokenStream::new();
    };
    let lines = doc.trim_end().lines().map(|l| {
        let l = format!(" {}", l.trim_end());
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// The items of one API module: types, client, operations.
pub fn api_tokens(api: &Api) -> TokenStream {
    let types = types::types(api);
    let client = client::client(api);
    quote! {
        #client
        #types
    }
}

/// Formats tokens as a Rust file. Fails only if the tokens are not a valid file, which would be a
/// bug in the emitter; the message says where.
pub fn format_file(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("internal: emitted tokens do not parse: {e}"))?;
    Ok(prettyplease::unparse(&file))
}
