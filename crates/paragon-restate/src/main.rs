//! `paragon-restate`: serves the seed workflow `enable-sync-and-pull-records` to a Restate
//! server until SIGTERM or Ctrl-C.

use std::collections::HashMap;
use std::io::Read as _;
use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use paragon_restate::{Tokens, seed_service};
use paragon_runtime::restate::{Endpoint, HttpServer};

const USAGE: &str = "\
usage: paragon-restate --base-url URL [--bind ADDR] [--tokens FILE]

Serves the seed workflow `enable-sync-and-pull-records` to Restate (HTTP/2 on ADDR, default
127.0.0.1:9080); register it with `POST <admin>/deployments {\"uri\": \"http://ADDR\"}`.

A workflow's key is projectId:user:integration:syncType, and its requests carry that user's
token: from --tokens FILE (a JSON object, user -> token), else PARAGON_TOKEN for every user.";

/// The largest tokens file read.
const MAX_TOKENS_BYTES: u64 = 16 << 20;

struct Options {
    base_url: String,
    bind: SocketAddr,
    tokens: Tokens,
}

fn parse(args: &[String]) -> Result<Option<Options>> {
    let mut base_url = None;
    let mut bind: SocketAddr = "127.0.0.1:9080".parse().context("the default address")?;
    let mut tokens_file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .with_context(|| format!("`{a}` needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "--base-url" => base_url = Some(value()?),
            "--bind" => {
                let v = value()?;
                bind = v.parse().with_context(|| {
                    format!("--bind {v:?} is not an address like 127.0.0.1:9080")
                })?;
            }
            "--tokens" => tokens_file = Some(value()?),
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    let base_url = base_url.with_context(|| format!("--base-url is required\n{USAGE}"))?;
    let mut tokens = Tokens {
        default: std::env::var("PARAGON_TOKEN")
            .ok()
            .filter(|t| !t.is_empty()),
        ..Tokens::default()
    };
    if let Some(file) = tokens_file {
        let mut text = String::new();
        std::fs::File::open(&file)
            .with_context(|| format!("opening {file}"))?
            .take(MAX_TOKENS_BYTES + 1)
            .read_to_string(&mut text)
            .with_context(|| format!("reading {file}"))?;
        if text.len() as u64 > MAX_TOKENS_BYTES {
            bail!("{file} is larger than {MAX_TOKENS_BYTES} bytes");
        }
        tokens.by_user = paragon_runtime::serde_json::from_str::<HashMap<String, String>>(&text)
            .with_context(|| format!("{file} is not a JSON object of user -> token"))?;
    }
    if tokens.by_user.is_empty() && tokens.default.is_none() {
        bail!("no tokens: pass --tokens FILE or set PARAGON_TOKEN\n{USAGE}");
    }
    Ok(Some(Options {
        base_url,
        bind,
        tokens,
    }))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse(&args) {
        Ok(Some(o)) => o,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("paragon-restate: {e:#}");
            return ExitCode::from(2);
        }
    };
    let service = match seed_service(&options.base_url, options.tokens) {
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
