//! The register at scale: 100,000 requests with 1,000,000 revisions (set
//! `MLA_BENCH_REQUESTS` for a smaller trial; ten revisions per request),
//! a realistic mix of the four kinds of `examples/`, in the six languages,
//! with persons named in Latin, Cyrillic, Arabic and Chinese script and
//! facts that grow with every save.
//!
//! The register is built once through the store's own transactions
//! (`StoreTransaction::create_draft` and `save_draft`: the index and every
//! derived row are written as the app writes them, without an fsync per
//! save) and kept in `target/bench/` under a name holding its size and the
//! schema version, so later runs reuse it. Then p50, p95 and p99 are printed
//! for each operation, with the database size per request, and criterion
//! times the same operations.
//!
//! Each measured operation is its own function below (`first_page`, `first_pages`,
//! `dashboard`, `search_middle`, `open_draft`, `autosave`).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use mla_writer::i18n::Lang;
use mla_writer::request::{read, DocumentLanguage, Request, RequestKind, RequestStatus};
use mla_writer::store::search::DEFAULT_LIMIT;
use mla_writer::store::{RegisterColumn, RegisterQuery, Store, SCHEMA_VERSION};
use time::macros::datetime;
use time::{Duration as Span, OffsetDateTime};

/// Revisions of each request (the first included).
const REVISIONS: usize = 10;
/// Requests written per transaction while building.
const BATCH: usize = 1_000;

fn requests() -> usize {
    std::env::var("MLA_BENCH_REQUESTS").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000)
}

fn examples() -> Vec<Request> {
    [
        include_str!("../examples/mla-evidence-fraud-arden-norland.json"),
        include_str!("../examples/preservation-ransomware-arden-vestria.json"),
        include_str!("../examples/emergency-disclosure-abduction-arden-norland.json"),
        include_str!("../examples/transfer-of-proceedings-road-death-arden-calvania.json"),
    ]
    .iter()
    .map(|json| read::parse_request(json, "example").unwrap())
    .collect()
}

/// A surname no other request has: five syllables spelling `i`.
fn unique_name(i: usize) -> String {
    const SYLLABLES: [&str; 20] = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zu", "bi", "da", "fe", "gi", "ho", "ju", "ky", "le", "mo", "ni", "po"];
    let mut n = i;
    let mut name = String::new();
    for _ in 0..5 {
        name.push_str(SYLLABLES[n % 20]);
        n /= 20;
    }
    let mut chars = name.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A person's name in the script of language `lang`.
fn name_in(lang: Lang, i: usize) -> String {
    const RU: [&str; 6] = ["Иванов", "Петрова", "Смирнов", "Кузнецова", "Попов", "Соколова"];
    const AR: [&str; 6] = ["مُحَمَّد الحَسَن", "فاطمة الزهراء", "عبد الله", "خالد", "مريم", "يوسف"];
    const ZH: [&str; 6] = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊"];
    // Requests in one language are every sixth: the name varies with the next digit.
    let n = i / Lang::ALL.len() % 6;
    match lang {
        Lang::Ru => RU[n].to_string(),
        Lang::Ar => AR[n].to_string(),
        Lang::Zh => ZH[n].to_string(),
        _ => unique_name(i),
    }
}

/// The free text of the facts, whichever field the kind uses.
fn facts(request: &mut Request) -> &mut String {
    match request.kind {
        RequestKind::Preservation | RequestKind::EmergencyDisclosure => &mut request.facts.brief,
        _ => &mut request.facts.summary,
    }
}

/// Request `i` as first saved.
fn request(examples: &[Request], i: usize) -> Request {
    let lang = Lang::ALL[i % Lang::ALL.len()];
    let mut r = examples[i % examples.len()].clone();
    r.case.internal_ref = format!("REG-{i:06}");
    r.lang.request = DocumentLanguage::from_code(lang.code());
    if let Some(person) = r.persons.first_mut() {
        person.family_name = name_in(lang, i);
        person.aliases = unique_name(i);
    }
    let sentence = match lang {
        Lang::Zh => format!("\n\n据查，嫌疑人{}于2025年转移了款项（档案 {i}，{}）。", name_in(lang, i), unique_name(i)),
        _ => format!("\n\nThe person known as {} ({}) was identified on file {i}.", unique_name(i), name_in(lang, i)),
    };
    facts(&mut r).push_str(&sentence);
    // Deadlines spread over 400 days, as a register's are.
    r.deadline.date = (time::macros::date!(2026 - 01 - 01) + Span::days((i % 400) as i64)).to_string();
    r
}

/// Revision `n` of request `r`: a sentence more, as typing adds it.
fn revise(r: &mut Request, n: usize) {
    facts(r).push_str(&format!(" Further enquiries, step {n}, confirmed the transfers and the accounts used."));
}

fn database() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    dir.join(format!("register-{}-v{SCHEMA_VERSION}.sqlite3", requests()))
}

