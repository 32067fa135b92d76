//! [`Generator`]: the one way in. Settings go in; an [`Output`] comes out with the items (as
//! tokens, or as a formatted file with the one `@generated` header), the documentation pages
//! and every diagnostic. xtask, the macros, the CLI and the tests all go through it.

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

use crate::diag::Diagnostics;
use crate::ir::Api;
use crate::ir::workflow::WorkflowDoc;
use crate::jsonschema::{GeneratedSchema, SchemaOptions};
use crate::load::LoadOptions;
use crate::{DocumentKind, document_kind};

/// How documents are read and turned into Rust.
#[derive(Debug, Clone, Default)]
pub struct Generator {
    load: LoadOptions,
    closed_enums: bool,
    expand: Expand,
    tag_features: Option<String>,
}

/// Which operations of its source descriptions an Arazzo document's expansion holds.
#[derive(Debug, Clone, Default)]
pub struct Expand {
    /// Every operation: the whole client.
    pub all: bool,
    /// These operationIds too, beside those the steps call.
    pub operations: Vec<String>,
    /// The operations with these tags too.
    pub tags: Vec<String>,
}

/// What one document became.
#[derive(Debug)]
pub struct Output {
    /// The document's kind.
    pub kind: DocumentKind,
    /// Every file read (the document and those it references), for rebuild tracking.
    pub files: Vec<PathBuf>,
    /// Warnings (errors make generation fail).
    pub diagnostics: Diagnostics,
    /// The cargo features of an OpenAPI client generated with
    /// [`Generator::tag_features`], in order.
    pub features: Vec<crate::ir::select::Feature>,
    plan: Plan,
}

#[derive(Debug)]
enum Plan {
    OpenApi(Api),
    Workflows(WorkflowDoc, TokenStream),
    Schema(GeneratedSchema),
}

impl Generator {
    /// Default settings: files read from the current directory (or the document's), remote
    /// references not followed, warnings allowed, open enums, OpenAPI types unchecked.
    pub fn new() -> Self {
        Self::default()
    }

    /// How files are found and read, and what the generated types check.
    pub fn with_load(mut self, load: LoadOptions) -> Self {
        self.load = load;
        self
    }

    /// JSON Schema string enums refuse values they do not list.
    pub fn closed_enums(mut self, closed: bool) -> Self {
        self.closed_enums = closed;
        self
    }

    /// Which operations an Arazzo document's clients hold: by default only those its steps
    /// call (and the types they reach).
    pub fn expand(mut self, expand: Expand) -> Self {
        self.expand = expand;
        self
    }

    /// An OpenAPI client puts each operation under a cargo feature per tag, named
    /// `{prefix}{tag}` ([`crate::ir::select::tag_features`]); [`Output::features`] lists them.
    pub fn tag_features(mut self, prefix: Option<String>) -> Self {
        self.tag_features = prefix;
        self
    }

    /// The settings files are read with.
    pub fn load(&self) -> &LoadOptions {
        &self.load
    }

    /// Generates a document of any kind (told by its content).
    pub fn generate(&self, path: &Path) -> Result<Output, Diagnostics> {
        match document_kind(path)? {
            DocumentKind::OpenApi => self.openapi(path),
            DocumentKind::Arazzo => self.workflows(path),
            DocumentKind::JsonSchema => self.schema(path),
        }
    }

    /// An OpenAPI document's client.
    pub fn openapi(&self, path: &Path) -> Result<Output, Diagnostics> {
        let (api, diags) = crate::plan_openapi_with(path, &self.load);
        match api {
            Some(mut api) if !diags.has_errors() => {
                let features = match &self.tag_features {
                    Some(prefix) => crate::ir::select::tag_features(&mut api, prefix),
                    None => Vec::new(),
                };
                Ok(Output {
                    kind: DocumentKind::OpenApi,
                    files: vec![path.to_path_buf()],
                    diagnostics: diags,
                    features,
                    plan: Plan::OpenApi(api),
                })
            }
            _ => Err(diags),
        }
    }

