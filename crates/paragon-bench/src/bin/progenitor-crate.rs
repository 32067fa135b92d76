//! `progenitor-crate FILE DIR`: writes progenitor's client for FILE (an OpenAPI 3.0 JSON
//! document) as a crate in DIR, with the dependencies its code names, so `cargo xtask bench`
//! can build it beside ours in the same run.

use std::path::Path;
use std::process::ExitCode;

/// What progenitor's generated code needs (its README's list), with the features it uses.
const DEPENDENCIES: &str = r#"base64 = "0.22"
bytes = "1"
chrono = { version = "0.4", default-features = false, features = ["serde", "std", "clock"] }
futures = "0.3"
progenitor-client = "0.15"
rand = "0.9"
regress = "0.10"
reqwest = { version = "0.13", default-features = false, features = ["json", "query", "stream", "rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
serde_urlencoded = "0.7"
uuid = { version = "1", features = ["serde", "v4"] }
"#;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, dir] = args.as_slice() else {
        eprintln!("usage: progenitor-crate FILE DIR");
        return ExitCode::from(2);
    };
    let dir = Path::new(dir);
    let source = match std::fs::read_to_string(file)
        .map_err(|e| format!("{file}: {e}"))
        .and_then(|text| paragon_bench::progenitor_source(&text))
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let manifest = format!(
        "[package]\nname = \"bench-progenitor\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{DEPENDENCIES}\n[workspace]\n"
    );
    let written = std::fs::create_dir_all(dir.join("src"))
        .and_then(|()| std::fs::write(dir.join("Cargo.toml"), manifest))
        .and_then(|()| std::fs::write(dir.join("src/lib.rs"), &source));
    match written {
        Ok(()) => {
            println!("lines={}", source.lines().count());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