/// Builds the register at `path` (through a temporary file, renamed when
/// complete), unless a complete one is there.
fn build(path: &Path) {
    if path.exists() {
        return;
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let partial = path.with_extension("partial");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    let started = Instant::now();
    let examples = examples();
    let total = requests();
    let mut store = Store::open(&partial).unwrap();
    let mut at = datetime!(2024-01-01 08:00 UTC);
    for first in (0..total).step_by(BATCH) {
        let tx = store.begin().unwrap();
        for i in first..(first + BATCH).min(total) {
            let mut r = request(&examples, i);
            let id = tx.create_draft(&r, at).unwrap().id;
            for n in 1..REVISIONS {
                revise(&mut r, n);
                at += Span::seconds(7);
                tx.save_draft(&id, &r, at).unwrap();
            }
        }
        tx.commit().unwrap();
        if first % (BATCH * 10) == 0 {
            eprintln!("register: {} of {total} requests, {:.0?}", first + BATCH, started.elapsed());
        }
    }
    store.connection().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    drop(store);
    std::fs::rename(&partial, path).unwrap();
    eprintln!("register: built {total} requests, {} revisions, in {:.1?}", total * REVISIONS, started.elapsed());
}

/// A small deterministic generator of indexes.
struct Picker(u64);

impl Picker {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }
}

/// Times `runs` calls of `f` and prints p50, p95 and p99.
fn percentiles(name: &str, runs: usize, mut f: impl FnMut(usize)) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|i| {
            let start = Instant::now();
            f(i);
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1];
    println!("{name:<56} p50 {:>9.3?}  p95 {:>9.3?}  p99 {:>9.3?}  ({runs} runs)", at(0.50), at(0.95), at(0.99));
}

/// The first page of the register as the start screen asks for it, sorted
/// and filtered: the MLA requests for evidence, nearest deadline first, 50
/// rows.
fn first_page(store: &Store) -> usize {
    let query = RegisterQuery {
        kind: Some(RequestKind::MlaEvidence),
        sort: RegisterColumn::NextDeadline,
        page_size: 50,
        ..RegisterQuery::default()
    };
    let page = store.register_page(&query).unwrap();
    assert_eq!(page.entries.len(), 50, "the register has a full first page");
    page.entries.len()
}

/// The first pages of the register's filters, in its default order (last
/// saved first) and by next deadline, named as printed.
fn first_pages() -> Vec<(String, RegisterQuery)> {
    let filters = [
        ("no filter", RegisterQuery::default()),
        ("status", RegisterQuery { status: Some(RequestStatus::Drafting), ..RegisterQuery::default() }),
        ("kind", RegisterQuery { kind: Some(RequestKind::MlaEvidence), ..RegisterQuery::default() }),
        ("State", RegisterQuery { state: Some("kingdom of norland".into()), ..RegisterQuery::default() }),
        ("status dates (two early days)", RegisterQuery { from: Some("2024-01-02".into()), to: Some("2024-01-03".into()), ..RegisterQuery::default() }),
        ("due within a week", RegisterQuery { due_by: Some("2026-01-07".into()), ..RegisterQuery::default() }),
    ];
    let mut pages = Vec::new();
    for (name, filter) in filters {
        pages.push((format!("first page: {name}, last saved first"), RegisterQuery { sort: RegisterColumn::UpdatedAt, descending: true, page_size: 50, ..filter.clone() }));
        pages.push((format!("first page: {name}, next deadline first"), RegisterQuery { sort: RegisterColumn::NextDeadline, page_size: 50, ..filter }));
    }
    pages
}

