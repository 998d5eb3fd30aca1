//! Rendering the 10-page reference request (`benches/reference-request.json`)
//! in process, whole and stage by stage: template → document tree, shaping
//! and layout → pages, PDF writing with font subsetting. The whole-process
//! comparison with Chromium printing the same document as HTML is in the
//! Makefile's `bench` target.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use mla_writer::layout::fonts::Fonts;
use mla_writer::layout::{self, Paper};
use mla_writer::i18n::Lang;
use mla_writer::output::pdf::{self, PdfInfo};
use mla_writer::export;
use mla_writer::request::read;

fn bench(c: &mut Criterion) {
    let request = read::parse_request(include_str!("reference-request.json"), "reference").unwrap();
    let options = export::Options { lang: Lang::En, paper: Paper::A4, date: time::macros::datetime!(2026-11-27 12:00 UTC), with_original: false, revision: None, mode: mla_writer::directory::demo::Mode::Demo };
    let fonts = Fonts::load();
    let document = export::document(&request, Lang::En).unwrap();
    let laid = layout::lay_out(&fonts, &document, Paper::A4.size(), false);
    println!("reference request: {} pages", laid.pages.len());
    let info = PdfInfo { title: &document.title, lang: "en", author: &document.author, date: options.date };
    c.bench_function("render the 10-page reference request to PDF", |b| {
        b.iter(|| export::pdf(black_box(&request), &options, false).unwrap())
    });
    c.bench_function("stage: template to document tree", |b| b.iter(|| export::document(black_box(&request), Lang::En).unwrap()));
    c.bench_function("stage: shaping and layout", |b| b.iter(|| layout::lay_out(&fonts, black_box(&document), Paper::A4.size(), false)));
    c.bench_function("stage: PDF writing with font subsetting", |b| b.iter(|| pdf::write(&fonts, black_box(&laid), &info)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