    /// An Arazzo document's workflows, with the clients of the APIs they call.
    pub fn workflows(&self, path: &Path) -> Result<Output, Diagnostics> {
        let (doc, mut diags) = crate::arazzo::compile::plan_document_with(path, &self.load);
        match doc {
            Some(mut doc) if !diags.has_errors() => {
                self.select_operations(&mut doc, path, &mut diags);
                if diags.has_errors() {
                    return Err(diags);
                }
                let tokens = crate::emit::workflow::document_tokens(&doc);
                Ok(Output {
                    kind: DocumentKind::Arazzo,
                    files: doc.files.clone(),
                    diagnostics: diags,
                    features: Vec::new(),
                    plan: Plan::Workflows(doc, tokens),
                })
            }
            _ => Err(diags),
        }
    }

    /// A JSON Schema document's types, which check what they decode.
    pub fn schema(&self, path: &Path) -> Result<Output, Diagnostics> {
        let options = SchemaOptions {
            closed_enums: self.closed_enums,
        };
        let mut g = crate::jsonschema::generate_schema_with(path, &self.load, &options)?;
        Ok(Output {
            kind: DocumentKind::JsonSchema,
            files: std::mem::take(&mut g.files),
            diagnostics: std::mem::take(&mut g.diagnostics),
            features: Vec::new(),
            plan: Plan::Schema(g),
        })
    }

    /// Keeps, in each client of `doc`, the operations [`Expand`] asks for: those the steps
    /// call, plus the named ones, or all. A name that matches nothing is an error.
    fn select_operations(&self, doc: &mut WorkflowDoc, path: &Path, diags: &mut Diagnostics) {
        if self.expand.all {
            return;
        }
        let mut keep: Vec<Vec<bool>> = doc
            .apis
            .iter()
            .map(|a| vec![false; a.api.operations.len()])
            .collect();
        for step in doc.workflows.iter().flat_map(|w| &w.steps) {
            if let crate::ir::workflow::Call::Operation { api, op, .. } = &step.call
                && let Some(flag) = keep.get_mut(*api).and_then(|k| k.get_mut(*op))
            {
                *flag = true;
            }
        }
        let mut named =
            |what: &str,
             names: &[String],
             matches: &dyn Fn(&crate::ir::operations::Operation, &str) -> bool| {
                for name in names {
                    let mut found = false;
                    for (a, source) in doc.apis.iter().enumerate() {
                        for (i, op) in source.api.operations.iter().enumerate() {
                            if matches(op, name) {
                                keep[a][i] = true;
                                found = true;
                            }
                        }
                    }
                    if !found {
                        diags.push(crate::diag::Diagnostic::error(
                            path,
                            None,
                            format!(
                                "{what} `{name}` is in none of the document's source descriptions"
                            ),
                        ));
                    }
                }
            };
        named("operationId", &self.expand.operations, &|op, n| op.id == n);
        named("tag", &self.expand.tags, &|op, n| {
            op.tags.iter().any(|t| t == n)
        });
        for (source, keep) in doc.apis.iter_mut().zip(&keep) {
            crate::ir::select::keep_operations(&mut source.api, keep);
        }
    }

    /// Every diagnostic of a document of any kind: what `paragon-codegen check` prints.
    pub fn check(&self, path: &Path) -> Diagnostics {
        crate::check_document_with(path, &self.load)
    }
}

/// The one `@generated` header of a file of generated code: `by` wrote it from `source`; for a
/// document a macro also expands, the macro's call.
pub fn generated_header(by: &str, source: &str, also: Option<&str>) -> String {
    let mut out = format!(
        "// @generated by {by} from {source}. Do not edit: change the document and regenerate.\n"
    );
    if let Some(call) = also {
        out.push_str(&format!("// It is also what `{call}` expands to.\n"));
    }
    out.push('\n');
    out
}

