//! Bytes on disk to documents with positions: parsing ([`yaml`]), `$ref` across files, and the
//! OpenAPI 3.0 → 3.1 upgrade ([`upgrade`]). Knows nothing about Rust.

pub mod confine;
pub mod json;
pub mod positions;
pub mod swagger2;
pub mod upgrade;
pub mod yaml;

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde_json::Value;

use crate::diag::{Diagnostic, Diagnostics, Pos};

/// Index of a loaded file in [`Sources`].
pub type FileId = usize;

/// A place in a loaded document: a file and a JSON Pointer into it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    /// The file.
    pub file: FileId,
    /// JSON Pointer (escaped) into the file's value.
    pub ptr: String,
}

impl Loc {
    /// The location of a child member.
    pub fn join(&self, token: &str) -> Loc {
        let mut ptr = self.ptr.clone();
        yaml::push_token(&mut ptr, token);
        Loc {
            file: self.file,
            ptr,
        }
    }

    /// The location of an array element.
    pub fn index(&self, i: usize) -> Loc {
        self.join(&i.to_string())
    }
}

/// One loaded file.
#[derive(Debug)]
pub struct SourceFile {
    /// As given or as resolved from a `$ref`.
    pub path: PathBuf,
    /// The text, shared with diagnostics for snippets.
    pub text: Arc<str>,
    /// The parsed document.
    pub value: Value,
    /// What kind of file it is.
    pub kind: FileKind,
    /// Filled at parse time, or on first use for a JSON document that parsed cleanly.
    positions: OnceLock<positions::Positions>,
    /// Pointer prefixes that moved when the document was upgraded (new → old), so positions
    /// still point into the text as written.
    aliases: Vec<(String, String)>,
}

impl SourceFile {
    /// Where each node of the file was written.
    fn positions(&self) -> &positions::Positions {
        self.positions
            .get_or_init(|| json::parse(&self.text).0.positions)
    }
}

/// What a loaded file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A YAML or JSON document.
    Document,
    /// A file of another kind (Markdown, a code sample) behind a `$ref`: its value is its text.
    Text,
    /// A remote document that is not fetched: every pointer into it reads as the empty schema.
    Remote,
}

/// How files are found and read.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Remote `$ref` prefixes (`https://example.com/schemas/`) and the local directories that
    /// hold copies of what is under them. A remote `$ref` under no prefix is not fetched.
    pub ref_map: Vec<(String, PathBuf)>,
    /// The largest file read, in bytes ([`DEFAULT_MAX_FILE_BYTES`] by default). A larger file is
    /// an error at the reference to it, read no further than the limit.
    pub max_file_bytes: u64,
    /// The directory files are read from (see [`confine`]): a document, a file behind a
    /// `$ref` or a source description outside it (and outside `allow_paths` and the `ref_map`
    /// directories) is a located error and is never opened. `None` (the default): the current
    /// directory, or the first document's own directory when it is outside the current one.
    pub root_dir: Option<PathBuf>,
    /// More directories files may be read from (the CLI's `--allow-path`).
    pub allow_paths: Vec<PathBuf>,
    /// Every warning is an error (the CLI's `--deny-warnings`, the macro's `deny_warnings`).
    pub deny_warnings: bool,
    /// The types of an OpenAPI document check what they decode against their schemas
    /// (`minLength`, `pattern`, `maximum`, `required`, …; scalars with such rules become
    /// newtypes), as the types of a JSON Schema document always do. Off by default: a client
    /// stays able to read a server that drifts from its description. The CLI's
    /// `--check-schemas`, the macro's `check_schemas`.
    pub check_schemas: bool,
}

/// 64 MiB: ten times the largest public API description seen (about 6 MB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 << 20;

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            ref_map: Vec::new(),
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            root_dir: None,
            allow_paths: Vec::new(),
            deny_warnings: false,
            check_schemas: false,
        }
    }
}

