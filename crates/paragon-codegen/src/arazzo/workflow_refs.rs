//! Workflow references across the documents of a run: a `workflowId` of this document or
//! `$sourceDescriptions.<name>.<workflowId>` of an Arazzo source, in steps, actions, `dependsOn`
//! and expressions, resolved to the run's workflow and the key of its record in the state.

use std::collections::HashMap;

use super::compile::{Compiler, DIALECT_SOURCE_DESCRIPTIONS};
use super::documents::Run;
use super::expr::{self, Expr};
use crate::load::Loc;

/// How the workflows of the run are named from one of its documents.
pub(super) struct Names<'a> {
    pub(super) run: &'a Run,
    /// Per document: workflowId → index into the run's workflows.
    pub(super) index: &'a [HashMap<String, usize>],
    /// Per workflow of the run: the key of its record in the state's `workflows`.
    pub(super) keys: &'a [String],
    /// The document this is for.
    pub(super) doc: usize,
}

/// A problem with a name: the message and a help.
pub(super) type Problem = (String, Option<String>);

impl Names<'_> {
    /// A workflow of this document; else a help naming the closest one, or the ones there are.
    pub(super) fn local(&self, id: &str) -> Result<usize, Option<String>> {
        self.index[self.doc]
            .get(id)
            .copied()
            .ok_or_else(|| self.known(self.doc, id))
    }

    fn known(&self, doc: usize, id: &str) -> Option<String> {
        let ids = || {
            self.run.docs[doc]
                .doc
                .workflows
                .iter()
                .map(|w| w.id.as_str())
        };
        if let Some(c) = crate::names::closest(id, ids()) {
            return Some(format!("did you mean `{c}`?"));
        }
        let all: Vec<&str> = ids().collect();
        (!all.is_empty()).then(|| format!("its workflows are: {}", all.join(", ")))
    }

    /// A `workflowId` of a step, an action or `dependsOn`: one of this document, or
    /// `$sourceDescriptions.<source>.<workflowId>` of an Arazzo source. `what` starts the
    /// message for a local miss ("step `x` calls").
    pub(super) fn workflow(&self, id: &str, what: &str) -> Result<usize, Problem> {
        let Some(rest) = id.strip_prefix("$sourceDescriptions.") else {
            return self.local(id).map_err(|help| {
                (
                    format!("{what} workflow `{id}`, which this document does not define"),
                    help,
                )
            });
        };
        let Some((source, wf)) = rest.split_once('.') else {
            return Err((
                format!("`{id}`: expected `$sourceDescriptions.<source>.<workflowId>`"),
                None,
            ));
        };
        let target = self.arazzo_source(id, source)?;
        self.index[target].get(wf).copied().ok_or_else(|| {
            (
                format!("`{id}`: source `{source}` has no workflow `{wf}`"),
                self.known(target, wf),
            )
        })
    }

    /// The document of the Arazzo source `source` of this document.
    fn arazzo_source(&self, written: &str, source: &str) -> Result<usize, Problem> {
        let d = &self.run.docs[self.doc];
        if let Some((_, target)) = d.arazzo.iter().find(|(n, _)| n == source) {
            return Ok(*target);
        }
        let problem = if d.broken.iter().any(|n| n == source) {
            format!("`{written}`: source `{source}` did not load (its error is above)")
        } else if d.apis.iter().any(|(n, _)| n == source) {
            format!(
                "`{written}`: `{source}` is an OpenAPI source; workflows are in sources of `type: arazzo`"
            )
        } else {
            format!("`{written}`: there is no source description `{source}`")
        };
        let names: Vec<&str> = d.doc.sources.iter().map(|s| s.name.as_str()).collect();
        Err((problem, Some(format!("sources are: {}", names.join(", ")))))
    }

    /// `$sourceDescriptions.<source>.<reference>` read as the `$workflows.…` expression it is
    /// when `source` is an Arazzo source (`None` for other sources: their fields are not
    /// workflows).
    pub(super) fn source_workflow_expr(
        &self,
        source: &str,
        reference: &str,
    ) -> Result<Option<Expr>, Problem> {
        let d = &self.run.docs[self.doc];
        if !d.arazzo.iter().any(|(n, _)| n == source) {
            return Ok(None);
        }
        let written = format!("$sourceDescriptions.{source}.{reference}");
        let target = self.arazzo_source(&written, source)?;
        let Ok(Expr::Workflows {
            workflow,
            field,
            name,
            pointer,
        }) = expr::parse(&format!("$workflows.{reference}"))
        else {
            return Err((
                format!(
                    "`{written}`: expected `$sourceDescriptions.{source}.<workflowId>.outputs.<name>`"
                ),
                None,
            ));
        };
        let Some(&g) = self.index[target].get(&workflow) else {
            return Err((
                format!("`{written}`: source `{source}` has no workflow `{workflow}`"),
                self.known(target, &workflow),
            ));
        };
        Ok(Some(Expr::Workflows {
            workflow: self.keys[g].clone(),
            field,
            name,
            pointer,
        }))
    }

    /// Rewrites a checked workflow reference to the key of the workflow's record in the state.
    pub(super) fn resolve_workflow_expr(&self, e: &mut Expr) {
        match e {
            Expr::Workflows { workflow, .. } => {
                if let Ok(g) = self.local(workflow) {
                    *workflow = self.keys[g].clone();
                }
            }
            Expr::SourceDescriptions { source, reference } => {
                if let Ok(Some(resolved)) = self.source_workflow_expr(source, reference) {
                    *e = resolved;
                }
            }
            _ => {}
        }
    }
}

impl Compiler<'_> {
    /// [`Names::workflow`], reported; `$sourceDescription.` (singular) is read as the plural
    /// with a warning.
    pub(super) fn workflow_ref(
        &mut self,
        names: &Names<'_>,
        id: &str,
        loc: &Loc,
        what: &str,
    ) -> Option<usize> {
        let standard = id
            .strip_prefix("$sourceDescription.")
            .map(|rest| format!("$sourceDescriptions.{rest}"));
        if let Some(standard) = &standard {
            self.dialect(loc, id, standard, DIALECT_SOURCE_DESCRIPTIONS);
        }
        match names.workflow(standard.as_deref().unwrap_or(id), what) {
            Ok(i) => Some(i),
            Err((message, help)) => {
                let mut d = self.sources.error_at(loc, message);
                if let Some(help) = help {
                    d = d.with_help(help);
                }
                self.diags.push(d);
                None
            }
        }
    }
}
