//! The IR to Rust: tokens ([`types`], [`client`]) and formatted source.

pub mod client;
#[cfg(feature = "docs")]
pub mod docs;
pub mod types;
pub mod workflow;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::Api;

/// The lines of a description as doc comments hold them: each after one space, trailing space
/// trimmed, none after the last non-empty line.
pub fn doc_lines(doc: Option<&str>) -> impl Iterator<Item = String> + '_ {
    doc.unwrap_or_default()
        .trim_end()
        .lines()
        .map(|l| format!(" {}", l.trim_end()))
}

/// `#[doc]` attributes for a description, one per line so prettyplease prints `///` comments.
pub fn doc_attrs(doc: Option<&str>) -> TokenStream {
    let lines = doc_lines(doc);
    quote!(#(#[doc = #lines])*)
}

/// A part of an API module that can be emitted and formatted on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The `n`th group of operations (`client::client_part`).
    Client(usize),
    /// The `n`th group of types (`types::types_part`).
    Types(usize),
}

/// The parts of an API module, in output order.
pub fn api_parts(api: &Api) -> Vec<Part> {
    (0..client::client_parts(api))
        .map(Part::Client)
        .chain((0..types::types_parts(api)).map(Part::Types))
        .collect()
}

/// The tokens of one part.
pub fn part_tokens(api: &Api, part: Part) -> TokenStream {
    match part {
        Part::Client(k) => client::client_part(api, k),
        Part::Types(k) => types::types_part(api, k),
    }
}

/// The items of one API module: client, operations, types.
pub fn api_tokens(api: &Api) -> TokenStream {
    api_parts(api)
        .into_iter()
        .map(|p| part_tokens(api, p))
        .collect()
}

#[cfg(feature = "format")]
/// The formatted source of one part: client parts are emitted as tokens and formatted with
/// prettyplease, type parts are written as formatted text.
pub fn part_source(api: &Api, part: Part) -> Result<String, String> {
    match part {
        Part::Client(k) => format_file(client::client_part(api, k)),
        Part::Types(k) => Ok(types::types_part_text(api, k)),
    }
}

#[cfg(feature = "format")]
/// Emits and formats `parts` on every core and joins the results in order (prettyplease prints
/// items one after another, so this is the text of formatting the module at once), with only a
/// few parts' tokens alive at a time. `first` (the module's inner attributes) heads the text.
pub fn format_parts(api: &Api, first: TokenStream, parts: &[Part]) -> Result<String, String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(parts.len().max(1));
    let next = AtomicUsize::new(0);
    // Tokens are not `Send`; each thread emits the parts it formats.
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(p) = parts.get(i) else { break };
            done.push((i, part_source(api, *p)));
        }
        done
    };
    let head = if first.is_empty() {
        Ok(String::new())
    } else {
        format_file(first)
    };
    let mut results = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut results = work();
        // A thread's panic is re-raised here, as it would be without threads, so callers that
        // catch panics (the corpus runner) see the same thing on any machine.
        for h in handles {
            results.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        results
    });
    results.sort_by_key(|(i, _)| *i);
    let head = head?;
    let mut parts = Vec::with_capacity(results.len());
    for (_, r) in results {
        parts.push(r?);
    }
    // Joined in a string of exactly the module's size, each part freed once copied: a string
    // grown part by part would reach twice the module's size on a large document.
    let mut out = String::with_capacity(head.len() + parts.iter().map(String::len).sum::<usize>());
    out.push_str(&head);
    for part in parts {
        out.push_str(&part);
    }
    Ok(out)
}

#[cfg(feature = "format")]
/// Formats tokens as a Rust file. Fails only if the tokens are not a valid file, which would be a
/// bug in the emitter; the message says where.
pub fn format_file(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("internal: emitted tokens do not parse: {e}"))?;
    Ok(prettyplease::unparse(&file))
}
