//! One self-contained document from a JSON Schema and what it references.
//!
//! 2020-12 names schemas by URI: `$id` sets the base URI of a resource, `$anchor` (and
//! `$dynamicAnchor`) name a schema in it, and a `$ref` is a URI reference resolved against the
//! base in force where it is written. This pass reads every `$id` and anchor, resolves every
//! `$ref` (and `$dynamicRef`, statically) to a schema, loads the documents that live in other
//! files (relative paths, or URLs mapped to directories by `ref_map`; nothing is fetched), puts
//! them under [`BUNDLE_KEY`] in the root document, and rewrites every reference as a JSON
//! Pointer into the root (`#/…`). The type planner and the runtime checks then only ever follow
//! local pointers.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Map, Value};

use super::uri;
use crate::diag::Diagnostics;
use crate::load::{FileId, Loc, Sources, percent_decode};

/// Where documents from other files are kept in the root (a key no JSON Schema vocabulary
/// uses, so checks ignore it).
pub(crate) const BUNDLE_KEY: &str = "$paragonBundle";

/// Documents reached from one root: at most this many files.
const MAX_DOCUMENTS: usize = 256;

/// The keywords whose value is a schema.
const ONE: [&str; 11] = [
    "additionalProperties",
    "unevaluatedProperties",
    "items",
    "unevaluatedItems",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "additionalItems",
];
/// … a list of schemas.
const LIST: [&str; 5] = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
/// … an object of schemas.
const MAP: [&str; 6] = [
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
    "dependencies",
];

/// Calls `visit` with the pointer of every schema object in `value` (depth-first, each
/// parent before its children, not through data such as `const` or `default`).
pub(crate) fn each_schema(value: &Value, mut visit: impl FnMut(&str, &Map<String, Value>)) {
    let mut stack = vec![(String::new(), value)];
    while let Some((ptr, v)) = stack.pop() {
        let Value::Object(map) = v else {
            continue;
        };
        visit(&ptr, map);
        let mut children = Vec::new();
        for key in ONE {
            if let Some(child @ Value::Object(_)) = map.get(key) {
                children.push((join(&ptr, key), child));
            }
        }
        for key in LIST {
            if let Some(Value::Array(items)) = map.get(key) {
                for (i, child) in items.iter().enumerate() {
                    children.push((join(&join(&ptr, key), &i.to_string()), child));
                }
            }
        }
        for key in MAP {
            if let Some(Value::Object(members)) = map.get(key) {
                let base = join(&ptr, key);
                for (name, child) in members {
                    children.push((join(&base, name), child));
                }
            }
        }
        if let Some(Value::Object(docs)) = map.get(BUNDLE_KEY) {
            let base = join(&ptr, BUNDLE_KEY);
            for (name, child) in docs {
                children.push((join(&base, name), child));
            }
        }
        stack.extend(children.into_iter().rev());
    }
}

fn join(ptr: &str, token: &str) -> String {
    let mut out = ptr.to_owned();
    crate::pointer::push_token(&mut out, token);
    out
}

/// One document of the bundle.
struct Doc {
    file: FileId,
    /// The URI it was read from.
    base: String,
    /// Where it ends up in the root.
    mount: String,
}

/// A `$ref` (or `$dynamicRef`) to rewrite.
struct Site {
    doc: usize,
    /// The schema object holding it.
    ptr: String,
    key: &'static str,
    /// Resolved against the base in force there.
    target: String,
    /// As written.
    raw: String,
}

/// The URI a file is known by when it has no `$id`.
pub(crate) fn file_uri(path: &std::path::Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let text = abs.to_string_lossy().replace('\\', "/");
    let text = text.trim_start_matches('/');
    let encoded: String = text
        .chars()
        .map(|c| match c {
            ' ' => "%20".to_owned(),
            '#' => "%23".to_owned(),
            '%' => "%25".to_owned(),
            '?' => "%3F".to_owned(),
            c => c.to_string(),
        })
        .collect();
    format!("file:///{encoded}")
}

