//! Everything the app shows of one draft's consultation, read at once: who
//! takes part and where it stands, the comments and suggestions, the open
//! suggestions ready for review, the history and the packages.

use serde::Serialize;
use ts_rs::TS;

use super::{history, packages, review, shared_request, thread, ConsultationError, HistoryEntry, PackageRecord, SharedRequest, SuggestionReview};
use crate::exchange::thread::Thread;
use crate::i18n::Lang;
use crate::store::Store;

/// One draft's consultation as the app shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Overview {
    /// The consultation, or none when the draft was never shared.
    pub shared: Option<SharedRequest>,
    /// Every comment and suggestion, oldest first.
    pub thread: Thread,
    /// The open suggestions against the request as it is now, labelled.
    pub reviews: Vec<SuggestionReview>,
    /// Who did what, when, and from which package.
    pub history: Vec<HistoryEntry>,
    /// The packages sent and taken in, oldest first.
    pub packages: Vec<PackageRecord>,
}

/// The consultation of draft `draft_id`, field labels in `lang`; for a draft
/// that was never shared, an overview with nothing in it.
pub fn overview(store: &mut Store, draft_id: &str, lang: Lang) -> Result<Overview, ConsultationError> {
    let shared = shared_request(store, draft_id)?;
    let thread = thread(store, draft_id)?;
    let history = history(store, draft_id)?;
    let (reviews, packages) = match shared {
        Some(_) => (review(store, draft_id, lang)?, packages(store, draft_id)?),
        None => (Vec::new(), Vec::new()),
    };
    Ok(Overview { shared, thread, reviews, history, packages })
}
