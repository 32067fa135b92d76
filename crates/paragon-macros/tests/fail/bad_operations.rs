// An unknown operationId, one that two sources define (no `$sourceDescriptions.` prefix), and an
// operationPath that does not resolve.
paragon_macros::paragon_workflow!("../fixtures/bad/operations.arazzo.yml", allow_path("../fixtures"));

fn main() {}
