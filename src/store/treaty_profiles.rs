//! Treaty profiles (`treaty_profiles`: one row per profile, its JSON as
//! read by [`crate::request::treaty_profile`]), and the own-State profile
//! (`own_state_profile`: one row). A request keeps a copy of the treaty
//! profile it was made under, so editing or replacing a profile here never
//! changes a request.

use rusqlite::{params, OptionalExtension};
use time::OffsetDateTime;

use super::{sqlite_error, timestamp, Store, StoreError};
use crate::request::treaty_profile::problems;
use crate::request::TreatyProfile;

/// A stored treaty profile as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TreatyProfileSummary {
    /// Its identifier.
    pub id: String,
    /// The treaty's title.
    pub name: String,
    /// When it was last imported, RFC 3339 UTC.
    pub updated_at: String,
}

impl Store {
    /// Stores `profile` at time `at`, replacing a profile of the same id.
    /// Returns whether one was replaced. A profile with problems (see
    /// [`problems`]) is refused and nothing changes.
    pub fn put_treaty_profile(&mut self, profile: &TreatyProfile, at: OffsetDateTime) -> Result<bool, StoreError> {
        let problems = problems(profile);
        if !problems.is_empty() {
            return Err(StoreError::Unreadable { what: format!("treaty profile {:?}", profile.id), detail: problems.join("; ") });
        }
        let json = serde_json::to_string(profile).expect("a treaty profile serialises");
        let tx = self.begin()?;
        let path = tx.path().to_path_buf();
        let replaced = tx
            .connection()
            .query_row("SELECT 1 FROM treaty_profiles WHERE id = ?1", [&profile.id], |_| Ok(()))
            .optional()
            .map_err(|e| sqlite_error(&path, e))?
            .is_some();
        tx.connection()
            .execute(
                "INSERT INTO treaty_profiles (id, name, json, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json, updated_at = excluded.updated_at",
                params![profile.id, profile.name.trim(), json, timestamp(at)],
            )
            .map_err(|e| sqlite_error(&path, e))?;
        tx.commit()?;
        Ok(replaced)
    }

    /// Every stored treaty profile, by title.
    pub fn treaty_profiles(&self) -> Result<Vec<TreatyProfileSummary>, StoreError> {
        let mut statement = self
            .conn
            .prepare("SELECT id, name, updated_at FROM treaty_profiles ORDER BY name COLLATE NOCASE, id")
            .map_err(|e| self.sql(e))?;
        let rows = statement
            .query_map([], |row| Ok(TreatyProfileSummary { id: row.get(0)?, name: row.get(1)?, updated_at: row.get(2)? }))
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.sql(e))
    }

    /// The treaty profile `id`, if one is stored.
    pub fn treaty_profile(&self, id: &str) -> Result<Option<TreatyProfile>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM treaty_profiles WHERE id = ?1", [id], |row| row.get(0))
            .optional()
            .map_err(|e| self.sql(e))?;
        json.map(|json| {
            serde_json::from_str(&json).map_err(|e| StoreError::Unreadable { what: format!("treaty profile {id:?}"), detail: e.to_string() })
        })
        .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::TreatyTopic;

    fn profile() -> TreatyProfile {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/treaty-profiles/examplia-testland.json"));
        crate::request::treaty_profile::parse_treaty_profile(text, "example").unwrap()
    }

    #[test]
    fn a_profile_is_stored_listed_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
        let at = time::macros::datetime!(2026-11-27 10:00 UTC);
        assert!(store.treaty_profiles().unwrap().is_empty());
        let mut p = profile();
        assert!(!store.put_treaty_profile(&p, at).unwrap());
        p.articles.insert(TreatyTopic::Costs, "art. 19".into());
        assert!(store.put_treaty_profile(&p, at + time::Duration::hours(1)).unwrap(), "the same id replaces");
        let list = store.treaty_profiles().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].id.as_str(), list[0].updated_at.as_str()), ("examplia-testland-mla", "2026-11-27T11:00:00Z"));
        assert_eq!(store.treaty_profile("examplia-testland-mla").unwrap(), Some(p));
        assert_eq!(store.treaty_profile("nowhere").unwrap(), None);
    }

    #[test]
    fn an_invalid_profile_is_refused_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
        let mut p = profile();
        p.parties.truncate(1);
        let err = store.put_treaty_profile(&p, time::macros::datetime!(2026-11-27 10:00 UTC)).unwrap_err();
        assert!(err.to_string().contains("$.parties"), "{err}");
        assert!(store.treaty_profiles().unwrap().is_empty());
    }
}
