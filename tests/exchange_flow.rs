//! The consultation between two authorities, each with its own database on
//! disk: the originator in Arden sends a draft, the central authority of
//! Norland comments and suggests edits, the originator accepts, rejects and
//! merges, over two rounds. Packages go from one side to the other as the
//! package layer would hand them over once verified (an `Incoming` made from
//! the other side's `Outgoing`).

mod common;

use mla_writer::exchange::consultation::{
    self as consultation, Action, ConsultationError, HistoryEntry, Resolution, ReviewStatus, Role, SharedStatus, TrackedChange,
};
use mla_writer::exchange::consultation::merge::SpanKind;
use mla_writer::exchange::thread::{CommentKind, Outgoing, Participant, RevisionOrigin, SuggestionState};
use mla_writer::i18n::Lang;
use mla_writer::request::{ProceedingsNature, Request};
use mla_writer::store::Store;
use serde_json::json;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

/// One authority's copy of the app: its database and its identity.
struct Side {
    _dir: tempfile::TempDir,
    store: Store,
    me: Participant,
}

impl Side {
    fn new(me: Participant) -> Side {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("mla-writer.sqlite3")).unwrap();
        Side { _dir: dir, store, me }
    }

    fn history(&mut self, draft_id: &str) -> Vec<HistoryEntry> {
        consultation::history(&mut self.store, draft_id).unwrap()
    }
}

fn arden() -> Side {
    Side::new(common::anna_berg())
}

fn norland() -> Side {
    Side::new(common::bjorn_dahl())
}

/// The hour `n` of the consultation.
fn hour(n: i64) -> OffsetDateTime {
    datetime!(2026-03-02 09:00 UTC) + Duration::hours(n)
}

fn demo() -> Request {
    mla_writer::request::demo::example()
}

const SUBJECT_THEIRS: &str = "Investment fraud through a fictitious online trading platform and laundering of the proceeds in Norland";
const USES_THEIRS: &str = "Criminal investigation PPO-2026-0412 only.";
const TIME_PLACE_OURS: &str = "1 June to 1 October 2025, Arden City (Republic of Arden) and online";
const TIME_PLACE_THEIRS: &str = "1 June to 30 September 2025, Arden City (Republic of Arden), Bergen (Norland) and online";
const TIME_PLACE_MERGED: &str = "1 June to 1 October 2025, Arden City (Republic of Arden), Bergen (Norland) and online";

fn events(history: &[HistoryEntry], action: Action) -> Vec<&HistoryEntry> {
    history.iter().filter(|e| e.action == action).collect()
}

