// With `deny_warnings`, each dialect construct is a compile error that shows its standard form.
paragon_macros::paragon_workflow!("../fixtures/dialects.arazzo.yml", allow_path("../fixtures"), deny_warnings);

fn main() {}
