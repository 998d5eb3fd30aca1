//! A translation imported as a new draft: the translator's file applied to a
//! stored draft, and the result saved beside it.

use std::path::Path;

use thiserror::Error;

use super::{Draft, Store, StoreError};
use crate::translation::{self, ImportFileError};

/// Why a translation could not be imported as a new draft. Nothing was saved.
#[derive(Debug, Error)]
pub enum TranslatedDraftError {
    /// The draft could not be read, or the translation could not be saved.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file could not be read, or does not fit the draft.
    #[error(transparent)]
    File(#[from] ImportFileError),
}

impl Store {
    /// Imports the translator's XLIFF file at `path` into draft `id` as
    /// stored ([`translation::import_file`], with its size limit) and saves
    /// the translated request as a new draft, titled with its language
    /// (`… → Norland [fr]`, see [`super::draft_title`]). All or nothing: on
    /// any error nothing is saved, and draft `id` is never changed.
    pub fn import_translation(&mut self, id: &str, path: &Path) -> Result<Draft, TranslatedDraftError> {
        let stored = self.load_draft(id)?;
        let request = translation::import_file(&stored.request, path)?;
        let summary = self.create_draft(&request)?;
        Ok(Draft { summary, request })
    }
}