/// Bundles the document `root` (already loaded) in place. Every reference that cannot be
/// resolved is a located error.
pub(crate) fn bundle(sources: &mut Sources, root: FileId, diags: &mut Diagnostics) {
    let mut docs = vec![Doc {
        file: root,
        base: file_uri(&sources.file(root).path),
        mount: String::new(),
    }];
    let mut resources: HashMap<String, (usize, String)> = HashMap::new();
    let mut anchors: HashMap<String, (usize, String)> = HashMap::new();
    let mut dynamic: Vec<Dynamic> = Vec::new();
    let mut sites: Vec<Site> = Vec::new();
    let mut resolved: Vec<Option<(usize, String)>> = Vec::new();
    let mut scanned = 0;
    let mut next_site = 0;
    loop {
        while scanned < docs.len() {
            scan(
                sources,
                &docs,
                scanned,
                &mut resources,
                &mut anchors,
                &mut dynamic,
                &mut sites,
            );
            scanned += 1;
        }
        if next_site == sites.len() {
            break;
        }
        let site = &sites[next_site];
        let (resource, fragment) = uri::split_fragment(&site.target);
        let fragment = percent_decode(fragment);
        let at = Loc {
            file: docs[site.doc].file,
            ptr: join(&site.ptr, site.key),
        };
        if !resources.contains_key(resource) {
            if docs.len() >= MAX_DOCUMENTS {
                diags.push(sources.error_at(
                    &at,
                    format!("more than {MAX_DOCUMENTS} documents are referenced"),
                ));
                resolved.push(None);
                next_site += 1;
                continue;
            }
            // A relative reference under an `$id` that names a URL: the files of such a set of
            // schemas usually sit side by side, so the file next to the referring one is read
            // when no `ref_map` says where the URL is.
            let (written, _) = uri::split_fragment(&site.raw);
            let beside = (!written.is_empty() && !written.contains(':'))
                .then(|| {
                    let dir = sources
                        .file(docs[site.doc].file)
                        .path
                        .parent()?
                        .to_path_buf();
                    Some(dir.join(percent_decode(written)))
                })
                .flatten();
            match load(sources, resource, beside, &at, diags) {
                Some(file) => {
                    let mount = join(&join("", BUNDLE_KEY), &docs.len().to_string());
                    resources.insert(resource.to_owned(), (docs.len(), String::new()));
                    docs.push(Doc {
                        file,
                        base: resource.to_owned(),
                        mount,
                    });
                    // Scan it before resolving this reference into it.
                    continue;
                }
                None => {
                    resolved.push(None);
                    next_site += 1;
                    continue;
                }
            }
        }
        let target = if fragment.is_empty() || fragment.starts_with('/') {
            resources
                .get(resource)
                .map(|(d, p)| (*d, format!("{p}{fragment}")))
        } else {
            anchors.get(&format!("{resource}#{fragment}")).cloned()
        };
        let found = target
            .filter(|(d, p)| crate::pointer::get(&sources.file(docs[*d].file).value, p).is_some());
        if found.is_none() {
            let message = if site.raw.starts_with('#') || site.raw == site.target {
                format!("`{}` points at nothing", site.raw)
            } else {
                // Under an `$id`, say what the reference was read as.
                format!(
                    "`{}` (read as `{}`) points at nothing",
                    site.raw, site.target
                )
            };
            diags.push(sources.error_at(&at, message));
        }
        resolved.push(found);
        next_site += 1;
    }

    // Rewrite every reference as a pointer into the root, then move the other documents in.
    let local = |d: usize, p: &str| format!("#{}{}", docs[d].mount, p).replace('%', "%25");
    for (site, target) in sites.iter().zip(&resolved) {
        let Some((d, p)) = target else {
            continue;
        };
        // A `$dynamicRef` whose target has the `$dynamicAnchor` it names is resolved in the
        // dynamic scope when it is checked: it keeps the name.
        let (_, fragment) = uri::split_fragment(&site.target);
        let name = percent_decode(fragment);
        let dynamic_name = (site.key == "$dynamicRef"
            && !name.is_empty()
            && !name.starts_with('/')
            && matches!(
                crate::pointer::get(&sources.file(docs[*d].file).value, p),
                Some(Value::Object(t)) if t.get("$dynamicAnchor") == Some(&Value::String(name.clone()))
            ))
        .then_some(name);
        let text = local(*d, p);
        let file = docs[site.doc].file;
        if let Some(Value::Object(map)) =
            crate::pointer::get_mut(&mut sources.file_mut(file).value, &site.ptr)
        {
            map.insert(site.key.to_owned(), Value::String(text));
            if let Some(name) = dynamic_name {
                map.insert(DYNAMIC_NAME.to_owned(), Value::String(name));
            }
        }
    }
    // Each resource lists its dynamic anchors, for the checks to find in the dynamic scope.
    for a in &dynamic {
        let Some((rd, rp)) = resources.get(&a.base) else {
            continue;
        };
        let target = local(a.doc, &a.ptr);
        let file = docs[*rd].file;
        if let Some(Value::Object(map)) =
            crate::pointer::get_mut(&mut sources.file_mut(file).value, rp)
        {
            let scope = map
                .entry(DYNAMIC_SCOPE.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(scope) = scope {
                scope.entry(a.name.clone()).or_insert(Value::String(target));
            }
        }
    }
    let mut moved = Map::new();
    for (i, doc) in docs.iter().enumerate().skip(1) {
        let value = std::mem::take(&mut sources.file_mut(doc.file).value);
        moved.insert(i.to_string(), value);
    }
    if !moved.is_empty()
        && let Value::Object(root) = &mut sources.file_mut(root).value
    {
        root.insert(BUNDLE_KEY.to_owned(), Value::Object(moved));
    }
}

/// A `$dynamicAnchor`: its name, in the resource `base`, at `ptr` of document `doc`.
struct Dynamic {
    base: String,
    name: String,
    doc: usize,
    ptr: String,
}

/// Beside a `$dynamicRef` resolved in the dynamic scope: the anchor name it looks for.
const DYNAMIC_NAME: &str = "$paragonDynamicAnchor";
/// In a resource's root: its dynamic anchors, name → pointer.
const DYNAMIC_SCOPE: &str = "$paragonDynamicScope";

/// Records the resources, anchors and references of document `d`.
fn scan(
    sources: &Sources,
    docs: &[Doc],
    d: usize,
    resources: &mut HashMap<String, (usize, String)>,
    anchors: &mut HashMap<String, (usize, String)>,
    dynamic: &mut Vec<Dynamic>,
    sites: &mut Vec<Site>,
) {
    let value = &sources.file(docs[d].file).value;
    resources
        .entry(docs[d].base.clone())
        .or_insert((d, String::new()));
    // The base in force at each schema: that of its nearest ancestor with an `$id`.
    let mut bases: Vec<(String, String)> = vec![(String::new(), docs[d].base.clone())];
    each_schema(value, |ptr, map| {
        while let Some((p, _)) = bases.last() {
            if p.is_empty() || ptr == p || ptr.starts_with(&format!("{p}/")) {
                break;
            }
            bases.pop();
        }
        let mut base = bases
            .last()
            .map_or_else(|| docs[d].base.clone(), |(_, b)| b.clone());
        if let Some(Value::String(id)) = map.get("$id") {
            let (resource, _) = uri::split_fragment(id);
            base = uri::resolve(&base, resource);
            resources.entry(base.clone()).or_insert((d, ptr.to_owned()));
            bases.push((ptr.to_owned(), base.clone()));
        }
        for key in ["$anchor", "$dynamicAnchor"] {
            if let Some(Value::String(name)) = map.get(key) {
                anchors
                    .entry(format!("{base}#{name}"))
                    .or_insert((d, ptr.to_owned()));
            }
        }
        if let Some(Value::String(name)) = map.get("$dynamicAnchor") {
            dynamic.push(Dynamic {
                base: base.clone(),
                name: name.clone(),
                doc: d,
                ptr: ptr.to_owned(),
            });
        }
        for key in ["$ref", "$dynamicRef"] {
            if let Some(Value::String(r)) = map.get(key) {
                sites.push(Site {
                    doc: d,
                    ptr: ptr.to_owned(),
                    key,
                    target: uri::resolve(&base, r),
                    raw: r.clone(),
                });
            }
        }
    });
}

/// Loads the document a resource URI names: a `file:` URI, or a URL that `ref_map` maps.
fn load(
    sources: &mut Sources,
    resource: &str,
    beside: Option<PathBuf>,
    at: &Loc,
    diags: &mut Diagnostics,
) -> Option<FileId> {
    let path = if let Some(rest) = resource.strip_prefix("file://") {
        Some(PathBuf::from(percent_decode(rest)))
    } else {
        sources
            .map_remote(resource)
            .or_else(|| beside.filter(|p| p.is_file()))
    };
    let Some(path) = path else {
        diags.push(
            sources
                .error_at(
                    at,
                    format!("`{resource}` is neither in this document nor a file; it is not fetched"),
                )
                .with_help(
                    "keep a copy and map its prefix with `--ref-map PREFIX=DIR` (the CLI), or the same `ref_map` setting of `regen` and the macro",
                ),
        );
        return None;
    };
    let mut found = Diagnostics::default();
    let file = sources.load_file(&path, &mut found);
    for d in found.iter() {
        // A file that cannot be read is reported where the reference is.
        if file.is_none() && d.is_error() && d.pos.is_none() {
            let mut located = sources.error_at(at, d.message.clone());
            located.help = d.help.clone();
            diags.push(located);
        } else {
            diags.push(d.clone());
        }
    }
    file
}
