//! The own-State profile: the user's State, its central authority, its
//! 24/7 point of contact, its law on mutual legal assistance, the language
//! it drafts in and the instruments it is party to. Entered once (`mla
//! profile set`), it prefills every new request ([`Request::prefilled_from`]).

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::request::profile_file::{parse_profile, read_profile, ProfileFileError};
use crate::request::text::{code_point, first_control};
use crate::request::{DocumentLanguage, Instrument, Request, RequestKind};

/// The user's own State, as the requests it sends describe it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct OwnStateProfile {
    /// The State, by its ISO 3166-1 code (or a fictitious State's
    /// user-assigned one). A profile written before held its name or a
    /// code in any case: read, it names the State by code when the text
    /// names one ([`OwnStateProfile::with_state_by_code`]); other text is
    /// kept as typed, for the user to pick the State.
    pub state: String,
    /// Its central authority for mutual legal assistance (UNTOC art. 18(13)).
    pub central_authority: OwnAuthority,
    /// Its 24/7 point of contact (Budapest art. 35).
    pub contact_24_7: OwnContact,
    /// References of its law on mutual legal assistance.
    pub mla_law: Vec<String>,
    /// The language its requests are drafted in.
    pub drafting_language: Option<DocumentLanguage>,
    /// The drafting language, when it is none of the six, by its ISO 639
    /// code (a name in any of the six languages, "Norwegian", is taken as
    /// its code).
    pub drafting_language_other: String,
    /// The instruments it is party to.
    pub instruments: Vec<Instrument>,
}

/// An authority of the own State: name and postal address.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct OwnAuthority {
    /// Name.
    pub name: String,
    /// Postal address.
    pub address: String,
}

/// A point of contact of the own State.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct OwnContact {
    /// Name of the office or person.
    pub name: String,
    /// Telephone, reachable at any hour.
    pub phone: String,
    /// E-mail.
    pub email: String,
}

/// Why an own-State profile cannot be read.
pub type OwnStateError = ProfileFileError;

/// Reads the own-State profile in the file at `path`.
pub fn read_own_state(path: &Path) -> Result<OwnStateProfile, OwnStateError> {
    read_profile(path, problems).map(OwnStateProfile::with_state_by_code)
}

/// Parses and validates an own-State profile; `origin` names it in errors.
pub fn parse_own_state(text: &str, origin: &str) -> Result<OwnStateProfile, OwnStateError> {
    parse_profile(text, origin, problems).map(OwnStateProfile::with_state_by_code)
}

impl OwnStateProfile {
    /// The profile with its State named by its code, as a request names
    /// it, when the text it holds names a State: a code in any case
    /// ("fr"), a real State's name in any of the six languages ("France",
    /// "Франция"), a demo State's name (`directory::demo::code_of`, the
    /// reading older drafts' requested State goes through). Any other text
    /// is kept as typed: the app shows it until a State is picked.
    pub fn with_state_by_code(mut self) -> OwnStateProfile {
        if let Some(code) = crate::directory::demo::code_of(&self.state) {
            self.state = code;
        }
        self
    }
}

/// Every problem of a profile's values, each with its JSON path.
pub fn problems(profile: &OwnStateProfile) -> Vec<String> {
    let mut out = Vec::new();
    if profile.state.trim().is_empty() {
        out.push("$.state: name the State".to_string());
    }
    if profile.drafting_language == Some(DocumentLanguage::Other) && profile.drafting_language_other.trim().is_empty() {
        out.push("$.drafting_language_other: name the drafting language".to_string());
    } else if profile.drafting_language == Some(DocumentLanguage::Other)
        && crate::directory::language_names::language_code(&profile.drafting_language_other).is_none()
    {
        out.push(format!(
            "$.drafting_language_other: {:?} names no language; give its ISO 639 code or its name in one of the six languages",
            profile.drafting_language_other.trim()
        ));
    }
    let texts = [
        ("$.state".to_string(), &profile.state),
        ("$.central_authority.name".to_string(), &profile.central_authority.name),
        ("$.central_authority.address".to_string(), &profile.central_authority.address),
        ("$.contact_24_7.name".to_string(), &profile.contact_24_7.name),
        ("$.contact_24_7.phone".to_string(), &profile.contact_24_7.phone),
        ("$.contact_24_7.email".to_string(), &profile.contact_24_7.email),
        ("$.drafting_language_other".to_string(), &profile.drafting_language_other),
    ]
    .into_iter()
    .chain(profile.mla_law.iter().enumerate().map(|(i, l)| (format!("$.mla_law[{i}]"), l)));
    for (path, text) in texts {
        if let Some((_, c)) = first_control(text) {
            out.push(format!("{path}: the text holds the control character {}; remove it", code_point(c)));
        }
    }
    out
}