impl Output {
    /// The items, as a macro expands them (no module wrapper, no inner attributes).
    pub fn tokens(&self) -> TokenStream {
        match &self.plan {
            Plan::OpenApi(api) => crate::module_tokens(api),
            Plan::Workflows(_, tokens) => tokens.clone(),
            Plan::Schema(g) => crate::emit::types::lex(&g.source),
        }
    }

    /// The OpenAPI plan, for an OpenAPI document.
    pub fn api(&self) -> Option<&Api> {
        match &self.plan {
            Plan::OpenApi(api) => Some(api),
            _ => None,
        }
    }

    /// The workflows' plan, for an Arazzo document.
    pub fn workflows(&self) -> Option<&WorkflowDoc> {
        match &self.plan {
            Plan::Workflows(doc, _) => Some(doc),
            _ => None,
        }
    }

    /// The types, for a JSON Schema document.
    pub fn schema(&self) -> Option<&GeneratedSchema> {
        match &self.plan {
            Plan::Schema(g) => Some(g),
            _ => None,
        }
    }

    /// One line on what was generated, for a report.
    pub fn summary(&self) -> String {
        match &self.plan {
            Plan::OpenApi(api) => format!(
                "client for {} ({} operations, {} types)",
                api.title,
                api.operations.len(),
                api.types.len()
            ),
            Plan::Workflows(doc, _) => format!(
                "workflows of {}: {}",
                doc.title,
                doc.workflows
                    .iter()
                    .map(|w| format!("`{}` ({})", w.id, w.module))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Plan::Schema(g) => format!(
                "types of a JSON Schema (root `{}`, {} types)",
                g.root,
                g.types.len()
            ),
        }
    }

    /// The module's text, formatted (prettyplease; types are written formatted), without a
    /// header: an OpenAPI module with its documentation and lint attributes, an Arazzo
    /// document's items, a JSON Schema's documentation, attributes and items.
    #[cfg(feature = "format")]
    pub fn source(&self) -> Result<String, String> {
        match &self.plan {
            Plan::OpenApi(api) => crate::module_source(api),
            Plan::Workflows(_, tokens) => crate::emit::format_file(tokens.clone()),
            Plan::Schema(g) => Ok(g.module_file()),
        }
    }

    /// [`Output::source`], through rustfmt when `rustfmt` is set.
    #[cfg(feature = "format")]
    pub fn formatted(&self, rustfmt: bool) -> Result<String, String> {
        let text = self.source()?;
        if rustfmt {
            crate::rustfmt(&text)
        } else {
            Ok(text)
        }
    }

    /// The module as a file: [`generated_header`] (by `by`, from `source`, naming the macro
    /// that expands it too when `macro_call` is set) and [`Output::source`], through rustfmt
    /// when `rustfmt` is set (what committed files need to pass `cargo fmt --check`).
    #[cfg(feature = "format")]
    pub fn file(
        &self,
        by: &str,
        source: &str,
        macro_call: Option<&str>,
        rustfmt: bool,
    ) -> Result<String, String> {
        // rustfmt leaves the header's comment lines as they are.
        Ok(generated_header(by, source, macro_call) + &self.formatted(rustfmt)?)
    }

    /// A Markdown page per workflow (`<workflowId>.md`, a Mermaid state diagram), for an
    /// Arazzo document; `source` is the document's path as the pages name it.
    #[cfg(feature = "docs")]
    pub fn pages(&self, source: &str) -> Result<Vec<(String, String)>, String> {
        let Plan::Workflows(doc, _) = &self.plan else {
            return Ok(Vec::new());
        };
        doc.workflows
            .iter()
            .map(|w| {
                crate::emit::docs::workflow_page(doc, w, source)
                    .map(|page| (format!("{}.md", w.id), page))
            })
            .collect()
    }
}
