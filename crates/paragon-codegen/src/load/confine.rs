//! Which files a run may read. Every read of a document, of a file behind a `$ref` and of an
//! Arazzo source description goes through [`AllowedRoots::check`]: the path is canonicalised (so
//! neither `..` nor a symlink can leave the tree) and must lie under one of the allowed
//! directories. A file outside is never opened, so nothing of it can reach a diagnostic, a doc
//! comment or an enum.

use std::path::{Path, PathBuf};

use super::ReadError;

/// What tells a user how to allow a directory, in every entry point's spelling.
pub const ALLOW_HELP: &str = "to read it, allow its directory: `--allow-path DIR` (the CLI), `allow_path(\"DIR\")` (the macro), `ALLOW_PATHS` in `xtask/src/main.rs` (`cargo xtask regen`)";

/// The canonical directories reads are confined to.
#[derive(Debug, Clone, Default)]
pub struct AllowedRoots {
    dirs: Vec<PathBuf>,
}

impl AllowedRoots {
    /// `root` (by default the current directory, or the directory of `first`, the document a
    /// run starts from, when that is outside the current directory), every directory in
    /// `allowed` and every directory `ref_map` names. A directory that does not exist allows
    /// nothing.
    pub fn new<'a>(
        root: Option<&Path>,
        allowed: &[PathBuf],
        ref_map_dirs: impl Iterator<Item = &'a Path>,
        first: &Path,
    ) -> Self {
        let mut dirs: Vec<PathBuf> = Vec::new();
        match root {
            Some(root) => dirs.extend(std::fs::canonicalize(root).ok()),
            None => {
                let cwd = std::env::current_dir()
                    .ok()
                    .and_then(|d| std::fs::canonicalize(d).ok());
                let first_dir = std::fs::canonicalize(first)
                    .ok()
                    .and_then(|f| f.parent().map(Path::to_path_buf));
                match (cwd, first_dir) {
                    (Some(cwd), Some(dir)) if !dir.starts_with(&cwd) => dirs.push(dir),
                    (Some(cwd), _) => dirs.push(cwd),
                    (None, Some(dir)) => dirs.push(dir),
                    (None, None) => {}
                }
            }
        }
        dirs.extend(allowed.iter().filter_map(|d| std::fs::canonicalize(d).ok()));
        dirs.extend(ref_map_dirs.filter_map(|d| std::fs::canonicalize(d).ok()));
        dirs.sort();
        dirs.dedup();
        Self { dirs }
    }

    /// The canonical path of `path` when it is inside an allowed directory. The error says why
    /// not: missing, or outside (naming the directories, and how to allow more in `ALLOW_HELP`).
    pub fn check(&self, path: &Path) -> Result<PathBuf, ReadError> {
        let canonical = std::fs::canonicalize(path).map_err(|e| ReadError::Other(e.to_string()))?;
        if self.dirs.iter().any(|d| canonical.starts_with(d)) {
            Ok(canonical)
        } else {
            Err(ReadError::Outside(self.describe()))
        }
    }

    fn describe(&self) -> String {
        match self.dirs.as_slice() {
            [] => "no directory is allowed".to_owned(),
            [one] => format!("it is outside the allowed directory `{}`", one.display()),
            many => format!(
                "it is outside the allowed directories {}",
                many.iter()
                    .map(|d| format!("`{}`", d.display()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("paragon-confine-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("root/sub")).unwrap();
        std::fs::create_dir_all(dir.join("outside")).unwrap();
        std::fs::write(dir.join("root/sub/a.yml"), "a: 1").unwrap();
        std::fs::write(dir.join("outside/secret.yml"), "secret: 1").unwrap();
        dir
    }

    #[test]
    fn inside_outside_dotdot_and_symlinks() {
        let dir = tmp("basic");
        let roots = AllowedRoots::new(
            Some(&dir.join("root")),
            &[],
            std::iter::empty(),
            Path::new("x"),
        );
        assert!(roots.check(&dir.join("root/sub/a.yml")).is_ok());
        assert!(matches!(
            roots.check(&dir.join("root/sub/../../outside/secret.yml")),
            Err(ReadError::Outside(_))
        ));
        assert!(matches!(
            roots.check(&dir.join("root/missing.yml")),
            Err(ReadError::Other(_))
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("outside/secret.yml"), dir.join("root/link.yml"))
                .unwrap();
            std::os::unix::fs::symlink(dir.join("outside"), dir.join("root/linkdir")).unwrap();
            assert!(matches!(
                roots.check(&dir.join("root/link.yml")),
                Err(ReadError::Outside(_))
            ));
            assert!(matches!(
                roots.check(&dir.join("root/linkdir/secret.yml")),
                Err(ReadError::Outside(_))
            ));
        }
        // A sibling whose name starts like the root is not inside it.
        std::fs::create_dir_all(dir.join("rootx")).unwrap();
        std::fs::write(dir.join("rootx/b.yml"), "b: 1").unwrap();
        assert!(roots.check(&dir.join("rootx/b.yml")).is_err());
    }

    #[test]
    fn default_is_the_first_documents_directory_when_outside_the_current_one() {
        let dir = tmp("default");
        let first = dir.join("root/sub/a.yml");
        let roots = AllowedRoots::new(None, &[], std::iter::empty(), &first);
        // The temporary directory is not under the test's current directory (the crate).
        assert!(roots.check(&first).is_ok());
        assert!(roots.check(&dir.join("outside/secret.yml")).is_err());
        // ref_map directories are allowed with the rest.
        let outside = dir.join("outside");
        let roots = AllowedRoots::new(None, &[], [outside.as_path()].into_iter(), &first);
        assert!(roots.check(&dir.join("outside/secret.yml")).is_ok());
        // So are `allow_paths`, beside the root.
        let roots = AllowedRoots::new(
            Some(&dir.join("root")),
            &[outside],
            std::iter::empty(),
            &first,
        );
        assert!(roots.check(&dir.join("outside/secret.yml")).is_ok());
        assert!(roots.check(&first).is_ok());
    }
}
