//! `paragon-restate`: serves the seed workflow `enable-sync-and-pull-records` to a Restate
//! server until SIGTERM or Ctrl-C.

use std::collections::HashMap;
use std::io::Read as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;
use paragon_restate::{Tokens, seed_service};
use paragon_runtime::restate::{Endpoint, HttpServer};

/// Serves the seed workflow `enable-sync-and-pull-records` to Restate.
///
/// Register it with `POST <admin>/deployments {"uri": "http://ADDR"}`. A workflow's key is
/// projectId:user:integration:syncType, and its requests carry that user's token: from
/// --tokens FILE (a JSON object, user -> token), else PARAGON_TOKEN for every user.
#[derive(Debug, Parser)]
#[command(name = "paragon-restate", version)]
struct Options {
    /// The Paragon API the workflows call, e.g. the simulator's URL.
    #[arg(long, value_name = "URL")]
    base_url: String,
    /// Where to serve Restate (HTTP/2).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:9080")]
    bind: SocketAddr,
    /// A JSON object of connected user -> token.
    #[arg(long, value_name = "FILE")]
    tokens: Option<PathBuf>,
}

/// The largest tokens file read.
const MAX_TOKENS_BYTES: u64 = 16 << 20;

/// The tokens: the file's, and PARAGON_TOKEN for every other user.
fn tokens(file: Option<&Path>) -> Result<Tokens> {
    let mut tokens = Tokens {
        default: std::env::var("PARAGON_TOKEN")
            .ok()
            .filter(|t| !t.is_empty()),
        ..Tokens::default()
    };
    if let Some(file) = file {
        let shown = file.display();
        let mut text = String::new();
        std::fs::File::open(file)
            .with_context(|| format!("opening {shown}"))?
            .take(MAX_TOKENS_BYTES + 1)
            .read_to_string(&mut text)
            .with_context(|| format!("reading {shown}"))?;
        if text.len() as u64 > MAX_TOKENS_BYTES {
            bail!("{shown} is larger than {MAX_TOKENS_BYTES} bytes");
        }
        tokens.by_user = paragon_runtime::serde_json::from_str::<HashMap<String, String>>(&text)
            .with_context(|| format!("{shown} is not a JSON object of user -> token"))?;
    }
    if tokens.by_user.is_empty() && tokens.default.is_none() {
        bail!("no tokens: pass --tokens FILE or set PARAGON_TOKEN");
    }
    Ok(tokens)
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = Options::parse();
    let tokens = match tokens(options.tokens.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("paragon-restate: {e:#}");
            return ExitCode::from(2);
        }
    };
    let service = match seed_service(&options.base_url, tokens) {
        Ok(service) => service,
        Err(e) => {
            eprintln!("paragon-restate: {e}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(options.bind).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("paragon-restate: cannot listen on {}: {e}", options.bind);
            return ExitCode::FAILURE;
        }
    };
    println!(
        "paragon-restate: serving `{}` on http://{} (requests to {})",
        service.name(),
        options.bind,
        options.base_url
    );
    let endpoint = Endpoint::builder().bind(service).build();
    HttpServer::new(endpoint).serve(listener).await;
    ExitCode::SUCCESS
}
