//! The case register on a real SQLite file: what each save derives (status,
//! State, deadlines), the list with its filters, sort and pages, the
//! dashboard on a given day, links between requests, and `mla register`.

mod common;

use std::path::Path;

use mla_writer::request::deadlines::DueKind;
use mla_writer::request::{Request, RequestKind, RequestStatus, StatusChange};
use mla_writer::store::{LinkKind, RegisterColumn, RegisterQuery, Store, StoreError};
use time::macros::{date, datetime};

/// A request to `state` of `kind` for case `case`, with no dates.
fn request(case: &str, state: &str, kind: RequestKind) -> Request {
    let mut r = Request { kind, ..Request::default() };
    r.case.internal_ref = case.into();
    r.req_state = state.into();
    r
}

fn change(status: RequestStatus, date: &str, reference: &str) -> StatusChange {
    StatusChange { status: Some(status), date: date.into(), counterpart_ref: reference.into(), note: "by e-mail".into() }
}

fn ids(page: &mla_writer::store::RegisterPage) -> Vec<String> {
    page.entries.iter().map(|e| e.title.split(" → ").next().unwrap().to_string()).collect()
}

#[test]
fn a_change_of_status_is_a_revision_and_the_register_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.sqlite3");
    let id = {
        let mut store = Store::open(&path).unwrap();
        let id = store.create_draft(&request("ARD-1", "Norland", RequestKind::MlaEvidence)).unwrap().id;
        let receipt = store.set_status(&id, change(RequestStatus::Sent, "2026-11-02", "")).unwrap();
        assert_eq!(receipt.revision, 2);
        store.set_status(&id, change(RequestStatus::AdditionalInformationRequested, "2026-11-20", "NOR-2026-77")).unwrap();
        id
    };
    let store = Store::open(&path).unwrap();
    let draft = store.load_draft(&id).unwrap();
    assert_eq!(draft.summary.revision, 3);
    let log = &draft.request.consult.status_log;
    assert_eq!(log.iter().map(|c| c.status.unwrap()).collect::<Vec<_>>(), [RequestStatus::Sent, RequestStatus::AdditionalInformationRequested]);
    assert_eq!((log[1].counterpart_ref.as_str(), log[1].note.as_str()), ("NOR-2026-77", "by e-mail"));
    let page = store.register_page(&RegisterQuery::default()).unwrap();
    let entry = &page.entries[0];
    assert_eq!((entry.status, entry.status_date.as_str(), entry.counterpart_ref.as_str()), (RequestStatus::AdditionalInformationRequested, "2026-11-20", "NOR-2026-77"));
    assert_eq!((entry.kind, entry.req_state.as_str()), (RequestKind::MlaEvidence, "Norland"));
    // The derived columns are in the file itself, beside the document.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (status, state): (String, String) =
        conn.query_row("SELECT status, req_state FROM drafts WHERE id = ?1", [&id], |row| Ok((row.get(0)?, row.get(1)?))).unwrap();
    assert_eq!((status.as_str(), state.as_str()), ("additional_information_requested", "Norland"));
}

#[test]
fn a_change_of_status_without_a_valid_date_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.sqlite3")).unwrap();
    let id = store.create_draft(&request("ARD-1", "Norland", RequestKind::MlaEvidence)).unwrap().id;
    let error = store.set_status(&id, change(RequestStatus::Sent, "2 November", "")).unwrap_err();
    assert!(matches!(error, StoreError::StatusChange { .. }), "{error}");
    assert!(error.to_string().contains("2 November"), "{error}");
    let error = store.set_status(&id, StatusChange { date: "2026-11-02".into(), ..StatusChange::default() }).unwrap_err();
    assert!(matches!(error, StoreError::StatusChange { .. }), "{error}");
    assert_eq!(store.revisions(&id).unwrap().len(), 1);
    assert!(matches!(store.set_status("nope", change(RequestStatus::Sent, "2026-11-02", "")), Err(StoreError::NotFound(_))));
}

/// Seven requests: case, State, kind, status and its date, execution deadline.
fn seven_requests(store: &mut Store) -> Vec<String> {
    let rows: [(&str, &str, RequestKind, Option<(RequestStatus, &str)>, &str); 7] = [
        ("C1", "Norland", RequestKind::MlaEvidence, Some((RequestStatus::Sent, "2026-10-01")), "2027-01-10"),
        ("C2", "Vestria", RequestKind::Preservation, Some((RequestStatus::Sent, "2026-10-15")), ""),
        ("C3", "norland", RequestKind::MlaEvidence, Some((RequestStatus::Executed, "2026-11-01")), "2026-12-24"),
        ("C4", "Calvania", RequestKind::TransferOfProceedings, None, "2026-12-05"),
        ("C5", "Norland", RequestKind::EmergencyDisclosure, Some((RequestStatus::Refused, "2026-09-01")), ""),
        ("C6", "Vestria", RequestKind::MlaEvidence, Some((RequestStatus::Sent, "2026-11-20")), "2026-12-01"),
        ("C7", "Norland", RequestKind::MlaEvidence, Some((RequestStatus::Acknowledged, "2026-11-25")), ""),
    ];
    rows.iter()
        .map(|(case, state, kind, status, deadline)| {
            let mut r = request(case, state, *kind);
            r.deadline.date = deadline.to_string();
            if let Some((status, day)) = status {
                r.consult.status_log.push(change(*status, day, ""));
            }
            store.create_draft(&r).unwrap().id
        })
        .collect()
}