/// The dashboard's query: what is overdue, due within 7 and 30 days, and
/// waiting on the counterpart, on a day within the deadlines of the data.
fn dashboard(store: &Store) -> u32 {
    let d = store.dashboard(time::macros::date!(2026 - 03 - 01)).unwrap();
    d.overdue.count + d.within_7_days.count + d.within_30_days.count + d.waiting_on_counterpart.count
}

/// A search for a name that only the request in the middle of the register has.
fn search_middle(store: &Store) -> usize {
    let results = store.search(&unique_name(requests() / 2), Lang::En, DEFAULT_LIMIT).unwrap();
    assert_eq!(results.len(), 1, "the name of the middle request is found once");
    results.len()
}

/// A search for a Chinese name inside a sentence of the facts, which one
/// request in 36 has (at most the first 50 found are read).
fn search_common(store: &Store) -> usize {
    let found = store.search("张伟", Lang::Zh, DEFAULT_LIMIT).unwrap().len();
    assert!(found > 0, "the name is in the register");
    found
}

fn open_draft(store: &Store, id: &str) -> usize {
    store.load_draft(id).unwrap().request.persons.len()
}

/// One autosave: a changed request, committed with its fsync.
fn autosave(store: &mut Store, id: &str, n: usize) {
    let mut r = store.load_draft(id).unwrap().request;
    facts(&mut r).push_str(&format!(" Autosave {n} at {}.", OffsetDateTime::now_utc()));
    store.save_draft(id, &r).unwrap();
}

/// Moves one draft to the bin and empties it: the index is merged whole.
fn empty_bin_of_one(store: &mut Store, id: &str) {
    if store.delete_draft(id, datetime!(2026-03-02 09:00 UTC)).is_ok() {
        store.empty_bin().unwrap();
    }
}

fn main() {
    let path = database();
    build(&path);
    let mut store = Store::open(&path).unwrap();
    let mut ids: Vec<String> = {
        let mut stmt = store.connection().prepare("SELECT id FROM drafts ORDER BY rowid").unwrap();
        stmt.query_map([], |row| row.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    let revisions: i64 = store.connection().query_row("SELECT count(*) FROM revisions", [], |row| row.get(0)).unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();
    println!(
        "register: {} requests, {revisions} revisions, {:.1} MB, {:.1} KB per request",
        ids.len(),
        bytes as f64 / 1e6,
        bytes as f64 / ids.len() as f64 / 1e3
    );
    let mut picker = Picker(42);
    percentiles("first page of the register (sorted, filtered)", 200, |_| {
        black_box(first_page(&store));
    });
    for (name, query) in first_pages() {
        percentiles(&name, 100, |_| {
            let page = store.register_page(&query).unwrap();
            assert!(!page.entries.is_empty(), "{name}: the filter selects requests");
            black_box(page.entries.len());
        });
    }
    percentiles("dashboard (deadlines and waiting)", 200, |_| {
        black_box(dashboard(&store));
    });
    percentiles("search: a name in the middle of the data", 200, |_| {
        black_box(search_middle(&store));
    });
    percentiles("search: a Chinese name in many requests", 100, |_| {
        black_box(search_common(&store));
    });
    percentiles("open a draft", 500, |_| {
        black_box(open_draft(&store, &ids[picker.next(ids.len())]));
    });
    percentiles("autosave (with fsync)", 100, |n| autosave(&mut store, &ids[picker.next(ids.len())], n));
    // Each run removes three drafts from the register kept in target/bench/.
    percentiles("empty the bin of one draft (merges the index)", 3, |n| empty_bin_of_one(&mut store, &ids[1 + n]));
    // Those three drafts are gone: the timings below open only drafts still there.
    ids.drain(1..4);

    let mut c = Criterion::default().configure_from_args().sample_size(20).measurement_time(Duration::from_secs(3));
    c.bench_function("register/first page", |b| b.iter(|| first_page(&store)));
    c.bench_function("register/dashboard", |b| b.iter(|| dashboard(&store)));
    c.bench_function("register/search middle", |b| b.iter(|| search_middle(&store)));
    c.bench_function("register/open draft", |b| b.iter(|| open_draft(&store, &ids[picker.next(ids.len())])));
    c.final_summary();
}
