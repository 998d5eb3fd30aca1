//! The own-State profile, kept as one setting (its JSON), and the new
//! request it prefills.

use rusqlite::OptionalExtension;

use super::{Store, StoreError};
use crate::request::own_state::{problems, OwnStateProfile};
use crate::request::{Request, RequestKind};

/// The setting that holds the profile's JSON.
const OWN_STATE_SETTING: &str = "own_state_profile";

impl Store {
    /// Stores the own-State profile, replacing the one before. A profile
    /// with problems is refused and nothing changes.
    pub fn set_own_state_profile(&mut self, profile: &OwnStateProfile) -> Result<(), StoreError> {
        let problems = problems(profile);
        if !problems.is_empty() {
            return Err(StoreError::Unreadable { what: "the own-State profile".into(), detail: problems.join("; ") });
        }
        let json = serde_json::to_string(profile).expect("a profile serialises");
        let tx = self.begin()?;
        super::settings::set_setting(tx.connection(), tx.path(), OWN_STATE_SETTING, &json)?;
        tx.commit()
    }

    /// The own-State profile, if one was set; one saved while the State
    /// was typed as text names it by code when the text names a State
    /// ([`OwnStateProfile::with_state_by_code`]).
    pub fn own_state_profile(&self) -> Result<Option<OwnStateProfile>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [OWN_STATE_SETTING], |row| row.get(0))
            .optional()
            .map_err(|e| self.sql(e))?;
        json.map(|json| {
            serde_json::from_str(&json)
                .map(OwnStateProfile::with_state_by_code)
                .map_err(|e| StoreError::Unreadable { what: "the own-State profile".into(), detail: e.to_string() })
        })
        .transpose()
    }

    /// A new request of `kind`: prefilled from the own-State profile when
    /// one is set, else empty.
    pub fn new_request(&self, kind: RequestKind) -> Result<Request, StoreError> {
        Ok(match self.own_state_profile()? {
            Some(profile) => Request::prefilled_from(&profile, kind),
            None => Request { kind, ..Request::default() },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::own_state::parse_own_state;

    #[test]
    fn new_requests_are_prefilled_once_a_profile_is_set() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
        assert_eq!(store.own_state_profile().unwrap(), None);
        assert_eq!(store.new_request(RequestKind::MlaEvidence).unwrap(), Request::default());
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/own-state/arden.json"));
        let profile = parse_own_state(text, "example").unwrap();
        store.set_own_state_profile(&profile).unwrap();
        let reopened = Store::open(&dir.path().join("db.sqlite3")).unwrap();
        assert_eq!(reopened.own_state_profile().unwrap().as_ref(), Some(&profile));
        assert_eq!(reopened.new_request(RequestKind::Preservation).unwrap(), Request::prefilled_from(&profile, RequestKind::Preservation));
        let mut bad = profile;
        bad.state.clear();
        assert!(store.set_own_state_profile(&bad).unwrap_err().to_string().contains("$.state"));
        assert_eq!(store.own_state_profile().unwrap().unwrap().state, "Republic of Arden", "the refused profile changed nothing");
    }

    /// The class of profiles saved while the State was typed as text: read
    /// back, a name or a lowercase code is the State's code, as the app's
    /// State list and the request's `own_state` hold it.
    #[test]
    fn a_stored_profile_naming_its_state_as_text_is_read_by_code() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
        for (typed, code) in [("ie", "IE"), ("Irlande", "IE"), ("Republic of Arden", "Republic of Arden")] {
            store.set_own_state_profile(&OwnStateProfile { state: typed.into(), ..OwnStateProfile::default() }).unwrap();
            assert_eq!(store.own_state_profile().unwrap().unwrap().state, code, "{typed}");
            assert_eq!(store.new_request(RequestKind::MlaEvidence).unwrap().own_state, code, "{typed}");
        }
    }
}
