//! Exporting and importing an exchange package with 100 MB of annexes
//! (four files of 25 MB) to and from files on disk, the way the app does:
//! hashing, signing, tar container, age encryption; decryption, signature,
//! digests, annexes streamed to disk. Target: at most 2 s each in release.
//!
//! Before the timings, the peak heap memory of one export and one import is
//! measured with a counting allocator at 25, 50 and 100 MB of annexes: it
//! must stay flat, as both directions stream.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use mla_writer::exchange::card::Profile;
use mla_writer::exchange::identity::UnlockedIdentity;
use mla_writer::exchange::package::{self, Keys, Limits, Recipients};
use mla_writer::exchange::thread::{AnnexSource, Outgoing, Round, Thread};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let now = IN_USE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak heap bytes above what was in use when `f` started.
fn peak_during(f: impl FnOnce()) -> usize {
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed) - base
}

struct Setup {
    sender: UnlockedIdentity,
    reader: UnlockedIdentity,
    dir: tempfile::TempDir,
}

fn setup() -> Setup {
    let who = |name: &str| Profile { name: name.into(), authority: "Central Authority".into(), email: "ca@example.org".into() };
    let at = time::macros::datetime!(2026-03-01 09:00 UTC);
    Setup {
        sender: UnlockedIdentity::generate(&who("Ana Ruiz"), at).unwrap(),
        reader: UnlockedIdentity::generate(&who("Ingrid Berg"), at).unwrap(),
        dir: tempfile::tempdir().unwrap(),
    }
}

/// Four annex files totalling `megabytes` MB of pseudo-random bytes.
fn annexes(dir: &Path, megabytes: usize) -> Vec<AnnexSource> {
    (0..4)
        .map(|i| {
            let path = dir.join(format!("annex-{megabytes}-{i}.bin"));
            let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ i as u64;
            let bytes: Vec<u8> = (0..megabytes * 1_000_000 / 4)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            std::fs::write(&path, bytes).unwrap();
            AnnexSource { name: format!("Scan {i}.bin"), path }
        })
        .collect()
}

fn outgoing(annexes: Vec<AnnexSource>) -> Outgoing {
    Outgoing {
        package_id: "2f1c6a0e-6b1d-4c2a-9a53-0d7f3b9e8c41".into(),
        created: "2026-03-02T10:00:00Z".into(),
        round: Round { request_id: "draft-1".into(), base_revision: 1, answers: None, sequence: 1, from_originator: true },
        request: mla_writer::request::demo::example(),
        lineage: vec![],
        thread: Thread::default(),
        note: "Draft for your comments".into(),
        annexes,
    }
}

fn export(s: &Setup, outgoing: &Outgoing, file: &Path) {
    let out = BufWriter::new(std::fs::File::create(file).unwrap());
    let to = Recipients::Contacts(vec![s.reader.card().clone()]);
    package::write(out, &s.sender, &to, outgoing).unwrap();
}

fn import(s: &Setup, file: &Path, annex_dir: &Path) {
    let _ = std::fs::remove_dir_all(annex_dir);
    let input = BufReader::new(std::fs::File::open(file).unwrap());
    let keys = [s.reader.clone()];
    package::read(input, &Keys::Identities(&keys), &[], &Limits::default(), annex_dir).unwrap();
}

fn bench(c: &mut Criterion) {
    let s = setup();
    println!("peak heap memory (counting allocator):");
    println!("{:>12} {:>14} {:>14} {:>10} {:>10}", "annexes", "export peak", "import peak", "export s", "import s");
    let mut package_100 = PathBuf::new();
    let mut outgoing_100 = None;
    for megabytes in [25, 50, 100] {
        let outgoing = outgoing(annexes(s.dir.path(), megabytes));
        let file = s.dir.path().join(format!("package-{megabytes}.mlapkg"));
        let annex_dir = s.dir.path().join(format!("received-{megabytes}"));
        let started = Instant::now();
        let export_peak = peak_during(|| export(&s, &outgoing, &file));
        let export_time = started.elapsed();
        let started = Instant::now();
        let import_peak = peak_during(|| import(&s, &file, &annex_dir));
        let import_time = started.elapsed();
        println!(
            "{:>9} MB {:>11.2} MB {:>11.2} MB {:>10.3} {:>10.3}",
            megabytes,
            export_peak as f64 / 1e6,
            import_peak as f64 / 1e6,
            export_time.as_secs_f64(),
            import_time.as_secs_f64()
        );
        if megabytes == 100 {
            package_100 = file;
            outgoing_100 = Some(outgoing);
        }
    }
    let outgoing_100 = outgoing_100.unwrap();
    let mut group = c.benchmark_group("exchange package, 100 MB of annexes");
    group.sample_size(10).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_secs(2));
    let file = s.dir.path().join("bench.mlapkg");
    group.bench_function("export (hash, sign, tar, age encrypt, write file)", |b| b.iter(|| export(&s, &outgoing_100, &file)));
    let annex_dir = s.dir.path().join("received-bench");
    group.bench_function("import (age decrypt, verify, stream annexes to disk)", |b| b.iter(|| import(&s, &package_100, &annex_dir)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
