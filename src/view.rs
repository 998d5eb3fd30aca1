//! What a template sees: the request with enumerations turned into wording,
//! lists numbered and absent parts flagged, so templates stay free of logic.

use serde::Serialize;

use crate::model::{Instrument, Person, Request};

/// The request as a template reads it.
#[derive(Debug, Serialize)]
pub struct RequestView<'a> {
    /// Title of the document.
    pub title: String,
    /// The request itself, for plain fields.
    pub r: &'a Request,
    /// Wording of the legal basis, including the treaty citation.
    pub basis: String,
    /// Wording of the nature of the proceedings ("" when not chosen).
    pub nature: String,
    /// Whether the request asks only for service of documents.
    pub service_only: bool,
    /// Whether any offence carries the text of its provision (for the annex).
    pub any_provision_text: bool,
    /// Persons with their role and name already worded.
    pub persons: Vec<PersonView<'a>>,
}

/// A person as a template reads it.
#[derive(Debug, Serialize)]
pub struct PersonView<'a> {
    /// Full name, given names first.
    pub name: String,
    /// Wording of the role.
    pub role: String,
    /// The person's entry.
    pub p: &'a Person,
}

impl<'a> RequestView<'a> {
    /// Builds the view of a request.
    pub fn of(r: &'a Request) -> Self {
        let words = crate::locale::catalogue(crate::locale::Lang::En);
        let basis = match r.basis.primary {
            None => String::new(),
            Some(Instrument::Bilateral) if !r.basis.treaty_citation.trim().is_empty() => {
                r.basis.treaty_citation.trim().to_string()
            }
            Some(i) => words.option(i),
        };
        let title = if r.req_state.trim().is_empty() {
            words.option(r.kind)
        } else {
            format!("{} addressed to {}", words.option(r.kind), r.req_state.trim())
        };
        RequestView {
            title,
            r,
            basis,
            service_only: r.service_only(),
            any_provision_text: r.offences.iter().any(|o| !o.provision_text.trim().is_empty()),
            nature: r.proc.nature.map(|n| words.option(n)).unwrap_or_default(),
            persons: r
                .persons
                .iter()
                .map(|p| PersonView {
                    name: [p.given_names.trim(), p.family_name.trim()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" "),
                    role: p.role.map(|x| words.option(x)).unwrap_or_default(),
                    p,
                })
                .collect(),
        }
    }
}