#[test]
fn two_rounds_end_with_exactly_the_accepted_changes_and_both_histories_show_them() {
    let (mut a, mut n) = (arden(), norland());
    let draft = a.store.create_draft(&demo()).unwrap().id;

    // Round 1: Arden sends.
    let out1 = consultation::send_for_consultation(&mut a.store, &draft, &a.me, &[n.me.clone()], "Draft for your comments", hour(0)).unwrap();
    assert_eq!((out1.round.sequence, out1.round.base_revision, out1.round.from_originator), (1, 1, true));
    assert_eq!(out1.round.request_id, draft);
    assert_eq!(out1.round.answers, None);
    assert_eq!(out1.lineage.len(), 1);
    assert_eq!(out1.lineage[0].sha256, consultation::request_digest(&demo()));
    let shared = consultation::shared_request(&mut a.store, &draft).unwrap().unwrap();
    assert_eq!((shared.role, shared.status), (Role::Originator, SharedStatus::InConsultation));

    // Norland takes it in: a new draft, marked as Arden's request.
    let report = consultation::take_in(&mut n.store, common::deliver(&out1, &a.me), &n.me, hour(1)).unwrap();
    assert!(report.created_draft);
    assert_eq!((report.role, report.round, report.revision), (Role::Counterpart, 1, 1));
    let copy = report.draft_id.clone();
    assert_eq!(n.store.load_draft(&copy).unwrap().request, demo());
    let theirs = consultation::shared_request(&mut n.store, &copy).unwrap().unwrap();
    assert_eq!((theirs.role, theirs.status, theirs.request_id.as_str()), (Role::Counterpart, SharedStatus::Received, draft.as_str()));
    assert_eq!(theirs.originator, a.me);

    // Norland comments and suggests three edits.
    let question = consultation::comment(
        &mut n.store,
        &copy,
        "persons.0.location",
        CommentKind::Question,
        "Do you have a street address in Bergen for Mr Brenner?",
        &n.me,
        hour(2),
    )
    .unwrap();
    let more_info = consultation::comment(
        &mut n.store,
        &copy,
        "facts.summary",
        CommentKind::AdditionalInformation,
        "Under UNTOC art. 18(16), please give the date and amount of each transfer to Fjordbank.",
        &n.me,
        hour(2),
    )
    .unwrap();
    let s1 = consultation::suggest(&mut n.store, &copy, "proc.subject_matter", json!(SUBJECT_THEIRS), "Our courts need the place.", &n.me, hour(3)).unwrap();
    let s2 = consultation::suggest(&mut n.store, &copy, "purpose.intended_uses", json!(USES_THEIRS), "", &n.me, hour(3)).unwrap();
    let s3 = consultation::suggest(&mut n.store, &copy, "facts.time_place", json!(TIME_PLACE_THEIRS), "Transfers went through Bergen.", &n.me, hour(3)).unwrap();
    assert_eq!((s1.base_revision, s1.base.clone()), (1, json!(demo().proc.subject_matter)));

    // Norland replies.
    let out2 = consultation::reply(&mut n.store, &copy, &n.me, "Our questions and suggestions", hour(4)).unwrap();
    assert_eq!(out2.round.answers.as_deref(), Some(out1.package_id.as_str()));
    assert_eq!((out2.round.sequence, out2.round.base_revision, out2.round.from_originator), (1, 1, false));
    assert_eq!((out2.thread.comments.len(), out2.thread.suggestions.len()), (2, 3));
    assert_eq!(consultation::shared_request(&mut n.store, &copy).unwrap().unwrap().status, SharedStatus::Replied);

    // Meanwhile Arden changes one of the fields Norland suggests an edit to.
    let mut ours = a.store.load_draft(&draft).unwrap().request;
    ours.facts.time_place = TIME_PLACE_OURS.into();
    assert_eq!(a.store.save_draft(&draft, &ours).unwrap().revision, 2);

    // Arden takes in the reply.
    let report = consultation::take_in(&mut a.store, common::deliver(&out2, &n.me), &a.me, hour(5)).unwrap();
    assert_eq!((report.role, report.round, report.comments_added, report.suggestions_added), (Role::Originator, 1, 2, 3));
    assert_eq!(consultation::shared_request(&mut a.store, &draft).unwrap().unwrap().status, SharedStatus::ReplyReceived);

    // The review: two tracked changes against the revision sent, and one
    // conflict that merges word by word.
    let review = consultation::review(&mut a.store, &draft, Lang::En).unwrap();
    assert_eq!(review.len(), 3);
    let r1 = review.iter().find(|r| r.suggestion.id == s1.id).unwrap();
    assert_eq!(r1.status, ReviewStatus::Clean);
    assert_eq!(r1.label, "What the case is about");
    let TrackedChange::Text { spans } = &r1.change else { panic!("a text change: {:?}", r1.change) };
    let inserted: String = spans.iter().filter(|s| s.kind == SpanKind::Inserted).map(|s| s.text.as_str()).collect();
    assert_eq!(inserted, " in Norland");
    assert!(spans.iter().all(|s| s.kind != SpanKind::Deleted));
    let r3 = review.iter().find(|r| r.suggestion.id == s3.id).unwrap();
    assert_eq!(r3.status, ReviewStatus::Conflict);
    let conflict = r3.conflict.as_ref().unwrap();
    assert_eq!((conflict.base.clone(), conflict.ours.clone(), conflict.theirs.clone()), (json!(demo().facts.time_place), json!(TIME_PLACE_OURS), json!(TIME_PLACE_THEIRS)));
    assert_eq!(conflict.merged, Some(json!(TIME_PLACE_MERGED)));
    assert!(conflict.overlaps.is_empty());

    // Accept one, reject another, merge the conflicting one.
    let accepted = consultation::accept(&mut a.store, &draft, &s1.id, Resolution::Theirs, &a.me, hour(6)).unwrap();
    assert_eq!((accepted.revision, accepted.changed, accepted.suggestion.state), (3, true, SuggestionState::Accepted));
    let rejected = consultation::reject(&mut a.store, &draft, &s2.id, &a.me, hour(6)).unwrap();
    assert_eq!((rejected.revision, rejected.changed, rejected.suggestion.state), (3, false, SuggestionState::Rejected));
    let merged = consultation::accept(&mut a.store, &draft, &s3.id, Resolution::Merged, &a.me, hour(6)).unwrap();
    assert_eq!(merged.revision, 4);
    assert_eq!(merged.suggestion.resolved_value, Some(json!(TIME_PLACE_MERGED)));
    // A suggestion is decided once.
    let again = consultation::accept(&mut a.store, &draft, &s1.id, Resolution::Theirs, &a.me, hour(6)).unwrap_err();
    assert!(matches!(again, ConsultationError::AlreadyDecided { .. }), "{again}");
    assert!(again.to_string().contains("already accepted by Anna Berg"), "{again}");
    assert!(matches!(consultation::reject(&mut a.store, &draft, &s2.id, &a.me, hour(6)), Err(ConsultationError::AlreadyDecided { .. })));
    assert!(consultation::review(&mut a.store, &draft, Lang::En).unwrap().is_empty());

    // Arden answers the question.
    let answer = consultation::answer(&mut a.store, &draft, &question.id, "No street address is known; he was last seen at Bryggen 4.", &a.me, hour(7)).unwrap();
    assert_eq!((answer.kind, answer.reply_to.as_deref(), answer.field.as_str()), (CommentKind::Answer, Some(question.id.as_str()), "persons.0.location"));

    // Round 2: Arden sends the revised draft.
    let out3 = consultation::send_for_consultation(&mut a.store, &draft, &a.me, &[n.me.clone()], "Revised draft", hour(8)).unwrap();
    assert_eq!((out3.round.sequence, out3.round.base_revision), (2, 4));
    assert_eq!(out3.round.answers.as_deref(), Some(out2.package_id.as_str()));
    let origins: Vec<RevisionOrigin> = out3.lineage.iter().map(|l| l.origin.clone()).collect();
    let from_reply = RevisionOrigin::Package { package_id: out2.package_id.clone() };
    assert_eq!(origins, vec![RevisionOrigin::Local, RevisionOrigin::Local, from_reply.clone(), from_reply]);

    let report = consultation::take_in(&mut n.store, common::deliver(&out3, &a.me), &n.me, hour(9)).unwrap();
    assert!(!report.created_draft);
    assert_eq!((report.draft_id.as_str(), report.round, report.revision), (copy.as_str(), 2, 2));
    assert_eq!((report.suggestions_decided, report.comments_added), (3, 1));
    assert_eq!(n.store.load_draft(&copy).unwrap().request, a.store.load_draft(&draft).unwrap().request);
    let thread = consultation::thread(&mut n.store, &copy).unwrap();
    let state = |id: &str| thread.suggestions.iter().find(|s| s.id == id).unwrap().state;
    assert_eq!((state(&s1.id), state(&s2.id), state(&s3.id)), (SuggestionState::Accepted, SuggestionState::Rejected, SuggestionState::Accepted));
    assert!(thread.comments.iter().any(|c| c.id == answer.id));

    // Norland resolves its question and suggests two more edits.
    consultation::resolve(&mut n.store, &copy, &question.id, &n.me, hour(10)).unwrap();
    let statement = demo().purpose.statement;
    let statement_theirs = statement.replace("who gave the instructions", "who gave the written instructions");
    let s4 = consultation::suggest(&mut n.store, &copy, "purpose.statement", json!(statement_theirs), "", &n.me, hour(10)).unwrap();
    let s5 = consultation::suggest(&mut n.store, &copy, "proc.nature", json!("prosecution"), "Charges were brought.", &n.me, hour(10)).unwrap();
    assert_eq!(s4.base_revision, 4);
    let out4 = consultation::reply(&mut n.store, &copy, &n.me, "Two more points", hour(11)).unwrap();
    assert_eq!((out4.round.sequence, out4.round.base_revision), (2, 4));
    assert_eq!(out4.round.answers.as_deref(), Some(out3.package_id.as_str()));

    // Meanwhile Arden rewrites the very words Norland changed.
    let mut ours = a.store.load_draft(&draft).unwrap().request;
    ours.purpose.statement = statement.replace("who gave the instructions", "who ordered");
    assert_eq!(a.store.save_draft(&draft, &ours).unwrap().revision, 5);

    let report = consultation::take_in(&mut a.store, common::deliver(&out4, &n.me), &a.me, hour(12)).unwrap();
    assert_eq!((report.round, report.suggestions_added, report.comments_resolved), (2, 2, 1));
    let review = consultation::review(&mut a.store, &draft, Lang::En).unwrap();
    let r4 = review.iter().find(|r| r.suggestion.id == s4.id).unwrap();
    assert_eq!(r4.status, ReviewStatus::Conflict);
    let conflict = r4.conflict.as_ref().unwrap();
    assert_eq!(conflict.merged, None);
    assert_eq!(conflict.overlaps.len(), 1);
    assert!(conflict.overlaps[0].ours.contains("ordered") && conflict.overlaps[0].theirs.contains("written"), "{:?}", conflict.overlaps);
    let r5 = review.iter().find(|r| r.suggestion.id == s5.id).unwrap();
    assert_eq!(r5.status, ReviewStatus::Clean);
    assert_eq!(r5.change, TrackedChange::Value { old: json!("investigation"), new: json!("prosecution") });

    // Overlapping changes do not merge: the user edits the value.
    let refused = consultation::accept(&mut a.store, &draft, &s4.id, Resolution::Merged, &a.me, hour(13)).unwrap_err();
    assert!(matches!(refused, ConsultationError::NoCleanMerge { conflicts: 1, .. }), "{refused}");
    let statement_final = statement.replace("who gave the instructions", "who ordered the transfers in writing");
    let edited = consultation::accept(&mut a.store, &draft, &s4.id, Resolution::Edited(json!(statement_final)), &a.me, hour(13)).unwrap();
    assert_eq!((edited.revision, edited.suggestion.resolved_value.clone()), (6, Some(json!(statement_final))));
    assert_eq!(consultation::accept(&mut a.store, &draft, &s5.id, Resolution::Theirs, &a.me, hour(13)).unwrap().revision, 7);

    // The final request holds exactly the accepted changes (and Arden's own).
    let mut expected = demo();
    expected.facts.time_place = TIME_PLACE_MERGED.into();
    expected.proc.subject_matter = SUBJECT_THEIRS.into();
    expected.purpose.statement = statement_final;
    expected.proc.nature = Some(ProceedingsNature::Prosecution);
    assert_eq!(a.store.load_draft(&draft).unwrap().request, expected);

    // Both histories show both rounds, who did what and from which package.
    let history = a.history(&draft);
    let sent: Vec<(u64, Option<String>)> = events(&history, Action::Sent).iter().map(|e| (e.round, e.package_id.clone())).collect();
    assert_eq!(sent, vec![(1, Some(out1.package_id.clone())), (2, Some(out3.package_id.clone()))]);
    let received: Vec<(u64, &str)> = events(&history, Action::Received).iter().map(|e| (e.round, e.actor.name.as_str())).collect();
    assert_eq!(received, vec![(1, "Bjørn Dahl"), (2, "Bjørn Dahl")]);
    type Accepted<'h> = (&'h str, u64, Option<&'h str>, Option<i64>, &'h str);
    let accepted: Vec<Accepted> = events(&history, Action::Accepted)
        .iter()
        .map(|e| (e.field.as_str(), e.round, e.package_id.as_deref(), e.revision, e.actor.name.as_str()))
        .collect();
    assert_eq!(
        accepted,
        vec![
            ("proc.subject_matter", 1, Some(out2.package_id.as_str()), Some(3), "Anna Berg"),
            ("facts.time_place", 1, Some(out2.package_id.as_str()), Some(4), "Anna Berg"),
            ("purpose.statement", 2, Some(out4.package_id.as_str()), Some(6), "Anna Berg"),
            ("proc.nature", 2, Some(out4.package_id.as_str()), Some(7), "Anna Berg"),
        ]
    );
    let rejected = events(&history, Action::Rejected);
    assert_eq!((rejected.len(), rejected[0].field.as_str()), (1, "purpose.intended_uses"));
    let commented = events(&history, Action::Commented);
    assert_eq!(commented.len(), 2);
    assert!(commented.iter().all(|e| e.actor == n.me && e.package_id.as_deref() == Some(out2.package_id.as_str()) && e.round == 1));
    assert_eq!(events(&history, Action::Suggested).len(), 5);
    let resolved = events(&history, Action::Resolved);
    assert_eq!((resolved.len(), resolved[0].actor.name.as_str(), resolved[0].package_id.as_deref()), (1, "Bjørn Dahl", Some(out4.package_id.as_str())));

    let history = n.history(&copy);
    let sent: Vec<(u64, Option<String>)> = events(&history, Action::Sent).iter().map(|e| (e.round, e.package_id.clone())).collect();
    assert_eq!(sent, vec![(1, Some(out2.package_id.clone())), (2, Some(out4.package_id.clone()))]);
    let received: Vec<u64> = events(&history, Action::Received).iter().map(|e| e.round).collect();
    assert_eq!(received, vec![1, 2]);
    let updated = events(&history, Action::Updated);
    assert_eq!((updated.len(), updated[0].revision, updated[0].package_id.as_deref()), (1, Some(2), Some(out3.package_id.as_str())));
    let decided: Vec<(Action, &str, &str, u64)> = history
        .iter()
        .filter(|e| matches!(e.action, Action::Accepted | Action::Rejected))
        .map(|e| (e.action, e.field.as_str(), e.actor.name.as_str(), e.round))
        .collect();
    assert_eq!(
        decided,
        vec![
            (Action::Accepted, "proc.subject_matter", "Anna Berg", 2),
            (Action::Rejected, "purpose.intended_uses", "Anna Berg", 2),
            (Action::Accepted, "facts.time_place", "Anna Berg", 2),
        ]
    );
    let answered = events(&history, Action::Answered);
    assert_eq!((answered.len(), answered[0].actor.name.as_str()), (1, "Anna Berg"));
    assert_eq!(events(&history, Action::Commented).len(), 2);
    let thread = consultation::thread(&mut a.store, &draft).unwrap();
    let info = thread.comments.iter().find(|c| c.id == more_info.id).unwrap();
    assert_eq!((info.kind, info.field.as_str(), info.resolved.clone()), (CommentKind::AdditionalInformation, "facts.summary", None));

    // Replays are refused on both sides, and change nothing.
    let before = a.history(&draft).len();
    let replay = consultation::take_in(&mut a.store, common::deliver(&out2, &n.me), &a.me, hour(14)).unwrap_err();
    assert!(matches!(replay, ConsultationError::Replayed { .. }), "{replay}");
    assert!(replay.to_string().contains(&out2.package_id), "{replay}");
    assert!(matches!(consultation::take_in(&mut n.store, common::deliver(&out1, &a.me), &n.me, hour(14)), Err(ConsultationError::Replayed { .. })));
    assert_eq!(a.history(&draft).len(), before);

    // A package of Arden's coming back to Arden is not taken in.
    assert!(matches!(consultation::take_in(&mut a.store, common::deliver(&out3, &n.me), &a.me, hour(14)), Err(ConsultationError::OwnPackage(_))));

    // Stale: a fresh package whose sequence is not above the last one.
    let mut stale = common::deliver(&out3, &a.me);
    stale.package_id = uuid::Uuid::new_v4().to_string();
    stale.round.sequence = 1;
    let err = consultation::take_in(&mut n.store, stale, &n.me, hour(14)).unwrap_err();
    assert!(matches!(err, ConsultationError::Stale { .. }), "{err}");
    assert!(err.to_string().contains("sequence number 1 is not above 2"), "{err}");

    // Stale: a reply to round 1 after a reply to round 2 was taken in.
    let mut old_round = common::deliver(&out2, &n.me);
    old_round.package_id = uuid::Uuid::new_v4().to_string();
    old_round.round.sequence = 3;
    let err = consultation::take_in(&mut a.store, old_round, &a.me, hour(14)).unwrap_err();
    assert!(err.to_string().contains("it answers round 1, but a reply to round 2 was already taken in"), "{err}");
    assert_eq!(a.history(&draft).len(), before);
}