impl Request {
    /// A new, empty request of `kind` with what the own State always says
    /// filled in: the State itself (`own_state`), its central authority (name, then address, on one line), its drafting
    /// language, and its 24/7 point of contact (name, telephone, e-mail) for
    /// preservation and emergency requests.
    pub fn prefilled_from(profile: &OwnStateProfile, kind: RequestKind) -> Request {
        let mut r = Request { kind, ..Request::default() };
        r.own_state = profile.state.trim().to_string();
        let authority = &profile.central_authority;
        // One line: the answer is a single-line field, which would drop a line break.
        let address = authority.address.lines().collect::<Vec<_>>();
        r.own_central_auth = joined(&[&[authority.name.as_str()], address.as_slice()].concat(), ", ");
        r.lang.drafting = profile.drafting_language;
        if profile.drafting_language == Some(DocumentLanguage::Other) {
            let other = profile.drafting_language_other.trim();
            r.lang.drafting_other = crate::directory::language_names::language_code(other).unwrap_or(other).to_string();
        }
        let contact = &profile.contact_24_7;
        r.preservation.poc_24_7_own = joined(&[&contact.name, &contact.phone, &contact.email], ", ");
        r.emergency.poc_24_7_own = r.preservation.poc_24_7_own.clone();
        r
    }
}

/// The non-blank texts, trimmed, joined with `separator`.
fn joined(texts: &[&str], separator: &str) -> String {
    texts.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/own-state/arden.json"));

    #[test]
    fn a_new_request_is_prefilled_from_the_profile() {
        let profile = parse_own_state(EXAMPLE, "example").unwrap();
        let r = Request::prefilled_from(&profile, RequestKind::Preservation);
        assert_eq!(r.kind, RequestKind::Preservation);
        assert_eq!(r.own_central_auth, "Ministry of Justice of Arden, Central Authority for Mutual Legal Assistance, 1 Justice Square, Ardenstadt");
        assert_eq!(r.lang.drafting, Some(DocumentLanguage::En));
        assert_eq!(r.preservation.poc_24_7_own, "Arden 24/7 Point of Contact, National Cybercrime Centre, +99 20 555 0100, 247@ncc.arden.example");
        assert_eq!(r.emergency.poc_24_7_own, r.preservation.poc_24_7_own);
        let untouched = Request {
            kind: RequestKind::Preservation,
            own_central_auth: r.own_central_auth.clone(),
            own_state: "Republic of Arden".into(),
            lang: r.lang.clone(),
            preservation: r.preservation.clone(),
            emergency: r.emergency.clone(),
            ..Request::default()
        };
        assert_eq!(r, untouched, "nothing else is filled");
        let other = OwnStateProfile { drafting_language: Some(DocumentLanguage::Other), drafting_language_other: " Norwegian ".into(), ..profile };
        let r = Request::prefilled_from(&other, RequestKind::MlaEvidence);
        assert_eq!((r.lang.drafting, r.lang.drafting_other.as_str()), (Some(DocumentLanguage::Other), "no"), "a language's name becomes its code");
    }

    /// The class of profiles written while the State was typed as text:
    /// whatever names a State is read as its code, so the profile's State
    /// and the request's `own_state` are picked from the same list;
    /// anything else stays as typed.
    #[test]
    fn a_profile_naming_its_state_by_name_or_lowercase_code_is_read_by_code() {
        for (typed, code) in [("fr", "FR"), (" France ", "FR"), ("Allemagne", "DE"), ("Kingdom of Norland", "XN"), ("Republic of Arden", "Republic of Arden")] {
            let text = format!(r#"{{"state":{}}}"#, serde_json::to_string(typed).unwrap());
            let profile = parse_own_state(&text, "p.json").unwrap();
            assert_eq!(profile.state, code, "{typed}");
            assert_eq!(Request::prefilled_from(&profile, RequestKind::MlaEvidence).own_state, code, "{typed}");
        }
    }

    #[test]
    fn a_profile_with_problems_is_refused_with_each() {
        let text = r#"{"state":"","drafting_language":"other","mla_law":["Act\u0007"]}"#;
        let Err(OwnStateError::Invalid { problems, .. }) = parse_own_state(text, "p.json") else { panic!("accepted") };
        let paths: Vec<&str> = problems.iter().map(|p| p.split(':').next().unwrap()).collect();
        assert_eq!(paths, ["$.state", "$.drafting_language_other", "$.mla_law[0]"]);
        let err = parse_own_state(r#"{"state":"Arden","instruments":["UNTOC"]}"#, "p.json").unwrap_err();
        assert!(matches!(&err, OwnStateError::Shape { path, .. } if path == "$.instruments[0]"), "{err}");
    }
}
