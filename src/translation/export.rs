//! Writing the XLIFF 2.0 file, in a fixed order, so that the same request
//! always gives the same bytes. Text is escaped by the one XML escape of
//! [`crate::output::xml_text`]; a character XML cannot hold becomes an XLIFF
//! `<cp/>` element in source text, so it survives the round trip.

use crate::output::xml_text::{escape, escape_attribute, escape_with, Place};
use super::{describe, identity, source_lang, NAMESPACE};
use crate::interview::units;
use crate::i18n::Lang;
use crate::request::Request;

/// The request's free text as an XLIFF 2.0 document for translation into
/// `target`: `srcLang` is the drafting language (`und` when the request does
/// not name one; see [`check_exportable`]), one `<unit>` per [`units`] entry
/// with the field's label as a note, and the request's [`identity`] as the
/// file's `original`. The same request always gives the same bytes.
pub fn export(request: &Request, target: Lang) -> String {
    let src = match source_lang(request) {
        s if s.is_empty() => "und".to_string(),
        s => s,
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        escape_attribute(&src),
        target.code()
    ));
    out.push_str(&format!(
        "  <file id=\"request\" original=\"{}\" xml:space=\"preserve\">\n",
        escape_attribute(&identity(request))
    ));
    out.push_str("    <notes>\n");
    out.push_str(&format!(
        "      <note category=\"request\">{}</note>\n",
        escape(&describe(request))
    ));
    out.push_str(&format!(
        "      <note category=\"instructions\">Translate the text of every unit from {src} into {}, keeping its line breaks and numbering. Do not change unit ids or source text. Names, numbers, dates and references inside the text stay as written.</note>\n",
        target.code()
    ));
    out.push_str("    </notes>\n");
    for unit in units(request) {
        out.push_str(&format!("    <unit id=\"{}\">\n", escape_attribute(&unit.id)));
        out.push_str(&format!(
            "      <notes>\n        <note category=\"field\">{}</note>\n      </notes>\n",
            escape(&unit.label)
        ));
        out.push_str(&format!(
            "      <segment>\n        <source>{}</source>\n      </segment>\n",
            source_text(&unit.source)
        ));
        out.push_str("    </unit>\n");
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}

/// Source text for a `<source>` element: a character XML cannot hold is
/// written as `<cp hex="…"/>`.
fn source_text(text: &str) -> String {
    escape_with(text, Place::Content, |c| Some(format!("<cp hex=\"{:04X}\"/>", u32::from(c))))
}