/// Arden has sent its draft and Norland has taken it in.
fn shared_pair() -> (Side, Side, String, String, Outgoing) {
    let (mut a, mut n) = (arden(), norland());
    let draft = a.store.create_draft(&demo()).unwrap().id;
    let out = consultation::send_for_consultation(&mut a.store, &draft, &a.me, &[n.me.clone()], "", hour(0)).unwrap();
    let copy = consultation::take_in(&mut n.store, common::deliver(&out, &a.me), &n.me, hour(1)).unwrap().draft_id;
    (a, n, draft, copy, out)
}

#[test]
fn a_reply_with_an_invalid_suggestion_is_refused_whole_and_stores_nothing() {
    let (mut a, mut n, draft, copy, _) = shared_pair();
    consultation::comment(&mut n.store, &copy, "", CommentKind::Remark, "Our law requires a court order.", &n.me, hour(2)).unwrap();
    consultation::suggest(&mut n.store, &copy, "facts.time_place", json!("2025, Arden"), "", &n.me, hour(2)).unwrap();
    let reply = consultation::reply(&mut n.store, &copy, &n.me, "", hour(3)).unwrap();

    let mut tampered = common::deliver(&reply, &n.me);
    let mut bad = tampered.thread.suggestions[0].clone();
    bad.id = uuid::Uuid::new_v4().to_string();
    bad.field = "persons.9.family_name".into();
    tampered.thread.suggestions.push(bad.clone());
    let err = consultation::take_in(&mut a.store, tampered, &a.me, hour(4)).unwrap_err();
    assert!(matches!(err, ConsultationError::InvalidPackage { .. }), "{err}");
    assert!(err.to_string().contains(&format!("suggestion {} on `persons.9.family_name`", bad.id)), "{err}");

    // Nothing of it was kept: no comment, no suggestion, no package, no event.
    assert_eq!(consultation::thread(&mut a.store, &draft).unwrap(), Default::default());
    assert_eq!(events(&a.history(&draft), Action::Received).len(), 0);
    assert_eq!(consultation::packages(&mut a.store, &draft).unwrap().len(), 1);
    assert_eq!(consultation::shared_request(&mut a.store, &draft).unwrap().unwrap().status, SharedStatus::InConsultation);

    // A value the request model refuses, a suggestion by someone other than
    // the sender, or a decision the counterpart cannot make are refused too.
    let mut wrong_value = common::deliver(&reply, &n.me);
    wrong_value.thread.suggestions[0].proposed = json!(42);
    wrong_value.thread.suggestions[0].base = json!(demo().facts.time_place);
    let err = consultation::take_in(&mut a.store, wrong_value, &a.me, hour(4)).unwrap_err();
    assert!(err.to_string().contains("the value is refused"), "{err}");
    let mut forged = common::deliver(&reply, &n.me);
    forged.thread.comments[0].author = a.me.clone();
    let err = consultation::take_in(&mut a.store, forged, &a.me, hour(4)).unwrap_err();
    assert!(err.to_string().contains("not by the sender Bjørn Dahl"), "{err}");
    let mut decided = common::deliver(&reply, &n.me);
    decided.thread.suggestions[0].state = SuggestionState::Accepted;
    let err = consultation::take_in(&mut a.store, decided, &a.me, hour(4)).unwrap_err();
    assert!(err.to_string().contains("only the originator decides"), "{err}");
    let mut other_request = common::deliver(&reply, &n.me);
    other_request.request.facts.time_place = "changed on the way".into();
    let err = consultation::take_in(&mut a.store, other_request, &a.me, hour(4)).unwrap_err();
    assert!(err.to_string().contains("is not revision 1 as sent"), "{err}");

    // The genuine reply still goes in afterwards.
    let report = consultation::take_in(&mut a.store, common::deliver(&reply, &n.me), &a.me, hour(5)).unwrap();
    assert_eq!((report.comments_added, report.suggestions_added), (1, 1));
}

