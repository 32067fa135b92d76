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

/// A part of an API module that can be emitted and formatted on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// [`client::client_part`].
    Client(usize),
    /// [`types::types_part`].
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

/// Emits and formats `parts` on every core and joins the results in order: the same text as
/// formatting the whole module at once (prettyplease prints items one after another), in a
/// fraction of the time for large APIs, and with only a few parts' tokens alive at a time.
/// `first` is prepended to the first part (the module's inner attributes).
pub fn format_parts(api: &Api, first: TokenStream, parts: &[Part]) -> Result<String, String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let rest = parts.get(1..).unwrap_or_default();
    // Threads in all, this one included: it formats the first part (with the header, whose
    // tokens cannot move to another thread) while the others start on the rest, then joins
    // them on what is left.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(rest.len() + 1);
    let next = AtomicUsize::new(0);
    // Tokens are not `Send`; each thread emits the parts it formats.
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(p) = rest.get(i) else { break };
            done.push((i, format_file(part_tokens(api, *p))));
        }
        done
    };
    let head_of = |first: TokenStream| {
        let mut t = first;
        if let Some(p) = parts.first() {
            t.extend(part_tokens(api, *p));
        }
        format_file(t)
    };
    let (head, mut results) = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let head = head_of(first);
        let mut results = work();
        // A thread's panic is re-raised here, as it would be without threads, so callers that
        // catch panics (the corpus runner) see the same thing on any machine.
        for h in handles {
            results.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        (head, results)
    });
    results.sort_by_key(|(i, _)| *i);
    let mut out = head?;
    for (_, r) in results {
        out.push_str(&r?);
    }
    Ok(out)
}

/// Formats tokens as a Rust file. Fails only if the tokens are not a valid file, which would be a
/// bug in the emitter; the message says where.
pub fn format_file(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("internal: emitted tokens do not parse: {e}"))?;
    Ok(prettyplease::unparse(&file))
}
