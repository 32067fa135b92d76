// Duplicate stepId, goto to an unknown step, retry to an unknown workflow, and an output that the
// step does not define: all reported in one compile.
paragon_macros::paragon_workflow!("../fixtures/bad/steps.arazzo.yml", allow_path("../fixtures"));

fn main() {}