#[test]
fn a_first_package_that_does_not_fit_creates_no_draft() {
    let (mut a, mut n) = (arden(), norland());
    let draft = a.store.create_draft(&demo()).unwrap().id;
    let out = consultation::send_for_consultation(&mut a.store, &draft, &a.me, &[n.me.clone()], "", hour(0)).unwrap();

    let mut bad = common::deliver(&out, &a.me);
    bad.thread.comments.push(mla_writer::exchange::thread::Comment {
        id: uuid::Uuid::new_v4().to_string(),
        field: "facts.nonsense".into(),
        kind: CommentKind::Remark,
        text: "x".into(),
        author: a.me.clone(),
        at: "2026-03-02T09:00:00Z".into(),
        reply_to: None,
        resolved: None,
    });
    let err = consultation::take_in(&mut n.store, bad, &n.me, hour(1)).unwrap_err();
    assert!(err.to_string().contains("field `facts.nonsense`"), "{err}");
    assert!(n.store.list_drafts().unwrap().is_empty());
    assert!(consultation::shared_requests(&mut n.store).unwrap().is_empty());

    let mut wrong_digest = common::deliver(&out, &a.me);
    wrong_digest.request.req_state = "Vestria".into();
    let err = consultation::take_in(&mut n.store, wrong_digest, &n.me, hour(1)).unwrap_err();
    assert!(err.to_string().contains("does not match the digest of revision 1"), "{err}");
    assert!(n.store.list_drafts().unwrap().is_empty());

    consultation::take_in(&mut n.store, common::deliver(&out, &a.me), &n.me, hour(1)).unwrap();
    assert_eq!(n.store.list_drafts().unwrap().len(), 1);
}

