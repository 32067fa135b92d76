fn main() {
    for p in std::env::args().skip(1) {
        let path = std::path::Path::new(&p);
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.contains("arazzo:") || text.contains("\"arazzo\"") {
            match paragon_codegen::generate_workflows(path) {
                Ok(g) => {
                    eprint!("{}", g.diagnostics);
                    match paragon_codegen::format_items(g.tokens, false) {
                        Ok(s) => println!("{s}"),
                        Err(e) => eprintln!("{e}"),
                    }
                }
                Err(d) => eprintln!("{}", d.render()),
            }
            continue;
        }
        match paragon_codegen::generate_openapi(path) {
            Ok(g) => {
                eprint!("{}", g.diagnostics);
                println!("{}", g.source)
            }
            Err(d) => eprintln!("{}", d.render()),
        }
    }
}
