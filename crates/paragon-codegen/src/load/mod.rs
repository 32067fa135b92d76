//! Bytes on disk to documents with positions: parsing ([`yaml`]), `$ref` across files, and the
//! OpenAPI 3.0 → 3.1 upgrade ([`upgrade`]). Knows nothing about Rust.

pub mod upgrade;
pub mod yaml;

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    positions: HashMap<String, Pos>,
}

/// Every file loaded in one run.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    by_path: HashMap<PathBuf, FileId>,
}

impl Sources {
    /// Loads `path` and every file it reaches through `$ref`. Problems go to `diags`; returns
    /// `None` only when the root file itself cannot be read.
    pub fn load_tree(&mut self, path: &Path, diags: &mut Diagnostics) -> Option<FileId> {
        let root = self.load_file(path, diags)?;
        let mut queue = VecDeque::from([root]);
        while let Some(id) = queue.pop_front() {
            let mut refs = Vec::new();
            collect_refs(&self.files[id].value, &mut String::new(), &mut refs);
            for (ptr, reference) in refs {
                let (file_part, _) = split_ref(&reference);
                if file_part.is_empty() {
                    continue;
                }
                if file_part.starts_with("http://") || file_part.starts_with("https://") {
                    diags.push(
                        self.error_at(
                            &Loc { file: id, ptr },
                            format!("remote `$ref` `{reference}` is not supported"),
                        )
                        .with_help("download the document and refer to it by a relative path"),
                    );
                    continue;
                }
                let target = self.relative_path(id, file_part);
                if self.by_path.contains_key(&normalize(&target)) {
                    continue;
                }
                match std::fs::read_to_string(&target) {
                    Ok(text) => {
                        let new_id = self.insert(&target, text, diags);
                        queue.push_back(new_id);
                    }
                    Err(e) => diags.push(self.error_at(
                        &Loc { file: id, ptr },
                        format!("`$ref` to `{}` cannot be read: {e}", target.display()),
                    )),
                }
            }
        }
        Some(root)
    }

    /// Loads one file without following references.
    pub fn load_file(&mut self, path: &Path, diags: &mut Diagnostics) -> Option<FileId> {
        if let Some(&id) = self.by_path.get(&normalize(path)) {
            return Some(id);
        }
        match std::fs::read_to_string(path) {
            Ok(text) => Some(self.insert(path, text, diags)),
            Err(e) => {
                diags.push(Diagnostic::error(
                    path,
                    None,
                    format!("cannot read `{}`: {e}", path.display()),
                ));
                None
            }
        }
    }

    /// Adds a file from text (used by tests and by the macro, which reads files itself).
    pub fn insert(&mut self, path: &Path, text: String, diags: &mut Diagnostics) -> FileId {
        let (parsed, problems) = yaml::parse(&text);
        let text: Arc<str> = Arc::from(text);
        for p in problems {
            diags.push(Diagnostic::error(path, Some(p.pos), p.message).with_source(text.clone()));
        }
        let id = self.files.len();
        self.files.push(SourceFile {
            path: path.to_path_buf(),
            text,
            value: parsed.value,
            positions: parsed.positions,
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

    /// All loaded files.
    pub fn ids(&self) -> std::ops::Range<FileId> {
        0..self.files.len()
    }

    /// The value at a location.
    pub fn get(&self, loc: &Loc) -> Option<&Value> {
        self.files.get(loc.file)?.value.pointer(&loc.ptr)
    }

    /// The position of a location, or of its nearest ancestor that has one.
    pub fn pos(&self, loc: &Loc) -> Option<Pos> {
        let file = self.files.get(loc.file)?;
        let mut ptr = loc.ptr.as_str();
        loop {
            if let Some(p) = file.positions.get(ptr) {
                return Some(*p);
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
            let target = normalize(&self.relative_path(from, file_part));
            *self
                .by_path
                .get(&target)
                .ok_or_else(|| format!("`$ref` target file `{file_part}` was not loaded"))?
        };
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
        Err("`$ref` chain is circular or longer than 64 links".into())
    }

    fn relative_path(&self, from: FileId, file_part: &str) -> PathBuf {
        let base = self.files[from].path.parent().unwrap_or(Path::new(""));
        base.join(percent_decode(file_part))
    }
}

/// Splits `a.yml#/x/y` into (`a.yml`, `/x/y`).
pub fn split_ref(reference: &str) -> (&str, &str) {
    match reference.split_once('#') {
        Some((file, frag)) => (file, frag),
        None => (reference, ""),
    }
}

fn percent_decode(s: &str) -> String {
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
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn collect_refs(value: &Value, ptr: &mut String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let len = ptr.len();
                yaml::push_token(ptr, k);
                if k == "$ref" {
                    if let Value::String(s) = v {
                        out.push((ptr.clone(), s.clone()));
                    }
                } else {
                    collect_refs(v, ptr, out);
                }
                ptr.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = ptr.len();
                yaml::push_token(ptr, &i.to_string());
                collect_refs(v, ptr, out);
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
