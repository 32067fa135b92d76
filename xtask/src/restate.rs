//! `cargo xtask restate install | test | bench | scale | cluster` and `cargo xtask demo
//! --restate`: installs the Restate server from npm under `target/`, builds the
//! `paragon-restate` binaries and runs `paragon-restate-lab` in a network namespace of its own
//! (only loopback: the server's unconditional release check cannot leave the machine).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The server version installed (npm `@restatedev/restate-server-<os>-<arch>`).
const SERVER_VERSION: &str = "1.7.12";

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::root().join("target"))
}

/// The npm package holding the server binary for this machine.
fn platform_package() -> Result<String> {
    let os = match std::env::consts::OS {
        "linux" => "linux",
        "macos" => "darwin",
        other => bail!("the Restate server is not published on npm for {other}"),
    };
    let arch = match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        other => bail!("the Restate server is not published on npm for {other}"),
    };
    Ok(format!("@restatedev/restate-server-{os}-{arch}"))
}

/// Installs the server under `target/restate-server/` unless it is there; its binary's path.
/// `RESTATE_SERVER_BIN` names a binary to use instead.
pub fn install() -> Result<PathBuf> {
    if let Some(bin) = std::env::var_os("RESTATE_SERVER_BIN") {
        let bin = PathBuf::from(bin);
        if !bin.is_file() {
            bail!("RESTATE_SERVER_BIN={} is not a file", bin.display());
        }
        return Ok(bin);
    }
    let package = platform_package()?;
    let prefix = target_dir().join("restate-server");
    let bin = prefix
        .join("node_modules")
        .join(&package)
        .join("bin")
        .join("restate-server");
    if works(&bin) {
        return Ok(bin);
    }
    std::fs::create_dir_all(&prefix).with_context(|| format!("creating {}", prefix.display()))?;
    println!(
        "installing {package}@{SERVER_VERSION} with npm into {}",
        prefix.display()
    );
    // Only the platform package: it is the binary. `--ignore-scripts` skips every install
    // script (the main package's is an analytics ping).
    let status = Command::new("npm")
        .args([
            "install",
            "--no-save",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            "--prefix",
        ])
        .arg(&prefix)
        .arg(format!("{package}@{SERVER_VERSION}"))
        .env("SCARF_ANALYTICS", "false")
        .env("DO_NOT_TRACK", "1")
        .status()
        .context("running npm (install Node.js and npm, or set RESTATE_SERVER_BIN)")?;
    if !status.success() {
        bail!("npm install {package}@{SERVER_VERSION} failed ({status})");
    }
    if !works(&bin) {
        bail!("{} does not run after npm install", bin.display());
    }
    Ok(bin)
}

/// Whether `bin --version` runs.
fn works(bin: &Path) -> bool {
    bin.is_file()
        && Command::new(bin)
            .arg("--version")
            .env("DO_NOT_TRACK", "1")
            .output()
            .is_ok_and(|o| o.status.success())
}

/// Whether a user and network namespace can be made here (`unshare -rn`) with loopback up.
fn namespace_works() -> bool {
    Command::new("unshare")
        .args(["-rn", "ip", "link", "set", "lo", "up"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Builds the binaries and runs `paragon-restate-lab COMMAND --server BIN ARGS…`.
pub fn lab(command: &str, args: &[String], release: bool) -> Result<()> {
    let server = install()?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut build = Command::new(&cargo);
    build.args([
        "build",
        "--quiet",
        "--locked",
        "-p",
        "paragon-restate",
        "--bins",
    ]);
    if release {
        build.arg("--release");
    }
    let status = build
        .status()
        .context("running cargo build -p paragon-restate")?;
    if !status.success() {
        bail!("cargo build -p paragon-restate failed");
    }
    let lab = target_dir()
        .join(if release { "release" } else { "debug" })
        .join("paragon-restate-lab");
    let mut lab_args: Vec<String> = vec![
        command.to_owned(),
        "--server".to_owned(),
        server.display().to_string(),
    ];
    lab_args.extend(args.iter().cloned());
    if !args.iter().any(|a| a == "--dir") {
        // A known place, so `.ci/run` can stop what a killed run left (`<dir>/**/pids`).
        let dir = target_dir().join("restate-lab").join(command);
        lab_args.push("--dir".to_owned());
        lab_args.push(dir.display().to_string());
    }
    let status = if namespace_works() {
        Command::new("unshare")
            .args(["-rn", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\""])
            .arg(&lab)
            .args(&lab_args)
            .status()
    } else if std::env::var("PARAGON_RESTATE_NETNS").as_deref() == Ok("require") {
        bail!(
            "PARAGON_RESTATE_NETNS=require, and no network namespace can be made here (`unshare -rn`)"
        );
    } else {
        eprintln!(
            "note: no network namespace here (`unshare -rn`); the Restate server runs on the \
             host's loopback and may look up its latest release on GitHub"
        );
        Command::new(&lab).args(&lab_args).status()
    }
    .with_context(|| format!("running {}", lab.display()))?;
    if !status.success() {
        bail!("paragon-restate-lab {command} failed ({status})");
    }
    Ok(())
}

/// `cargo xtask restate …`.
pub fn run(args: &[String]) -> Result<()> {
    let release = args.iter().any(|a| a == "--release");
    let rest: Vec<String> = args
        .iter()
        .skip(1)
        .filter(|a| *a != "--release")
        .cloned()
        .collect();
    match args.first().map(String::as_str) {
        Some("install") => {
            let bin = install()?;
            println!("{}", bin.display());
            Ok(())
        }
        // Measurements build optimised binaries.
        Some(c @ ("bench" | "scale" | "cluster")) => lab(c, &rest, true),
        Some(c @ "test") => lab(c, &rest, release),
        _ => bail!(
            "usage: cargo xtask restate <install | test | bench [--workflows N] | scale [--workflows N] | cluster [--workflows N]> [--release]"
        ),
    }
}