/// Reads a document or a file behind a `$ref`: regular files only (a device such as
/// `/dev/zero` or `/dev/stdin`, a FIFO or a directory is refused before anything is read, so
/// nothing blocks or grows without end) and at most `limit` bytes. The error says which.
pub fn read_bounded(path: &Path, limit: u64) -> Result<String, String> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(
            "it is not a regular file (devices, pipes and directories are not read)".into(),
        );
    }
    if meta.len() > limit {
        return Err(format!(
            "it is {} bytes, over the limit of {limit} bytes (`LoadOptions::max_file_bytes`)",
            meta.len()
        ));
    }
    // Room for the whole file at once (growing as it is read would leave up to half unused).
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().saturating_add(1)).unwrap_or(0));
    // One byte past the limit tells a file that grew since `metadata` from one that did not.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "it grew past the limit of {limit} bytes while being read"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "it is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

impl LoadOptions {
    /// Parses `PREFIX=DIR` (the CLI's `--ref-map`).
    pub fn parse_ref_map(spec: &str) -> Result<(String, PathBuf), String> {
        match spec.rsplit_once('=') {
            Some((prefix, dir)) if is_remote(prefix) && !dir.is_empty() => {
                Ok((prefix.to_owned(), PathBuf::from(dir)))
            }
            _ => Err(format!(
                "`{spec}` is not URL_PREFIX=DIR (for example `https://example.com/schemas/=vendor/schemas`)"
            )),
        }
    }

    /// The local file a remote reference maps to, if a prefix covers it (the longest wins).
    fn map_remote(&self, url: &str) -> Option<PathBuf> {
        self.ref_map
            .iter()
            .filter(|(prefix, _)| url.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|(prefix, dir)| {
                dir.join(percent_decode(url[prefix.len()..].trim_start_matches('/')))
            })
    }
}

/// `http://…` or `https://…`.
pub fn is_remote(reference: &str) -> bool {
    reference.starts_with("http://") || reference.starts_with("https://")
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Outside every allowed directory (nothing of it was opened).
    Outside(String),
    /// Missing, not a regular file, too large, not UTF-8.
    Other(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Outside(e) | ReadError::Other(e) => f.write_str(e),
        }
    }
}

/// Where the file part of a `$ref` leads.
enum Target {
    Local(PathBuf),
    Unmapped(String),
}

/// Whether a file with this name is read as YAML/JSON (anything else behind a `$ref` is text).
fn is_document_name(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => ["yaml", "yml", "json"]
            .iter()
            .any(|d| ext.eq_ignore_ascii_case(d)),
    }
}