#[test]
fn suggestions_name_a_wizard_field_with_a_value_the_model_accepts_and_only_the_counterpart_makes_them() {
    let (mut a, mut n, draft, copy, _) = shared_pair();
    let err = consultation::suggest(&mut n.store, &copy, "persons.5.family_name", json!("X"), "", &n.me, hour(2)).unwrap_err();
    assert!(err.to_string().starts_with("field `persons.5.family_name`"), "{err}");
    let err = consultation::suggest(&mut n.store, &copy, "format_version", json!(1), "", &n.me, hour(2)).unwrap_err();
    assert!(matches!(err, ConsultationError::UnknownField { .. }), "{err}");
    let err = consultation::suggest(&mut n.store, &copy, "proc.nature", json!("inquisition"), "", &n.me, hour(2)).unwrap_err();
    assert!(err.to_string().contains("unknown variant `inquisition`"), "{err}");
    let err = consultation::suggest(&mut n.store, &copy, "facts.time_place", json!(demo().facts.time_place), "", &n.me, hour(2)).unwrap_err();
    assert!(err.to_string().contains("already has this value"), "{err}");
    let err = consultation::suggest(&mut a.store, &draft, "facts.time_place", json!("x"), "", &a.me, hour(2)).unwrap_err();
    assert!(matches!(err, ConsultationError::WrongSide { .. }), "{err}");
    let s = consultation::suggest(&mut n.store, &copy, "persons.0.location", json!("Bryggen 4, Bergen"), "", &n.me, hour(2)).unwrap();
    let err = consultation::accept(&mut n.store, &copy, &s.id, Resolution::Theirs, &n.me, hour(3)).unwrap_err();
    assert!(matches!(err, ConsultationError::WrongSide { .. }), "{err}");
    let err = consultation::reply(&mut a.store, &draft, &a.me, "", hour(3)).unwrap_err();
    assert!(matches!(err, ConsultationError::WrongSide { .. }), "{err}");
    let unshared = a.store.create_draft(&demo()).unwrap().id;
    let err = consultation::comment(&mut a.store, &unshared, "", CommentKind::Remark, "x", &a.me, hour(3)).unwrap_err();
    assert!(matches!(err, ConsultationError::NotShared(_)), "{err}");
}

