//! `workflow-once (compiled|typed-calls|by-hand) N`: runs the seed workflow N times against an in-process
//! simulator on one thread. Under `valgrind --tool=callgrind` the instruction counts of the two
//! sides compare exactly, whatever else the machine is doing; under `valgrind --tool=dhat`, their
//! heap allocations.

use std::process::ExitCode;

use paragon_bench::workflow as w;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [which, n] = args.as_slice() else {
        eprintln!("usage: workflow-once (compiled|typed-calls|by-hand) N");
        return ExitCode::from(2);
    };
    let Ok(n) = n.parse::<u32>() else {
        eprintln!("N must be a number, not {n:?}");
        return ExitCode::from(2);
    };
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    rt.block_on(async {
        let sim = match w::server().await {
            Ok(sim) => sim,
            Err(e) => {
                eprintln!("simulator: {e}");
                return ExitCode::FAILURE;
            }
        };
        let base = sim.base_url();
        let client = w::client(&base);
        let http = w::http_client();
        for _ in 0..n {
            match which.as_str() {
                "compiled" => drop(std::hint::black_box(w::compiled(&client).await)),
                "by-hand" => drop(std::hint::black_box(w::by_hand(&http, &base).await)),
                "typed-calls" => drop(std::hint::black_box(w::typed_calls(&client).await)),
                other => {
                    eprintln!("unknown side `{other}`");
                    return ExitCode::from(2);
                }
            }
        }
        ExitCode::SUCCESS
    })
}