#[test]
fn the_register_filters_by_status_kind_state_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.sqlite3")).unwrap();
    seven_requests(&mut store);
    let query = |q: RegisterQuery| ids(&store.register_page(&RegisterQuery { sort: RegisterColumn::Title, ..q }).unwrap());
    assert_eq!(query(RegisterQuery { status: Some(RequestStatus::Sent), ..Default::default() }), ["C1", "C2", "C6"]);
    assert_eq!(query(RegisterQuery { kind: Some(RequestKind::MlaEvidence), ..Default::default() }), ["C1", "C3", "C6", "C7"]);
    assert_eq!(query(RegisterQuery { state: Some("NORLAND".into()), ..Default::default() }), ["C1", "C3", "C5", "C7"]);
    assert_eq!(
        query(RegisterQuery { from: Some("2026-10-01".into()), to: Some("2026-11-01".into()), ..Default::default() }),
        ["C1", "C2", "C3"]
    );
    // Executed requests have no deadline left; C4 is a draft with one.
    // C1 and C2 are to be chased before then; executed C3 has no deadline left.
    assert_eq!(query(RegisterQuery { due_by: Some("2026-12-31".into()), ..Default::default() }), ["C1", "C2", "C4", "C6"]);
    assert_eq!(
        query(RegisterQuery { status: Some(RequestStatus::Sent), state: Some("vestria".into()), ..Default::default() }),
        ["C2", "C6"]
    );
    let bad = store.register_page(&RegisterQuery { from: Some("1 October".into()), ..Default::default() }).unwrap_err();
    assert!(matches!(bad, StoreError::Query(_)) && bad.to_string().contains("1 October"), "{bad}");
}

/// The class of sorts by State: by the names the interface shows, in the
/// order it gives (its list of States, sorted by name as its language
/// sorts), never by code; a State it does not list after those it lists,
/// by its text, and the same order reversed when descending, across pages.
#[test]
fn the_register_sorts_by_state_in_the_order_of_the_names_the_interface_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.sqlite3")).unwrap();
    for (case, state) in [("S1", "DE"), ("S2", "AT"), ("S3", "Atlantis"), ("S4", "FR")] {
        store.create_draft(&request(case, state, RequestKind::MlaEvidence)).unwrap();
    }
    let sorted = |order: &[&str], descending, page_size| {
        let state_order = order.iter().map(|c| c.to_string()).collect();
        let query = RegisterQuery { sort: RegisterColumn::State, descending, state_order, page_size, ..Default::default() };
        let (first, second) = (store.register_page(&query).unwrap(), store.register_page(&RegisterQuery { page: 1, ..query }).unwrap());
        [ids(&first), ids(&second)].concat()
    };
    // English: Austria, France, Germany; French: Allemagne, Autriche, France.
    let english = ["AT", "FR", "DE"];
    let french = ["DE", "AT", "FR"];
    assert_eq!(sorted(&english, false, 0), ["S2", "S4", "S1", "S3"]);
    assert_eq!(sorted(&french, false, 0), ["S1", "S2", "S4", "S3"]);
    assert_eq!(sorted(&french, true, 0), ["S3", "S4", "S2", "S1"]);
    assert_eq!(sorted(&french, false, 2), ["S1", "S2", "S4", "S3"], "the pages follow the same order");
    // Without an order (the CLI), by code.
    assert_eq!(sorted(&[], false, 0), ["S2", "S3", "S1", "S4"]);
}

