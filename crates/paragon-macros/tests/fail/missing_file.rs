// A path that names no file.
paragon_macros::paragon_workflow!("specs/arazzo/nope.yml");

fn main() {}