#[test]
fn a_suggestion_whose_field_was_removed_is_reported_and_can_only_be_rejected() {
    let (mut a, mut n, draft, copy, _) = shared_pair();
    let s = consultation::suggest(&mut n.store, &copy, "persons.0.location", json!("Bryggen 4, Bergen"), "", &n.me, hour(2)).unwrap();
    let reply = consultation::reply(&mut n.store, &copy, &n.me, "", hour(3)).unwrap();
    consultation::take_in(&mut a.store, common::deliver(&reply, &n.me), &a.me, hour(4)).unwrap();
    let mut ours = a.store.load_draft(&draft).unwrap().request;
    ours.persons.clear();
    a.store.save_draft(&draft, &ours).unwrap();

    let review = consultation::review(&mut a.store, &draft, Lang::Fr).unwrap();
    assert_eq!((review[0].status, review[0].current.clone()), (ReviewStatus::FieldMissing, None));
    let err = consultation::accept(&mut a.store, &draft, &s.id, Resolution::Theirs, &a.me, hour(5)).unwrap_err();
    assert!(matches!(err, ConsultationError::FieldGone { revision: 2, .. }), "{err}");
    assert!(err.to_string().contains("`persons.0.location` no longer exists"), "{err}");
    assert_eq!(consultation::reject(&mut a.store, &draft, &s.id, &a.me, hour(5)).unwrap().suggestion.state, SuggestionState::Rejected);
}