#[test]
fn the_register_sorts_by_any_column_and_pages_without_loading_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.sqlite3")).unwrap();
    seven_requests(&mut store);
    let sorted = |sort, descending| ids(&store.register_page(&RegisterQuery { sort, descending, ..Default::default() }).unwrap());
    assert_eq!(sorted(RegisterColumn::Title, true), ["C7", "C6", "C5", "C4", "C3", "C2", "C1"]);
    assert_eq!(sorted(RegisterColumn::StatusDate, false)[..2], ["C5", "C1"]);
    // Requests without a deadline come last, whichever the direction.
    assert_eq!(sorted(RegisterColumn::NextDeadline, false)[..5], ["C1", "C6", "C4", "C2", "C7"]);
    assert_eq!(sorted(RegisterColumn::NextDeadline, true)[..5], ["C7", "C2", "C4", "C6", "C1"]);
    assert_eq!(sorted(RegisterColumn::State, false)[0], "C4");
    assert_eq!(sorted(RegisterColumn::Status, false)[0], "C7");
    let page = |n| store.register_page(&RegisterQuery { sort: RegisterColumn::Title, page: n, page_size: 3, ..Default::default() }).unwrap();
    let (first, second, third) = (page(0), page(1), page(2));
    assert_eq!((ids(&first), first.has_more), (vec!["C1".to_string(), "C2".into(), "C3".into()], true));
    assert_eq!((ids(&second), second.has_more), (vec!["C4".to_string(), "C5".into(), "C6".into()], true));
    assert_eq!((ids(&third), third.has_more), (vec!["C7".to_string()], false));
}

#[test]
fn the_dashboard_sorts_deadlines_into_overdue_within_7_and_within_30_days_on_the_day_given() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.sqlite3")).unwrap();
    let ids = seven_requests(&mut store);
    let mut preservation = request("P1", "Vestria", RequestKind::Preservation);
    preservation.preservation.preserved_at = "2026-10-05".into(); // lapses 2026-12-04
    let p1 = store.create_draft(&preservation).unwrap().id;
    let dashboard = store.dashboard(date!(2026 - 12 - 02)).unwrap();
    let due = |part: &mla_writer::store::DueList| {
        part.entries.iter().map(|e| (e.id.clone(), e.due, e.date.clone())).collect::<Vec<_>>()
    };
    // C1 was sent on 2026-10-01: no news for 60 days, it is to be chased since 2026-11-30.
    assert_eq!(due(&dashboard.overdue), [(ids[5].clone(), DueKind::Execution, "2026-12-01".into()), (ids[0].clone(), DueKind::Chase, "2026-11-30".into())]);
    assert_eq!(
        due(&dashboard.within_7_days),
        [(p1.clone(), DueKind::PreservationExpiry, "2026-12-04".into()), (ids[3].clone(), DueKind::Execution, "2026-12-05".into())]
    );
    assert_eq!(due(&dashboard.within_30_days), [(ids[1].clone(), DueKind::Chase, "2026-12-14".into())]);
    assert_eq!((dashboard.overdue.count, dashboard.within_7_days.count, dashboard.within_30_days.count), (2, 2, 1));
    let waiting: Vec<&str> = dashboard.waiting_on_counterpart.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(waiting, [&ids[0], &ids[1], &ids[5], &ids[6]], "sent or acknowledged, longest waiting first");
    // The same data a week later.
    let later = store.dashboard(date!(2026 - 12 - 09)).unwrap();
    assert_eq!(later.overdue.count, 4);
}

#[test]
fn archived_drafts_and_drafts_in_the_bin_are_off_the_register_and_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.sqlite3")).unwrap();
    let mut preservation = request("P1", "Vestria", RequestKind::Preservation);
    preservation.preservation.preserved_at = "2026-10-05".into(); // lapses 2026-12-04
    let p1 = store.create_draft(&preservation).unwrap().id;
    let a1 = store.create_draft(&request("A1", "Norland", RequestKind::MlaEvidence)).unwrap().id;
    let on_register = |store: &Store| {
        let page = store.register_page(&RegisterQuery::default()).unwrap();
        let dashboard = store.dashboard(date!(2026 - 12 - 02)).unwrap();
        let mut listed = ids(&page);
        listed.sort();
        (listed, dashboard.within_7_days.count, dashboard.within_7_days.entries.len())
    };
    assert_eq!(on_register(&store), (vec!["A1".to_string(), "P1".to_string()], 1, 1));
    store.delete_draft(&p1, datetime!(2026-12-01 10:00 UTC)).unwrap();
    store.archive_draft(&a1, datetime!(2026-12-01 10:00 UTC)).unwrap();
    assert_eq!(on_register(&store), (Vec::<String>::new(), 0, 0));
    store.restore_draft(&p1).unwrap();
    assert_eq!(on_register(&store), (vec!["P1".to_string()], 1, 1));
}

