//! `paragon-sim`: serves the Paragon API simulator until Ctrl-C.

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::str::FromStr;

use paragon_sim::{Sim, SimConfig};

const HELP: &str = "\
paragon-sim: a local, stateful simulator of the Paragon Managed Sync and Task History APIs

USAGE:
    paragon-sim [OPTIONS]

OPTIONS:
    --port <N>             Port to listen on, on 127.0.0.1 [default: 0, a free port]
    --token <T>            Bearer token both APIs accept [default: sim-token]
    --syncing-polls <N>    Status polls answered SYNCING before a sync is IDLE [default: 2]
    --records <N>          Records per finished sync [default: 25]
    --page-size <N>        Records per page [default: 10]
    --executions <N>       Seeded task-history executions per project [default: 250]
    --request-budget <N>   Requests served before every request gets 429 [default: unlimited]
    --retry-after <SECS>   Retry-After of those 429 responses [default: 1]
    --project <ID>         Accept only this project id (repeatable) [default: any]
    --faults <SPEC>        Inject seeded faults into a share of requests, for example
                           seed=7,reset=0.01,stall=0.005,500=0.02,429=0.02,truncate=0.01,
                           invalid=0.01,slow=0.01,stall-secs=40,slow-ms=200 [default: none]
    -h, --help             Print this help

Prints the base URL, then serves until Ctrl-C. Point the generated clients at that URL with
`bearer_auth(TOKEN)` (Managed Sync) and `api_key_auth(TOKEN)` (Task History).
";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Serve { port: u16, config: SimConfig },
}

fn number<T: FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag}: expected a non-negative number, got {value:?}"))
}

fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let mut port = 0;
    let mut config = SimConfig::default();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(Command::Help);
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        config = match flag.as_str() {
            "--port" => {
                port = number(&flag, &value()?)?;
                config
            }
            "--token" => config.token(value()?),
            "--syncing-polls" => config.syncing_polls(number(&flag, &value()?)?),
            "--records" => config.records(number(&flag, &value()?)?),
            "--page-size" => config.records_page_size(number(&flag, &value()?)?),
            "--executions" => config.executions(number(&flag, &value()?)?),
            "--request-budget" => config.request_budget(number(&flag, &value()?)?),
            "--retry-after" => config.retry_after_secs(number(&flag, &value()?)?),
            "--project" => config.project_id(value()?),
            "--faults" => config.faults(paragon_sim::Faults::parse(&value()?)?),
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        };
    }
    Ok(Command::Serve { port, config })
}

#[tokio::main]
async fn main() -> ExitCode {
    let (port, config) = match parse(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Serve { port, config }) => (port, config),
        Err(message) => {
            eprintln!("paragon-sim: {message}");
            return ExitCode::from(2);
        }
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let sim = match Sim::bind(config, addr).await {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("paragon-sim: cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", sim.base_url());
    eprintln!(
        "paragon-sim: listening on {} (Ctrl-C to stop)",
        sim.base_url()
    );
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("paragon-sim: cannot wait for Ctrl-C: {e}");
    }
    match sim.shutdown().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("paragon-sim: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn flags_set_the_config() {
        let parsed = parse(args(&[
            "--port",
            "8080",
            "--token",
            "t",
            "--syncing-polls=5",
            "--request-budget",
            "10",
            "--project",
            "p1",
        ]));
        let expected = SimConfig::default()
            .token("t")
            .syncing_polls(5)
            .request_budget(10)
            .project_id("p1");
        assert_eq!(
            parsed,
            Ok(Command::Serve {
                port: 8080,
                config: expected
            })
        );
        assert_eq!(
            parse(args(&[])),
            Ok(Command::Serve {
                port: 0,
                config: SimConfig::default()
            })
        );
    }

    #[test]
    fn help_and_errors() {
        assert_eq!(parse(args(&["--records", "3", "-h"])), Ok(Command::Help));
        assert!(parse(args(&["--port"])).is_err_and(|e| e.contains("needs a value")));
        assert!(parse(args(&["--port", "x"])).is_err_and(|e| e.contains("--port")));
        assert!(parse(args(&["--port", "70000"])).is_err());
        assert!(parse(args(&["--bogus"])).is_err_and(|e| e.contains("--bogus")));
    }
}