#[test]
fn comments_are_answered_once_resolved_once_and_an_answer_names_a_comment() {
    let (mut a, mut n, draft, copy, _) = shared_pair();
    let c = consultation::comment(&mut n.store, &copy, "", CommentKind::Question, "Is a hearing by video possible?", &n.me, hour(2)).unwrap();
    let err = consultation::comment(&mut n.store, &copy, "", CommentKind::Answer, "x", &n.me, hour(2)).unwrap_err();
    assert!(err.to_string().contains("write it with `answer`"), "{err}");
    let err = consultation::comment(&mut n.store, &copy, "", CommentKind::Remark, "   ", &n.me, hour(2)).unwrap_err();
    assert!(err.to_string().contains("needs some text"), "{err}");
    assert!(matches!(
        consultation::answer(&mut n.store, &copy, "no-such-comment", "x", &n.me, hour(2)),
        Err(ConsultationError::CommentNotFound { .. })
    ));
    consultation::resolve(&mut n.store, &copy, &c.id, &n.me, hour(3)).unwrap();
    let err = consultation::resolve(&mut n.store, &copy, &c.id, &n.me, hour(3)).unwrap_err();
    assert!(err.to_string().contains("already resolved by Bjørn Dahl"), "{err}");

    // The resolution travels with the comment.
    let reply = consultation::reply(&mut n.store, &copy, &n.me, "", hour(4)).unwrap();
    consultation::take_in(&mut a.store, common::deliver(&reply, &n.me), &a.me, hour(5)).unwrap();
    let thread = consultation::thread(&mut a.store, &draft).unwrap();
    assert_eq!(thread.comments[0].resolved.as_ref().unwrap().by, n.me);
}

#[test]
fn the_reading_copy_lists_comments_under_their_field_labels_and_keeps_typed_text_literal() {
    let (_a, mut n, _draft, copy, _) = shared_pair();
    let hostile = "::h1 Injected heading\n<img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">x</a> \u{202E}evil\u{202C} | ::row a | b";
    let c = consultation::comment(&mut n.store, &copy, "persons.0.location", CommentKind::Question, hostile, &n.me, hour(2)).unwrap();
    consultation::answer(&mut n.store, &copy, &c.id, "An answer.", &n.me, hour(3)).unwrap();
    consultation::suggest(&mut n.store, &copy, "proc.nature", json!("trial"), "::h2 Not a section", &n.me, hour(3)).unwrap();
    let thread = consultation::thread(&mut n.store, &copy).unwrap();
    let request = n.store.load_draft(&copy).unwrap().request;

    let plain = mla_writer::export::document(&request, Lang::En).unwrap();
    let doc = consultation::comments_document(&request, &thread, Lang::En).unwrap();
    use mla_writer::document::Block;
    let headings = |blocks: &[Block]| blocks.iter().filter(|b| matches!(b, Block::Heading { .. })).count();
    // Exactly two headings more than the request: the comments and the suggestions.
    assert_eq!(headings(&doc.blocks), headings(&plain.blocks) + 2);
    let annex = &doc.blocks[plain.blocks.len()..];
    assert_eq!(annex[0], Block::Heading { level: 2, number: None, text: "Comments of the consultation".into() });
    let Block::Item { number: 1, lines } = &annex[1] else { panic!("{:?}", annex[1]) };
    assert!(lines[0].starts_with("Person 1: Address or whereabouts – Question – Bjørn Dahl, Central Authority"), "{}", lines[0]);
    assert!(lines[0].ends_with("2 March 2026, 11:00 UTC"), "{}", lines[0]);
    assert_eq!(lines[1..].join("\n"), hostile);
    assert!(matches!(&annex[2], Block::Paragraph { lines } if lines[0].starts_with("Answer by Bjørn Dahl") && lines[1] == "An answer."));
    assert!(annex.iter().any(|b| matches!(b, Block::Field { label, lines } if label == "Reason" && lines == &vec!["::h2 Not a section".to_string()])));

    // In French, the labels and words are French.
    let fr = consultation::comments_document(&request, &thread, Lang::Fr).unwrap();
    assert!(fr.blocks.iter().any(|b| matches!(b, Block::Heading { text, .. } if text == "Commentaires de la consultation")));

    // The reading copy as a PDF: the typed text reads back literally.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("reading-copy.pdf");
    std::fs::write(&pdf, consultation::reading_copy_pdf(&mut n.store, &copy, Some(Lang::En), hour(0)).unwrap()).unwrap();
    let out = std::process::Command::new("pdftotext").args([pdf.to_str().unwrap(), "-"]).output().expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&out.stdout);
    for literal in ["::h1 Injected heading", "onerror=alert(1)", "javascript:alert(1)", "::row a | b", "::h2 Not a section"] {
        assert!(text.contains(literal), "{literal:?} is not in the PDF text");
    }
}

#[test]
fn a_reply_from_someone_the_draft_was_not_sent_to_and_a_package_from_another_originator_are_refused() {
    let (mut a, mut n, draft, copy, out) = shared_pair();
    // The package reaches a third authority, which replies.
    let mut v = Side::new(Participant {
        fingerprint: "VESTRIA-55AA-0C17".into(),
        name: "Vera Lind".into(),
        authority: "Prosecutor General of Vestria".into(),
    });
    let their_copy = consultation::take_in(&mut v.store, common::deliver(&out, &a.me), &v.me, hour(1)).unwrap().draft_id;
    consultation::comment(&mut v.store, &their_copy, "", CommentKind::Remark, "We have a parallel case.", &v.me, hour(2)).unwrap();
    let reply = consultation::reply(&mut v.store, &their_copy, &v.me, "", hour(3)).unwrap();
    let err = consultation::take_in(&mut a.store, common::deliver(&reply, &v.me), &a.me, hour(4)).unwrap_err();
    assert!(err.to_string().contains("Vera Lind (VESTRIA-55AA-0C17) was not among the recipients of package"), "{err}");
    assert_eq!(consultation::thread(&mut a.store, &draft).unwrap(), Default::default());

    // Someone else sends Norland a package for the same request.
    let mut impostor = common::deliver(&out, &v.me);
    impostor.package_id = uuid::Uuid::new_v4().to_string();
    impostor.round.sequence = 2;
    let err = consultation::take_in(&mut n.store, impostor, &n.me, hour(4)).unwrap_err();
    assert!(err.to_string().contains("but request") && err.to_string().contains("was shared by Anna Berg"), "{err}");
    assert_eq!(n.history(&copy).len(), 1);

    // A reply naming a package that was never sent.
    let own = consultation::reply(&mut n.store, &copy, &n.me, "", hour(5)).unwrap();
    let mut unknown = common::deliver(&own, &n.me);
    unknown.round.answers = Some(uuid::Uuid::new_v4().to_string());
    let err = consultation::take_in(&mut a.store, unknown, &a.me, hour(6)).unwrap_err();
    assert!(err.to_string().contains("which this side did not send"), "{err}");
}

