//! `paragon-restate-lab`: the seed workflow on Restate, end to end on this machine. It starts
//! the simulator, Restate server nodes and the `paragon-restate` service, and stops every
//! process it started (by PID) when it ends. `cargo xtask` runs it inside a network namespace
//! where only loopback exists, after installing the server with npm.

mod bench;
mod harness;
mod scenarios;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

/// The seed workflow on Restate, end to end on this machine.
///
/// Starts the simulator, Restate server nodes and the `paragon-restate` service (which must be
/// next to this binary), and stops every process it started (by PID) when it ends.
#[derive(Debug, Parser)]
#[command(name = "paragon-restate-lab", version)]
struct Cli {
    #[command(subcommand)]
    command: LabCommand,
    /// The `restate-server` binary.
    #[arg(long, global = true, value_name = "FILE")]
    server: Option<PathBuf>,
    /// Holds the nodes' data (DIR/restate), the logs, the PIDs started (DIR/pids,
    /// DIR/restate/pids) and the tokens file; those are cleared when a run starts and removed
    /// when it succeeds [default: a new directory under the system's temporary directory].
    #[arg(long, global = true, value_name = "DIR")]
    dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum LabCommand {
    /// N connected users run the seed workflow through one Restate node; their progress live,
    /// then their outputs.
    Demo {
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=10_000))]
        users: u32,
    },
    /// The kill tests: SIGKILL the service, then the server, mid-run; the same key twice; a step
    /// that fails for good; inputs and keys that are refused.
    Test,
    /// N seed workflows through one Restate node, then the same N with the in-process driver.
    Bench {
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        workflows: u32,
    },
    /// N workflows in this process, retry waits on a manual clock: memory per workflow and
    /// steps per second.
    Scale {
        #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        workflows: u32,
    },
    /// A three-node cluster; node 3 is killed during a run of N workflows; all must finish.
    Cluster {
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        workflows: u32,
    },
}

/// What every command needs.
pub struct Common {
    /// The `restate-server` binary.
    pub server: PathBuf,
    /// The `paragon-restate` binary.
    pub service: PathBuf,
    /// Where data and logs go.
    pub dir: PathBuf,
    /// How many workflows or users.
    pub count: usize,
}

fn common(cli: &Cli, count: u32) -> Result<Common> {
    let server = cli
        .server
        .clone()
        .context("--server RESTATE_SERVER_BINARY is required (`cargo xtask restate` passes it)")?;
    let exe = std::env::current_exe().context("locating this binary")?;
    let service = exe
        .parent()
        .context("locating this binary's directory")?
        .join(format!("paragon-restate{}", std::env::consts::EXE_SUFFIX));
    if !service.is_file() {
        bail!(
            "{} is missing: build it with `cargo build -p paragon-restate`",
            service.display()
        );
    }
    let dir = cli.dir.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("paragon-restate-{}", std::process::id()))
    });
    Ok(Common {
        server,
        service,
        dir,
        count: count as usize,
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let (name, count) = match cli.command {
        LabCommand::Demo { users } => ("demo", users),
        LabCommand::Test => ("test", 0),
        LabCommand::Bench { workflows } => ("bench", workflows),
        LabCommand::Scale { workflows } => ("scale", workflows),
        LabCommand::Cluster { workflows } => ("cluster", workflows),
    };
    let common = match common(&cli, count) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("paragon-restate-lab: {e:#}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        LabCommand::Demo { .. } => scenarios::demo(&common).await,
        LabCommand::Test => scenarios::test(&common).await,
        LabCommand::Bench { .. } => bench::bench(&common).await,
        LabCommand::Scale { .. } => bench::scale(&common).await,
        LabCommand::Cluster { .. } => bench::cluster(&common).await,
    };
    match result {
        Ok(()) => {
            // Only what the run wrote, then the directory if that left it empty.
            let _ = harness::clear(&common.dir);
            let _ = std::fs::remove_dir(&common.dir);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "paragon-restate-lab {name}: {e:#}\n(logs are in {})",
                common.dir.display()
            );
            ExitCode::FAILURE
        }
    }
}
