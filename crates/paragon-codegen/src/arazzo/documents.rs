//! The documents of one run: the Arazzo document given, the OpenAPI documents its
//! `sourceDescriptions` name, and the Arazzo documents they name (`type: arazzo`), each loaded
//! once however many documents name it, relative to the document that names it.
//!
//! Documents are numbered in the order their loading finishes, so a document comes after every
//! document it names and the one given is last. A document that names one of the documents it
//! is being loaded from is a cycle: a located error at the `url` that closes it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::model::{self, Document};
use crate::diag::Diagnostics;
use crate::load::{Loc, Sources, normalize};

/// How deep Arazzo documents may name each other (a chain longer than this is an error, not a
/// deeper recursion).
pub const MAX_DOCUMENT_DEPTH: usize = 16;

/// Where an operation is in an API document.
#[derive(Debug, Clone)]
pub struct OpRef {
    /// The path template.
    pub path: String,
    /// The method, as written.
    pub method: String,
    /// The operation object.
    pub loc: Loc,
}

/// An OpenAPI document of the run, before it is planned.
pub struct Api0 {
    /// The name of the first source description that named it.
    pub name: String,
    /// Its root.
    pub root: Loc,
    /// Its operations by `operationId`.
    pub ops: HashMap<String, OpRef>,
}

/// An Arazzo document of the run.
pub struct Doc0 {
    /// What it says.
    pub doc: Document,
    /// Its file, as named.
    pub path: PathBuf,
    /// Its OpenAPI sources that loaded: name → index into [`Run::apis`].
    pub apis: Vec<(String, usize)>,
    /// Its Arazzo sources that loaded: name → index into [`Run::docs`].
    pub arazzo: Vec<(String, usize)>,
    /// Sources that did not load (their errors are reported already).
    pub broken: Vec<String>,
}

/// Every document of a run, loaded.
pub struct Run {
    /// The files.
    pub sources: Sources,
    /// Arazzo documents, each after the documents it names; the one given is last.
    pub docs: Vec<Doc0>,
    /// OpenAPI documents, in the order they were first named.
    pub apis: Vec<Api0>,
    api_by_path: HashMap<PathBuf, usize>,
    doc_by_path: HashMap<PathBuf, usize>,
    /// The documents being loaded, outermost first (for cycles).
    stack: Vec<PathBuf>,
}

impl Run {
    /// Loads the Arazzo document at `path` and everything it names. `None` when the document
    /// itself cannot be read; every problem is in `diags`.
    pub fn load(
        path: &Path,
        options: &crate::LoadOptions,
        diags: &mut Diagnostics,
    ) -> Option<Self> {
        let mut run = Self {
            sources: Sources::new(options.clone()),
            docs: Vec::new(),
            apis: Vec::new(),
            api_by_path: HashMap::new(),
            doc_by_path: HashMap::new(),
            stack: Vec::new(),
        };
        run.arazzo(path, diags)?;
        Some(run)
    }

    /// The index of the document given (the last one loaded).
    pub fn root(&self) -> usize {
        self.docs.len().saturating_sub(1)
    }

    fn arazzo(&mut self, path: &Path, diags: &mut Diagnostics) -> Option<usize> {
        let key = normalize(path);
        if let Some(&i) = self.doc_by_path.get(&key) {
            return Some(i);
        }
        let errors_before = diags.errors().count();
        let file = self.sources.load_tree(path, diags)?;
        if diags.errors().count() > errors_before {
            return None;
        }
        let root = Loc {
            file,
            ptr: String::new(),
        };
        let doc = model::read(&self.sources, &root, diags)?;
        self.stack.push(key.clone());
        let base = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let mut apis = Vec::new();
        let mut arazzo = Vec::new();
        let mut broken = Vec::new();
        for sd in &doc.sources {
            let loaded = self.source(sd, &base, diags);
            match loaded {
                Some(Loaded::Api(i)) => apis.push((sd.name.clone(), i)),
                Some(Loaded::Doc(i)) => arazzo.push((sd.name.clone(), i)),
                None => broken.push(sd.name.clone()),
            }
        }
        self.stack.pop();
        let index = self.docs.len();
        self.docs.push(Doc0 {
            doc,
            path: path.to_path_buf(),
            apis,
            arazzo,
            broken,
        });
        self.doc_by_path.insert(key, index);
        Some(index)
    }

