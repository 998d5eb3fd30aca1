//! The revision lineage a package carries: every revision of the request on
//! the originator's side, with the SHA-256 of its canonical JSON, so both
//! sides can tell which revision a package answers and recognise it by its
//! digest.
//!
//! The canonical JSON is RFC 8785 (JSON Canonicalization Scheme): object
//! keys sorted, no insignificant whitespace, numbers and strings in one
//! spelling, so the same request gives the same bytes on any machine and
//! whatever order a JSON library keeps keys in.

use sha2::{Digest, Sha256};

use super::history;
use super::ConsultationError;
use crate::exchange::thread::{LineageEntry, RevisionOrigin};
use crate::request::Request;
use crate::store::StoreTransaction;

/// SHA-256 of the canonical JSON (RFC 8785) of the request as it is shared
/// ([`crate::request::addressee::shareable`]), lowercase hex.
pub fn request_digest(request: &Request) -> String {
    let shared = crate::request::addressee::shareable(request);
    let canonical = serde_json_canonicalizer::to_vec(shared.as_ref()).expect("a request always serialises");
    Sha256::digest(&canonical).iter().map(|b| format!("{b:02x}")).collect()
}

/// The lineage of draft `draft_id` from the store's revisions: each
/// revision's digest and time, and the package it was written from when a
/// suggestion carried it.
pub(super) fn of_draft(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<Vec<LineageEntry>, ConsultationError> {
    let from_packages = history::revisions_from_packages(tx, draft_id)?;
    tx.revisions(draft_id)?
        .into_iter()
        .map(|revision| {
            let request = tx.load_revision(draft_id, revision.number)?;
            let origin = match from_packages.iter().find(|(number, _)| *number == revision.number) {
                Some((_, package_id)) => RevisionOrigin::Package { package_id: package_id.clone() },
                None => RevisionOrigin::Local,
            };
            Ok(LineageEntry { revision: revision.number, sha256: request_digest(&request), at: revision.saved_at, origin })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_is_that_of_the_canonical_json_and_changes_with_the_request() {
        let request = crate::request::demo::example();
        let digest = request_digest(&request);
        assert_eq!(digest.len(), 64);
        assert!(digest.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        // The same request read back from its pretty, differently ordered JSON
        // has the same digest.
        let reread = crate::request::read::parse_request(&crate::request::read::to_json(&request), "x").unwrap();
        assert_eq!(request_digest(&reread), digest);
        let mut changed = request.clone();
        changed.facts.time_place.push('.');
        assert_ne!(request_digest(&changed), digest);
        // Canonical form: sorted keys, no whitespace.
        let canonical = String::from_utf8(serde_json_canonicalizer::to_vec(&request).unwrap()).unwrap();
        assert!(canonical.starts_with("{\"annex_labels\":null,\"attachments\":"), "{}", &canonical[..40]);
        let expected: String = Sha256::digest(canonical.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(digest, expected);
    }
}