#[test]
fn a_follow_up_is_linked_to_its_preservation_request_and_links_are_followed_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.sqlite3")).unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/preservation-ransomware-arden-vestria.json");
    let preservation = store.create_draft(&mla_writer::request::read::read_request(&example).unwrap()).unwrap().id;
    let follow_up = store.create_follow_up(&preservation).unwrap().summary.id;
    let from_preservation = store.links(&preservation).unwrap();
    assert_eq!(from_preservation.len(), 1);
    assert_eq!((from_preservation[0].kind, from_preservation[0].incoming, from_preservation[0].other_id.as_str()), (LinkKind::FollowUp, false, follow_up.as_str()));
    let from_follow_up = store.links(&follow_up).unwrap();
    assert_eq!((from_follow_up[0].kind, from_follow_up[0].incoming, from_follow_up[0].other_id.as_str()), (LinkKind::FollowUp, true, preservation.as_str()));

    let reply = store.create_draft(&request("R1", "Vestria", RequestKind::MlaEvidence)).unwrap().id;
    store.link_drafts(&follow_up, &reply, LinkKind::Reply, datetime!(2026-12-01 10:00 UTC)).unwrap();
    store.link_drafts(&follow_up, &reply, LinkKind::Reply, datetime!(2026-12-02 10:00 UTC)).unwrap();
    let mut links: Vec<_> = store.links(&follow_up).unwrap().iter().map(|l| (l.kind.key(), l.incoming, l.other_id.clone())).collect();
    links.sort();
    assert_eq!(links, [("follow_up", true, preservation.clone()), ("reply", false, reply.clone())]);
    assert_eq!(store.links(&reply).unwrap()[0].other_id, follow_up);
    assert!(matches!(store.link_drafts(&reply, &reply, LinkKind::Supplement, datetime!(2026-12-01 10:00 UTC)), Err(StoreError::Query(_))));
    assert!(matches!(store.link_drafts(&reply, "nope", LinkKind::Supplement, datetime!(2026-12-01 10:00 UTC)), Err(StoreError::NotFound(_))));
    assert!(matches!(store.links("nope"), Err(StoreError::NotFound(_))));
}

#[test]
fn a_database_from_before_the_register_gets_every_drafts_register_data_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upgrade/schema-3.sqlite3"), &path).unwrap();
    let store = Store::open(&path).unwrap();
    let page = store.register_page(&RegisterQuery { sort: RegisterColumn::Title, ..Default::default() }).unwrap();
    let listed = store.list_drafts().unwrap();
    assert_eq!(page.entries.len(), listed.len());
    assert!(page.entries.len() >= 4);
    for entry in &page.entries {
        let draft = store.load_draft(&entry.id).unwrap();
        assert_eq!(entry.req_state, draft.request.req_state.trim(), "{}", entry.title);
        assert_eq!(entry.kind, draft.request.kind);
        assert_eq!(entry.next_deadline, mla_writer::request::deadlines::deadlines(&draft.request).first().map(|d| d.date.to_string()));
        assert_eq!(entry.status_date, draft.summary.created_at[..10]);
    }
}

#[test]
fn mla_register_sets_statuses_lists_filters_and_shows_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = common::mla(args, dir.path());
        assert!(out.status.success(), "mla {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let id = run(&["drafts", "import", "examples/mla-evidence-fraud-arden-norland.json"]).trim().to_string();
    let other = run(&["drafts", "import", "examples/preservation-ransomware-arden-vestria.json"]).trim().to_string();
    let set = run(&["register", "set-status", &id, "sent", "--ref", "NOR-2026-77", "--note", "sent by courier", "--date", "2026-10-01"]);
    assert!(set.contains("sent (revision 2)"), "{set}");
    let listed: serde_json::Value = serde_json::from_str(&run(&["register", "list", "--status", "sent", "--format", "json"])).unwrap();
    let entries = listed["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{listed}");
    assert_eq!((entries[0]["id"].as_str(), entries[0]["counterpart_ref"].as_str()), (Some(id.as_str()), Some("NOR-2026-77")));
    let all = run(&["register", "list", "--sort", "title", "--page-size", "1"]);
    assert!(all.contains("more on page 1"), "{all}");
    let text = run(&["register", "list", "--kind", "preservation"]);
    assert!(text.contains(&other) && !text.contains(&id), "{text}");
    let dashboard: serde_json::Value = serde_json::from_str(&run(&["register", "dashboard", "--today", "2026-12-02", "--format", "json"])).unwrap();
    let overdue = dashboard["overdue"]["entries"].as_array().unwrap();
    assert!(overdue.iter().any(|e| e["id"] == id.as_str() && e["due"] == "chase" && e["date"] == "2026-11-30"), "{dashboard}");
    assert_eq!(dashboard["waiting_on_counterpart"]["entries"][0]["id"], id.as_str());
    let unknown = common::mla(&["register", "set-status", &id, "lost"], dir.path());
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("additional_information_requested"));
    let links = run(&["register", "links", &id]);
    assert!(links.contains("0 link(s)"), "{links}");
    run(&["register", "link", &other, &id, "--kind", "follow_up"]);
    let links = run(&["register", "links", &id]);
    assert!(links.contains("follow_up") && links.contains(&other), "{links}");
}