    fn source(
        &mut self,
        sd: &model::SourceDescription,
        base: &Path,
        diags: &mut Diagnostics,
    ) -> Option<Loaded> {
        let url_loc = sd.loc.join("url");
        if sd.kind != "openapi" && sd.kind != "arazzo" {
            diags.push(self.sources.error_at(
                &sd.loc.join("type"),
                format!(
                    "source description `{}` has type `{}`; `openapi` and `arazzo` sources are supported",
                    sd.name, sd.kind
                ),
            ));
            return None;
        }
        if crate::load::is_remote(&sd.url) {
            diags.push(
                self.sources
                    .error_at(
                        &url_loc,
                        format!("source description `{}` is remote (`{}`)", sd.name, sd.url),
                    )
                    .with_help("download it and refer to it by a relative path"),
            );
            return None;
        }
        let file = normalize(&base.join(&sd.url));
        if let Err(e) = self.sources.allowed(&file) {
            let mut d = self.sources.error_at(
                &url_loc,
                format!(
                    "source description `{}`: cannot read `{}`: {e}",
                    sd.name,
                    normalize(&file).display()
                ),
            );
            if let crate::load::ReadError::Outside(_) = e {
                d = d.with_help(crate::load::confine::ALLOW_HELP);
            }
            diags.push(d);
            return None;
        }
        let key = normalize(&file);
        if sd.kind == "openapi" {
            if let Some(&i) = self.api_by_path.get(&key) {
                return Some(Loaded::Api(i));
            }
            let root = crate::load_openapi(&mut self.sources, &file, diags)?;
            let i = self.apis.len();
            self.apis.push(Api0 {
                name: sd.name.clone(),
                ops: index_operations(&self.sources, &root),
                root,
            });
            self.api_by_path.insert(key, i);
            return Some(Loaded::Api(i));
        }
        if let Some(at) = self.stack.iter().position(|p| *p == key) {
            let chain: Vec<String> = self.stack[at..]
                .iter()
                .chain(std::iter::once(&key))
                .map(|p| file_name(p))
                .collect();
            diags.push(
                self.sources
                    .error_at(
                        &url_loc,
                        format!(
                            "source description `{}` makes a cycle of Arazzo documents: {}",
                            sd.name,
                            chain.join(" → ")
                        ),
                    )
                    .with_help("a document cannot use workflows of a document that uses its own; move the shared workflows into a third document"),
            );
            return None;
        }
        if self.stack.len() >= MAX_DOCUMENT_DEPTH {
            diags.push(self.sources.error_at(
                &url_loc,
                format!(
                    "source description `{}`: Arazzo documents name each other more than {MAX_DOCUMENT_DEPTH} deep",
                    sd.name
                ),
            ));
            return None;
        }
        self.arazzo(&file, diags).map(Loaded::Doc)
    }
}

enum Loaded {
    Api(usize),
    Doc(usize),
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn index_operations(sources: &Sources, root: &Loc) -> HashMap<String, OpRef> {
    let mut out = HashMap::new();
    let Some(Value::Object(paths)) = sources.get(&root.join("paths")) else {
        return out;
    };
    for path in paths.keys() {
        let Ok(item) = sources.deref(&root.join("paths").join(path)) else {
            continue;
        };
        let Some(Value::Object(methods)) = sources.get(&item) else {
            continue;
        };
        for (method, op) in methods {
            let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            out.entry(id.to_owned()).or_insert(OpRef {
                path: path.clone(),
                method: method.clone(),
                loc: item.join(method),
            });
        }
    }
    out
}
