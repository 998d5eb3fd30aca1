//! "Create follow-up": from an expedited preservation request, the MLA
//! request that must follow it (Budapest art. 29(2)(f), 31(1)), carrying over
//! what both share and the preservation reference.

use crate::request::mla::{StoredData};
use crate::request::preservation::FollowUpMeasure;
use crate::request::mla::DataMeasure;
use crate::request::{Module, Request, RequestKind, FORMAT_VERSION};

/// Why a follow-up cannot be created.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FollowUpError {
    /// Only a preservation request has a follow-up MLA request.
    #[error("a follow-up MLA request can only be created from a preservation request, not from a request of kind `{0}`")]
    NotPreservation(String),
}

/// The MLA request for stored data that follows a preservation request.
pub fn from_preservation(p: &Request) -> Result<Request, FollowUpError> {
    if p.kind != RequestKind::Preservation {
        return Err(FollowUpError::NotPreservation(p.kind.key().to_string()));
    }
    let pres = &p.preservation;
    // The references travel as they are, with no word of any language: the
    // new request's template words them in its own language.
    let reference = if pres.preservation_ref.trim().is_empty() {
        p.req_auth.ref_no.trim().to_string()
    } else {
        pres.preservation_ref.trim().to_string()
    };
    let measure = pres.mla_intent_measure.map(|m| match m {
        FollowUpMeasure::SearchAccess | FollowUpMeasure::SeizeSecure => DataMeasure::SearchSeizure,
        FollowUpMeasure::Disclose => DataMeasure::Disclosure,
    });
    let stored_data = pres
        .data
        .iter()
        .map(|data| StoredData {
            provider: pres.custodian.clone(),
            data: data.clone(),
            preservation_ref: reference.clone(),
            measure,
            no_user_notice: pres.no_user_notice,
            relevance: pres.data_relationship.clone(),
            ..StoredData::default()
        })
        .collect();
    let mut r = Request {
        format_version: FORMAT_VERSION,
        kind: RequestKind::MlaEvidence,
        case: p.case.clone(),
        req_auth: p.req_auth.clone(),
        own_central_auth: p.own_central_auth.clone(),
        req_state: p.req_state.clone(),
        basis: p.basis.clone(),
        lang: p.lang.clone(),
        translation: p.translation.clone(),
        proc: p.proc.clone(),
        facts: p.facts.clone(),
        offences: p.offences.clone(),
        persons: p.persons.clone(),
        conf: p.conf.clone(),
        ..Request::default()
    };
    if r.facts.summary.trim().is_empty() {
        r.facts.summary = p.facts.brief.clone();
    }
    r.req_auth.ref_no.clear();
    r.mla.modules = vec![Module::StoredData];
    r.mla.follows_preservation = true;
    r.mla.stored_data = stored_data;
    r.consult.preservation_ref = reference;
    r.consult.preserved_at = pres.preserved_at.trim().to_string();
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preservation() -> Request {
        crate::request::read::parse_request(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/preservation-ransomware-arden-vestria.json")), "example").unwrap()
    }

    #[test]
    fn follow_up_carries_the_data_offences_and_reference() {
        let mut p = preservation();
        p.preservation.preservation_ref = "VST-24/7-2026-118".into();
        p.preservation.preserved_at = "2026-11-21".into();
        let r = from_preservation(&p).unwrap();
        assert_eq!(r.kind, RequestKind::MlaEvidence);
        assert!(r.mla.follows_preservation);
        assert_eq!(r.mla.modules, vec![Module::StoredData]);
        assert_eq!(r.consult.preservation_ref, "VST-24/7-2026-118");
        assert_eq!(r.consult.preserved_at, "2026-11-21");
        assert_eq!(r.mla.stored_data[0].preservation_ref, "VST-24/7-2026-118");
        assert_eq!(r.mla.stored_data.len(), p.preservation.data.len());
        assert_eq!(r.mla.stored_data[0].data, p.preservation.data[0]);
        assert_eq!(r.mla.stored_data[0].measure, Some(DataMeasure::Disclosure));
        assert_eq!(r.offences, p.offences);
        assert_eq!(r.facts.summary, p.facts.brief);
        assert_eq!(r.req_state, p.req_state);
    }

    #[test]
    fn only_a_preservation_request_has_a_follow_up() {
        let mut p = preservation();
        p.kind = RequestKind::TransferOfProceedings;
        assert!(matches!(from_preservation(&p), Err(FollowUpError::NotPreservation(_))));
    }
}