/// The keys of a document's top-level mapping found by scanning its text (no tree is built):
/// the members of a JSON object at depth one, or YAML keys at the start of a line. A hint for
/// telling document kinds apart: it may miss keys (flow mappings, anchors), never invents one
/// that a parse would not find at the top of a valid document.
pub fn top_level_keys(text: &str) -> Vec<&str> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let mut keys = Vec::new();
    if body.starts_with('{') {
        let bytes = body.as_bytes();
        let (mut depth, mut i, mut expect_key) = (0usize, 0usize, false);
        while i < bytes.len() {
            match bytes[i] {
                b'{' | b'[' => {
                    depth += 1;
                    expect_key = depth == 1;
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                b',' if depth == 1 => expect_key = true,
                b'"' => {
                    let start = i + 1;
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    if expect_key && depth == 1 {
                        if let Some(k) = body.get(start..i.min(body.len())) {
                            keys.push(k);
                        }
                        expect_key = false;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        return keys;
    }
    for line in body.lines() {
        let Some(first) = line.chars().next() else {
            continue;
        };
        if first.is_whitespace() || "#-{[".contains(first) {
            continue;
        }
        if let Some((key, _)) = line.split_once(':') {
            let key = key.trim().trim_matches(|c| c == '\'' || c == '"');
            if !key.is_empty() {
                keys.push(key);
            }
        }
    }
    keys
}

/// Parses a document: JSON files (by name, or by a first character of `{`/`[` when they parse
/// as JSON) with JSON's rules, everything else as YAML.
pub fn parse_text(path: &Path, text: &str) -> (yaml::Parsed, Vec<yaml::ParseProblem>) {
    let (value, positions, problems) = parse_document(path, text, true);
    let positions = positions.unwrap_or_default();
    (yaml::Parsed { value, positions }, problems)
}

/// [`parse_text`]; with `record` false, a JSON document that parses without a problem comes
/// back without positions (`None`: [`json::parse`] records them from the text when needed).
fn parse_document(
    path: &Path,
    text: &str,
    record: bool,
) -> (Value, Option<positions::Positions>, Vec<yaml::ParseProblem>) {
    let is_json_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let first = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next();
    let looks_json = matches!(first, Some('{' | '['));
    if !record
        && (is_json_name || looks_json)
        && let Some(value) = json::parse_unrecorded(text)
    {
        return (value, None, Vec::new());
    }
    if is_json_name || looks_json {
        let (parsed, problems) = json::parse(text);
        if is_json_name || problems.is_empty() {
            return (parsed.value, Some(parsed.positions), problems);
        }
    }
    let (parsed, problems) = yaml::parse(text);
    (parsed.value, Some(parsed.positions), problems)
}

/// Every file loaded in one run.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    by_path: HashMap<PathBuf, FileId>,
    remote: HashMap<String, FileId>,
    options: LoadOptions,
    /// Set from `options` at the first read.
    roots: Option<confine::AllowedRoots>,
}

impl Sources {
    /// No files yet; references are followed as `options` say.
    pub fn new(options: LoadOptions) -> Self {
        Self {
            options,
            ..Self::default()
        }
    }

    /// Loads `path` and every file it reaches through `$ref`. Problems go to `diags`; returns
    /// `None` only when the root file itself cannot be read.
    ///
    /// A `$ref` inside data (`example`, `examples`, `default`, `const`, `enum`) is data and is
    /// not followed. A `$ref` to a file that is not YAML/JSON is replaced by that file's text.
    /// A remote `$ref` is never fetched: it is read from a `ref_map` directory, or its target
    /// reads as the empty schema (any JSON) with a warning. A `$ref` inside an `x-` extension
    /// that cannot be followed is a warning, not an error.
    pub fn load_tree(&mut self, path: &Path, diags: &mut Diagnostics) -> Option<FileId> {
        let root = self.load_file(path, diags)?;
        let mut queue = VecDeque::from([root]);
        while let Some(id) = queue.pop_front() {
            let Some(refs) = self.refs_of(id) else {
                continue;
            };
            let mut inline: Vec<(String, Value)> = Vec::new();
            for found in refs {
                let (file_part, fragment) = split_ref(&found.reference);
                if file_part.is_empty() {
                    continue;
                }
                let at = Loc {
                    file: id,
                    ptr: found.ptr.clone(),
                };
                let problem = |s: &Self, message: String| {
                    if found.in_extension {
                        s.warning_at(&at, message)
                    } else {
                        s.error_at(&at, message)
                    }
                };
                let target = match self.target_of(id, file_part) {
                    Target::Local(target) => target,
                    // Extension values are data to other tools; an unmapped URL there is left be.
                    Target::Unmapped(_) if found.in_extension => continue,
                    Target::Unmapped(url) => {
                        if !self.remote.contains_key(&url) {
                            let placeholder = self.files.len();
                            self.files.push(SourceFile {
                                path: PathBuf::from(&url),
                                text: Arc::from(""),
                                value: Value::Object(serde_json::Map::new()),
                                kind: FileKind::Remote,
                                positions: OnceLock::from(positions::Positions::default()),
                                aliases: Vec::new(),
                            });
                            self.remote.insert(url.clone(), placeholder);
                        }
                        diags.push(
                            self.warning_at(
                                &at,
                                format!("remote `$ref` `{}` is not fetched; what it points at is read as any JSON (`serde_json::Value`)", found.reference),
                            )
                            .with_help(format!(
                                "keep a copy of it and map it with `--ref-map {}=DIR` (the CLI), or the same `ref_map` setting of `regen` and the macro",
                                &file_part[..file_part.rfind('/').map_or(file_part.len(), |i| i + 1)]
                            )),
                        );
                        continue;
                    }
                };
                let known = self.by_path.get(&normalize(&target)).copied();
                let target_id = match known {
                    Some(t) => t,
                    None => match self.read(&target) {
                        Ok(text) => {
                            let new_id = if is_document_name(&target) {
                                self.insert(&target, text, diags)
                            } else {
                                self.insert_text(&target, text)
                            };
                            queue.push_back(new_id);
                            new_id
                        }
                        Err(e) => {
                            let message = format!(
                                "`$ref` to `{}` cannot be read: {e}",
                                normalize(&target).display()
                            );
                            let mut d = problem(self, message);
                            if let ReadError::Outside(_) = e {
                                d = d.with_help(confine::ALLOW_HELP);
                            }
                            diags.push(d);
                            continue;
                        }
                    },
                };
                if self.files[target_id].kind == FileKind::Text {
                    if fragment.is_empty() {
                        // As a string value: without the file's final newline.
                        let text = match &self.files[target_id].value {
                            Value::String(t) => Value::String(t.trim_end().to_owned()),
                            other => other.clone(),
                        };
                        inline.push((found.ptr.clone(), text));
                    } else {
                        let message = format!(
                            "`$ref` `{}` has a fragment, but `{file_part}` is not a YAML or JSON document",
                            found.reference
                        );
                        diags.push(problem(self, message));
                    }
                }
            }
            // `{ $ref: ./description.md }` becomes the file's text, where a string is expected.
            for (ref_ptr, text) in inline {
                let parent = ref_ptr.rsplit_once('/').map_or("", |(p, _)| p);
                if let Some(slot) = self.files[id].value.pointer_mut(parent) {
                    *slot = text;
                }
            }
        }
        Some(root)
    }

    /// The `$ref`s of a YAML/JSON file (none for text and remote files).
    fn refs_of(&self, id: FileId) -> Option<Vec<FoundRef>> {
        if self.files[id].kind != FileKind::Document {
            return None;
        }
        let mut refs = Vec::new();
        collect_refs(
            &self.files[id].value,
            &mut String::new(),
            Ctx::Keywords,
            false,
            &mut refs,
        );
        Some(refs)
    }

    /// Adds a file that is read as text, not parsed.
    fn insert_text(&mut self, path: &Path, text: String) -> FileId {
        let id = self.files.len();
        let text: Arc<str> = Arc::from(text);
        self.files.push(SourceFile {
            path: path.to_path_buf(),
            value: Value::String(text.to_string()),
            text,
            kind: FileKind::Text,
            positions: {
                let mut p = positions::Positions::default();
                p.insert("", Pos { line: 1, col: 1 });
                OnceLock::from(p)
            },
            aliases: Vec::new(),
        });
        self.by_path.insert(normalize(path), id);
        id
    }

    /// Upgrades every loaded Swagger 2.0 document to the OpenAPI 3.0 shape and points the
    /// references into them at their new places. Constructs with no exact 3.0 equivalent are
    /// warnings. Returns whether any document was upgraded.
    pub fn upgrade_swagger2(&mut self, diags: &mut Diagnostics) -> bool {
        let mut upgraded = Vec::new();
        for id in self.ids() {
            if self.files[id].kind != FileKind::Document
                || !swagger2::is_swagger2(&self.files[id].value)
            {
                continue;
            }
            let up = swagger2::upgrade(&mut self.files[id].value);
            self.files[id].aliases = up.aliases;
            for (ptr, message) in up.notes {
                // Notes point into the 2.0 text, which has no aliases.
                let file = &self.files[id];
                let pos = file.positions().get(&ptr);
                diags.push(
                    Diagnostic::warning(&file.path, pos, message).with_source(file.text.clone()),
                );
            }
            upgraded.push(id);
        }
        if upgraded.is_empty() {
            return false;
        }
        for id in self.ids() {
            let Some(refs) = self.refs_of(id) else {
                continue;
            };
            for found in refs {
                let (file_part, fragment) = split_ref(&found.reference);
                let target = if file_part.is_empty() {
                    Some(id)
                } else {
                    match self.target_of(id, file_part) {
                        Target::Local(p) => self.by_path.get(&normalize(&p)).copied(),
                        Target::Unmapped(_) => None,
                    }
                };
                if !target.is_some_and(|t| upgraded.contains(&t)) {
                    continue;
                }
                if let Some(new) = swagger2::rewrite_fragment(fragment) {
                    let rewritten = format!("{file_part}#{new}");
                    if let Some(slot) = self.files[id].value.pointer_mut(&found.ptr) {
                        *slot = Value::String(rewritten);
                    }
                }
            }
        }
        true
    }

    /// Loads one file without following references.
    pub fn load_file(&mut self, path: &Path, diags: &mut Diagnostics) -> Option<FileId> {
        if let Some(&id) = self.by_path.get(&normalize(path)) {
            return Some(id);
        }
        match self.read(path) {
            Ok(text) => Some(self.insert(path, text, diags)),
            Err(e) => {
                let mut d =
                    Diagnostic::error(path, None, format!("cannot read `{}`: {e}", path.display()));
                if let ReadError::Outside(_) = e {
                    d = d.with_help(confine::ALLOW_HELP);
                }
                diags.push(d);
                None
            }
        }
    }

    /// Whether `path` may be read in this run, and why not (the allowed directories are fixed
    /// at the first read, from the options and the first document).
    pub fn allowed(&mut self, path: &Path) -> Result<PathBuf, ReadError> {
        let options = &self.options;
        let roots = self.roots.get_or_insert_with(|| {
            confine::AllowedRoots::new(
                options.root_dir.as_deref(),
                &options.allow_paths,
                options.ref_map.iter().map(|(_, dir)| dir.as_path()),
                path,
            )
        });
        roots.check(path)
    }

    /// Reads a file that is not part of the documents (to say where a name is that the documents
    /// lack): under the same rules as every read, only once the allowed directories are fixed,
    /// and at most `limit` bytes (or the run's file limit, if lower); `None` when it may not or
    /// cannot be read.
    pub fn peek(&self, path: &Path, limit: u64) -> Option<String> {
        let canonical = self.roots.as_ref()?.check(path).ok()?;
        read_bounded(&canonical, limit.min(self.options.max_file_bytes)).ok()
    }

    /// Whether a file with this path is loaded.
    pub fn is_loaded(&self, path: &Path) -> bool {
        self.by_path.contains_key(&normalize(path))
    }

    /// The one read of a file in a run: confined to the allowed directories, then bounded.
    fn read(&mut self, path: &Path) -> Result<String, ReadError> {
        let canonical = self.allowed(path)?;
        read_bounded(&canonical, self.options.max_file_bytes).map_err(ReadError::Other)
    }

    /// Adds a file from text (used by tests and by the macro, which reads files itself).
    pub fn insert(&mut self, path: &Path, text: String, diags: &mut Diagnostics) -> FileId {
        // Shared before parsing, so the text is not held twice beside the parsed tree.
        let text: Arc<str> = Arc::from(text);
        let (value, positions, problems) = parse_document(path, &text, false);
        for p in problems {
            diags.push(Diagnostic::error(path, Some(p.pos), p.message).with_source(text.clone()));
        }
        let id = self.files.len();
        self.files.push(SourceFile {
            path: path.to_path_buf(),
            text,
            value,
            kind: FileKind::Document,
            positions: positions.map(OnceLock::from).unwrap_or_default(),
            aliases: Vec::new(),
        });
        self.by_path.insert(normalize(path), id);
        id
    }

    /// The file behind an id.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    /// Mutable access, for the upgrade pass.
    pub fn file_mut(&mut self, id: FileId) -> &mut SourceFile {
        &mut self.files[id]
    }

    /// How files are found and read in this run.
    pub(crate) fn options(&self) -> &LoadOptions {
        &self.options
    }

    /// Where a remote URL is read from, by the `ref_map` option.
    pub(crate) fn map_remote(&self, url: &str) -> Option<PathBuf> {
        self.options.map_remote(url)
    }

    /// All loaded files.
    pub fn ids(&self) -> std::ops::Range<FileId> {
        0..self.files.len()
    }

    /// The value at a location.
    pub fn get(&self, loc: &Loc) -> Option<&Value> {
        crate::pointer::get(&self.files.get(loc.file)?.value, &loc.ptr)
    }

    /// The position of a location, or of its nearest ancestor that has one. A location that
    /// an upgrade moved is looked up where it was written.
    pub fn pos(&self, loc: &Loc) -> Option<Pos> {
        let file = self.files.get(loc.file)?;
        let moved = file
            .aliases
            .iter()
            .filter(|(new, _)| {
                loc.ptr.starts_with(new.as_str())
                    && matches!(loc.ptr.as_bytes().get(new.len()), None | Some(b'/'))
            })
            .max_by_key(|(new, _)| new.len())
            .map(|(new, old)| format!("{old}{}", &loc.ptr[new.len()..]));
        let mut ptr = moved.as_deref().unwrap_or(&loc.ptr);
        loop {
            if let Some(p) = file.positions().get(ptr) {
                return Some(p);
            }
            let cut = ptr.rfind('/')?;
            ptr = &ptr[..cut];
        }
    }

    /// An error diagnostic at a location, with its snippet.
    pub fn error_at(&self, loc: &Loc, message: impl Into<String>) -> Diagnostic {
        let file = &self.files[loc.file];
        Diagnostic::error(&file.path, self.pos(loc), message).with_source(file.text.clone())
    }

    /// A warning diagnostic at a location, with its snippet.
    pub fn warning_at(&self, loc: &Loc, message: impl Into<String>) -> Diagnostic {
        let file = &self.files[loc.file];
        Diagnostic::warning(&file.path, self.pos(loc), message).with_source(file.text.clone())
    }

    /// Resolves a `$ref` string found in `from`'s file. The error says what is missing.
    pub fn resolve(&self, from: FileId, reference: &str) -> Result<Loc, String> {
        let (file_part, fragment) = split_ref(reference);
        let file = if file_part.is_empty() {
            from
        } else {
            let found = match self.target_of(from, file_part) {
                Target::Local(target) => self.by_path.get(&normalize(&target)),
                Target::Unmapped(url) => self.remote.get(&url),
            };
            *found.ok_or_else(|| format!("`$ref` target file `{file_part}` was not loaded"))?
        };
        if self.files[file].kind == FileKind::Remote {
            // Not fetched: everything in it reads as the empty schema.
            return Ok(Loc {
                file,
                ptr: String::new(),
            });
        }
        let ptr = percent_decode(fragment);
        if !ptr.is_empty() && !ptr.starts_with('/') {
            return Err(format!(
                "`$ref` `{reference}`: only JSON Pointer fragments (`#/…`) are supported"
            ));
        }
        let loc = Loc { file, ptr };
        if self.get(&loc).is_none() {
            return Err(format!("`$ref` `{reference}` points at nothing"));
        }
        Ok(loc)
    }

    /// Follows `$ref` chains from `loc` to a value that is not a reference. Cycles of pure
    /// references and dangling references are errors.
    pub fn deref(&self, loc: &Loc) -> Result<Loc, String> {
        let mut current = loc.clone();
        for _ in 0..64 {
            let Some(Value::Object(map)) = self.get(&current) else {
                return Ok(current);
            };
            let Some(Value::String(r)) = map.get("$ref") else {
                return Ok(current);
            };
            current = self.resolve(current.file, r)?;
        }
        Err("`$ref` chain is circular (it leads back to itself without a schema in between) or longer than 64 links".into())
    }

    fn relative_path(&self, from: FileId, file_part: &str) -> PathBuf {
        let base = self.files[from].path.parent().unwrap_or(Path::new(""));
        base.join(percent_decode(file_part))
    }

    /// Where a `$ref`'s file part leads from `from`: a local file (a remote one through
    /// `ref_map`), or a remote URL no prefix maps.
    fn target_of(&self, from: FileId, file_part: &str) -> Target {
        if is_remote(file_part) {
            return match self.options.map_remote(file_part) {
                Some(local) => Target::Local(local),
                None => Target::Unmapped(file_part.to_owned()),
            };
        }
        Target::Local(self.relative_path(from, file_part))
    }
}

/// Splits `a.yml#/x/y` into (`a.yml`, `/x/y`).
pub fn split_ref(reference: &str) -> (&str, &str) {
    match reference.split_once('#') {
        Some((file, frag)) => (file, frag),
        None => (reference, ""),
    }
}

/// `%XX` escapes decoded (a `$ref`'s file part or fragment); invalid UTF-8 is replaced.
pub(crate) fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Lexically normalises `a/./b/../c` to `a/c` (no symlink is followed), so one file is loaded
/// once however it is named; Cargo reads the paths of path dependencies the same way.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                let climbs = matches!(
                    out.components().next_back(),
                    None | Some(std::path::Component::ParentDir)
                );
                // `/..` is `/`; `..` after `..` (or at the start) climbs further.
                if climbs {
                    out.push("..");
                } else if out.parent().is_some() {
                    out.pop();
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod normalize_tests {
    use super::normalize;
    use std::path::Path;

    #[test]
    fn dot_dot_climbs_as_often_as_written() {
        let n = |p: &str| normalize(Path::new(p)).display().to_string();
        assert_eq!(n("a/./b/../c"), "a/c");
        assert_eq!(n("../../openapi/user.json"), "../../openapi/user.json");
        assert_eq!(n("a/../../b"), "../b");
        assert_eq!(n("x/y/../../.."), "..");
        assert_eq!(n("/.."), "/");
    }
}

/// A `$ref` found in a document.
struct FoundRef {
    /// Pointer to the `$ref` member.
    ptr: String,
    reference: String,
    /// Inside an `x-` extension, where a reference that cannot be followed is only a warning.
    in_extension: bool,
}

/// What the members of the object being walked are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// Keywords (`schema`, `example`, `$ref`, …).
    Keywords,
    /// Names chosen by the author (`properties`, `paths`, `components/schemas`): a member
    /// called `example` or `default` is a name, not data.
    Names,
    /// The entries of an `examples` map: Example Objects, whose `value` is data.
    ExampleEntries,
    /// The members of `components`: maps of names, `examples` a map of Example Objects.
    Components,
}

/// Keywords whose values are data, where a `$ref` member is part of the value.
const DATA_KEYWORDS: &[&str] = &["example", "default", "const", "enum"];

/// Keywords whose members are names, not keywords.
const NAME_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
    "paths",
    "webhooks",
    "components",
    "schemas",
    "responses",
    "parameters",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
    "content",
    "encoding",
    "variables",
    "mapping",
];

fn collect_refs(
    value: &Value,
    ptr: &mut String,
    ctx: Ctx,
    in_extension: bool,
    out: &mut Vec<FoundRef>,
) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let child = match ctx {
                    Ctx::Names => Ctx::Keywords,
                    Ctx::ExampleEntries => Ctx::Keywords,
                    Ctx::Components if k == "examples" => Ctx::ExampleEntries,
                    Ctx::Components => Ctx::Names,
                    Ctx::Keywords if k == "components" => Ctx::Components,
                    Ctx::Keywords if DATA_KEYWORDS.contains(&k.as_str()) => continue,
                    Ctx::Keywords if k == "examples" => match v {
                        // A schema's `examples` (3.1) is a list of values.
                        Value::Array(_) => continue,
                        _ => Ctx::ExampleEntries,
                    },
                    Ctx::Keywords if NAME_MAPS.contains(&k.as_str()) => Ctx::Names,
                    Ctx::Keywords => Ctx::Keywords,
                };
                if ctx == Ctx::ExampleEntries {
                    // One Example Object: follow its `$ref`, never look inside its `value`.
                    let len = ptr.len();
                    yaml::push_token(ptr, k);
                    if let Value::Object(example) = v
                        && let Some(Value::String(r)) = example.get("$ref")
                    {
                        let mut p = ptr.clone();
                        yaml::push_token(&mut p, "$ref");
                        out.push(FoundRef {
                            ptr: p,
                            reference: r.clone(),
                            in_extension,
                        });
                    }
                    ptr.truncate(len);
                    continue;
                }
                let len = ptr.len();
                yaml::push_token(ptr, k);
                if k == "$ref" && ctx == Ctx::Keywords {
                    if let Value::String(s) = v {
                        out.push(FoundRef {
                            ptr: ptr.clone(),
                            reference: s.clone(),
                            in_extension,
                        });
                    }
                } else {
                    let ext = in_extension || (ctx == Ctx::Keywords && k.starts_with("x-"));
                    collect_refs(v, ptr, child, ext, out);
                }
                ptr.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = ptr.len();
                yaml::push_token(ptr, &i.to_string());
                // Items of a list of keyword objects (`allOf`, `parameters`) are keyword objects.
                collect_refs(v, ptr, Ctx::Keywords, in_extension, out);
                ptr.truncate(len);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("paragon-load-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("models")).unwrap();
        dir
    }

    #[test]
    fn refs_across_files_with_escapes_and_cycles() {
        let dir = tmp_dir("refs");
        std::fs::write(
            dir.join("root.yml"),
            "components:\n  schemas:\n    a/b:\n      type: string\n    A:\n      $ref: 'models/m.yml'\n    Tilde:\n      $ref: '#/components/schemas/a~1b'\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("models/m.yml"),
            "type: object\nproperties:\n  self:\n    $ref: '../models/m.yml'\n  back:\n    $ref: '../root.yml#/components/schemas/a~1b'\n",
        )
        .unwrap();
        let mut s = Sources::default();
        let mut d = Diagnostics::default();
        let root = s.load_tree(&dir.join("root.yml"), &mut d).unwrap();
        assert!(d.is_empty(), "{d}");
        assert_eq!(s.ids().len(), 2);
        let m = s.resolve(root, "models/m.yml").unwrap();
        assert_eq!(s.get(&m).unwrap()["type"], "object");
        let tilde = s
            .deref(&Loc {
                file: root,
                ptr: "/components/schemas/Tilde".into(),
            })
            .unwrap();
        assert_eq!(tilde.ptr, "/components/schemas/a~1b");
        let back = s.deref(&m.join("properties").join("back")).unwrap();
        assert_eq!(
            (back.file, back.ptr.as_str()),
            (root, "/components/schemas/a~1b")
        );
    }

    #[test]
    fn missing_targets_are_located_errors() {
        let dir = tmp_dir("missing");
        std::fs::write(
            dir.join("root.yml"),
            "a:\n  $ref: 'nope.yml'\nb:\n  $ref: '#/zzz'\n",
        )
        .unwrap();
        let mut s = Sources::default();
        let mut d = Diagnostics::default();
        let root = s.load_tree(&dir.join("root.yml"), &mut d).unwrap();
        let errs: Vec<_> = d.errors().collect();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].pos.map(|p| p.line), Some(2));
        assert!(
            s.resolve(root, "#/zzz")
                .unwrap_err()
                .contains("points at nothing")
        );
    }

    #[test]
    fn pure_reference_cycles_do_not_hang() {
        let mut s = Sources::default();
        let mut d = Diagnostics::default();
        let id = s.insert(
            Path::new("c.yml"),
            "a: {$ref: '#/b'}\nb: {$ref: '#/a'}\n".into(),
            &mut d,
        );
        let err = s
            .deref(&Loc {
                file: id,
                ptr: "/a".into(),
            })
            .unwrap_err();
        assert!(err.contains("circular"));
    }
}

#[cfg(test)]
mod top_level_tests {
    use super::top_level_keys;

    #[test]
    fn top_level_keys_of_json_and_yaml() {
        assert_eq!(
            top_level_keys(r#"{"info": {"openapi": "no"}, "x": ["openapi"], "openapi": "3.1.0"}"#),
            ["info", "x", "openapi"]
        );
        assert_eq!(
            top_level_keys(
                "\u{feff}# c\narazzo: 1.0.1\ninfo:\n  openapi: x\n'sourceDescriptions': []\n"
            ),
            ["arazzo", "info", "sourceDescriptions"]
        );
        assert_eq!(top_level_keys(r#"{"a\"b": 1}"#), [r#"a\"b"#]);
    }
}