#[test]
fn the_overview_of_a_draft_holds_its_consultation_and_is_empty_for_a_draft_never_shared() {
    let (mut a, mut n, draft, copy, out) = shared_pair();
    let alone = a.store.create_draft(&demo()).unwrap().id;
    let empty = consultation::overview(&mut a.store, &alone, Lang::En).unwrap();
    assert_eq!((empty.shared, empty.thread.comments.len(), empty.reviews.len(), empty.history.len(), empty.packages.len()), (None, 0, 0, 0, 0));

    consultation::comment(&mut n.store, &copy, "facts.summary", CommentKind::Question, "Which court?", &n.me, hour(2)).unwrap();
    consultation::suggest(&mut n.store, &copy, "proc.subject_matter", json!(SUBJECT_THEIRS), "Clearer", &n.me, hour(2)).unwrap();
    let counterpart = consultation::overview(&mut n.store, &copy, Lang::Fr).unwrap();
    assert_eq!(counterpart.shared.as_ref().map(|s| s.role), Some(Role::Counterpart));
    assert_eq!((counterpart.thread.comments.len(), counterpart.thread.suggestions.len()), (1, 1));
    assert_eq!(counterpart.packages.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), [out.package_id.as_str()]);

    let reply = consultation::reply(&mut n.store, &copy, &n.me, "Our comments", hour(3)).unwrap();
    consultation::take_in(&mut a.store, common::deliver(&reply, &n.me), &a.me, hour(4)).unwrap();
    let originator = consultation::overview(&mut a.store, &draft, Lang::Fr).unwrap();
    assert_eq!(originator.shared.as_ref().map(|s| s.status), Some(SharedStatus::ReplyReceived));
    assert_eq!(originator.reviews.len(), 1);
    // Labelled in the language asked for.
    assert_eq!(originator.reviews[0].label, consultation::field_label("proc.subject_matter", Lang::Fr));
    assert_eq!(originator.packages.len(), 2);
    assert!(originator.history.iter().any(|e| e.action == Action::Suggested));
}

/// Directory entries from a source with restricted access never leave the
/// app: a request carrying a copy of one travels without it, the reply is
/// still taken in (the digests are those of the request as shared), and the
/// originator's own copy keeps its entry.
#[test]
fn a_restricted_directory_entry_does_not_travel_in_a_package_and_the_reply_is_still_taken_in() {
    use mla_writer::directory::{Redistribution, StateEntry};
    let (mut a, mut n) = (arden(), norland());
    let mut request = demo();
    request.req_state_entry = Some(StateEntry {
        state_id: "XN".into(),
        name: request.req_state.clone(),
        fictitious: true,
        notes: "Practice note from a restricted source".into(),
        redistribution: Redistribution::Restricted,
        ..StateEntry::default()
    });
    let draft = a.store.create_draft(&request).unwrap().id;
    let out = consultation::send_for_consultation(&mut a.store, &draft, &a.me, &[n.me.clone()], "Draft", hour(0)).unwrap();
    assert_eq!(out.request.req_state_entry, None, "the restricted entry stays home");
    assert!(!serde_json::to_string(&out.request).unwrap().contains("restricted source"));
    let report = consultation::take_in(&mut n.store, common::deliver(&out, &a.me), &n.me, hour(1)).unwrap();
    let reply = consultation::reply(&mut n.store, &report.draft_id, &n.me, "No comments", hour(2)).unwrap();
    assert_eq!(reply.request.req_state_entry, None);
    consultation::take_in(&mut a.store, common::deliver(&reply, &n.me), &a.me, hour(3)).unwrap();
    assert_eq!(a.store.load_draft(&draft).unwrap().request.req_state_entry, request.req_state_entry, "our copy keeps its entry");

    // An open entry travels with the request.
    let mut open = demo();
    open.req_state_entry = Some(StateEntry { redistribution: Redistribution::Open, ..request.req_state_entry.clone().unwrap() });
    let draft = a.store.create_draft(&open).unwrap().id;
    let out = consultation::send_for_consultation(&mut a.store, &draft, &a.me, &[n.me.clone()], "Draft", hour(4)).unwrap();
    assert_eq!(out.request.req_state_entry, open.req_state_entry);
}
