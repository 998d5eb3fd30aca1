//! The document tree as one standalone HTML page with print styles: the same
//! content as the PDF, for a browser to display or print. It is the input of
//! the benchmark that compares our PDF pipeline with a browser's.
//!
//! Architecture invariant: every text of the document is escaped; the page
//! has no script and loads nothing.

use std::fmt::Write;

use crate::document::direction::paragraph_rtl;
use crate::document::{Block, Document};
use crate::layout::Paper;
use crate::output::xml_text::escape;

fn lines(out: &mut String, lines: &[String]) {
    let joined: Vec<String> = lines.iter().map(|l| escape(l)).collect();
    out.push_str(&joined.join("<br>"));
}

/// The `dir` attribute of an element holding `text`, when the text runs
/// against the page (an English paragraph in an Arabic document), as in the
/// PDF; empty otherwise.
fn dir_attribute(text: &str, page_rtl: bool) -> &'static str {
    match paragraph_rtl(text, page_rtl) {
        own if own == page_rtl => "",
        true => " dir=\"rtl\"",
        false => " dir=\"ltr\"",
    }
}

const STYLE: &str = "body{font-family:'Noto Serif','Noto Naskh Arabic','Noto Serif CJK SC',serif;font-size:10.5pt;line-height:1.38;color:#111}\
h1{font-size:16pt;text-align:center;border-bottom:0.6pt solid #888;padding-bottom:6pt}h2{font-size:12pt;margin:14pt 0 4pt;break-after:avoid}\
p{margin:0 0 5pt}.meta{font-size:9pt;color:#555}dl{display:grid;grid-template-columns:130pt 1fr;margin:0 0 4pt}dt{font-weight:bold;color:#333}dd{margin:0}\
ol{margin:0 0 4pt;padding-inline-start:22pt}table{border-collapse:collapse;width:100%;margin:4pt 0 8pt}thead{display:table-header-group}\
th{background:#e6e6e6;text-align:start}th,td{padding:4pt;border-bottom:0.6pt solid #888;vertical-align:top}tr{break-inside:avoid}";

/// The document as an HTML page for `paper`.
pub fn write(document: &Document, paper: Paper) -> String {
    let size = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    let page_dir = if document.lang.rtl() { "rtl" } else { "ltr" };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{page_dir}\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <style>@page{{size:{size};margin:25mm}}{STYLE}</style></head><body>",
        document.lang.code(),
        escape(&document.title)
    );
    let rtl = document.lang.rtl();
    let dir_of_lines = |l: &[String]| dir_attribute(&l.join("\n"), rtl);
    for block in &document.blocks {
        match block {
            Block::Heading { level: 1, text, .. } => {
                let _ = write!(out, "<h1{}>{}</h1>", dir_attribute(text, rtl), escape(text));
            }
            Block::Heading { number, text, .. } => match number {
                Some(n) => {
                    let _ = write!(out, "<h2{}>{n}. {}</h2>", dir_attribute(text, rtl), escape(text));
                }
                None => {
                    let _ = write!(out, "<h2{}>{}</h2>", dir_attribute(text, rtl), escape(text));
                }
            },
            Block::Paragraph { lines: l } => {
                let _ = write!(out, "<p{}>", dir_of_lines(l));
                lines(&mut out, l);
                out.push_str("</p>");
            }
            Block::Alert { text } => {
                let _ = write!(out, "<p class=\"alert\"{}>{}</p>", dir_attribute(text, rtl), escape(text));
            }
            Block::Meta { text } => {
                let _ = write!(out, "<p class=\"meta\"{}>{}</p>", dir_attribute(text, rtl), escape(text));
            }
            Block::Field { label, lines: l } => {
                let _ = write!(out, "<dl><dt{}>{}</dt><dd{}>", dir_attribute(label, rtl), escape(label), dir_of_lines(l));
                lines(&mut out, l);
                out.push_str("</dd></dl>");
            }
            Block::Item { number, lines: l } => {
                let _ = write!(out, "<ol start=\"{number}\"><li{}>", dir_of_lines(l));
                lines(&mut out, l);
                out.push_str("</li></ol>");
            }
            Block::Table { columns, rows } => {
                out.push_str("<table><thead><tr>");
                for c in columns {
                    let _ = write!(out, "<th{}>{}</th>", dir_attribute(c, rtl), escape(c));
                }
                out.push_str("</tr></thead><tbody>");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let _ = write!(out, "<td{}>", dir_of_lines(cell));
                        lines(&mut out, cell);
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</tbody></table>");
            }
        }
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn typed_text_is_escaped_and_an_english_paragraph_runs_left_to_right_on_an_arabic_page() {
        let document = Document {
            title: "<script>".into(),
            lang: Lang::Ar,
            author: String::new(),
            header: String::new(),
            footer: String::new(),
            draft_note: String::new(),
            draft_mark: String::new(),
            blocks: vec![
                Block::Paragraph { lines: vec!["a <b> & \"c\"".into()] },
                Block::Paragraph { lines: vec!["١٢ الطلب".into()] },
            ],
        };
        let html = write(&document, Paper::A4);
        assert!(html.contains("<title>&lt;script&gt;</title>"));
        assert!(html.contains("<p dir=\"ltr\">a &lt;b&gt; &amp; &quot;c&quot;</p>"), "{html}");
        assert!(html.contains("<p>١٢ الطلب</p>"), "{html}");
        assert!(html.contains("dir=\"rtl\""));
        assert!(!html.contains("<script>"));
    }
}
