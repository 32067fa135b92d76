// `$inputs.petID` is not an input, a condition that stops mid-way, an invalid runtime
// expression, an `xpath` criterion and an invalid regex: each at its line and column.
paragon_macros::paragon_workflow!("../fixtures/bad/expressions.arazzo.yml", allow_path("../fixtures"));

fn main() {}
