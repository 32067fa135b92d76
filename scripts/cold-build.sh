#!/usr/bin/env bash
# Cold build times, this checkout against an earlier commit (the first argument; default
# 64353a8, before the macro's dependency tree was trimmed): the macro alone, a new crate that
# uses paragon_workflow! on the seed workflow, and the README's test command (built, not run).
# Each build starts from an empty target directory. Prints one line per build.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
before_rev=${1:-64353a8}
work=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$here" worktree add -f -q "$work/before" "$before_rev"

timed() { # label, command...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s.%N)
  printf '%-40s %6.1f s\n' "$label" "$(echo "$t1 - $t0" | bc)"
}

for side in before after; do
  repo=$here; [ "$side" = before ] && repo=$work/before
  target=$work/target-$side
  rm -rf "$target"
  timed "macro alone ($side)" env CARGO_TARGET_DIR="$target" cargo build -q --manifest-path "$repo/Cargo.toml" -p paragon-macros
  rm -rf "$target"
  user=$work/user-$side
  mkdir -p "$user/src"
  cp -r "$repo/specs" "$user/specs"
  cp "$repo/Cargo.lock" "$user/Cargo.lock"
  cat > "$user/Cargo.toml" <<TOML
[package]
name = "cold-user"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
paragon-macros = { path = "$repo/crates/paragon-macros" }
paragon-runtime = { path = "$repo/crates/paragon-runtime" }

[workspace]
TOML
  echo 'paragon_macros::paragon_workflow!("specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml");' > "$user/src/lib.rs"
  timed "crate using the macro ($side)" env CARGO_TARGET_DIR="$target" cargo build -q --manifest-path "$user/Cargo.toml"
  rm -rf "$target"
  timed "cargo test --workspace --no-run ($side)" env CARGO_TARGET_DIR="$target" cargo test -q --manifest-path "$repo/Cargo.toml" --workspace --no-run
  rm -rf "$target"
done
