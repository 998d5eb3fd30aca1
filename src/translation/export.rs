//! Writing the XLIFF 2.0 file: escaping by hand, in a fixed order, so that
//! the same request always gives the same bytes.

use super::xml::{escape_attr, escape_text};
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
        escape_attr(&src),
        target.code()
    ));
    out.push_str(&format!(
        "  <file id=\"request\" original=\"{}\" xml:space=\"preserve\">\n",
        escape_attr(&identity(request))
    ));
    out.push_str("    <notes>\n");
    out.push_str(&format!(
        "      <note category=\"request\">{}</note>\n",
        escape_text(&describe(request), false)
    ));
    out.push_str(&format!(
        "      <note category=\"instructions\">Translate the text of every unit from {src} into {}, keeping its line breaks and numbering. Do not change unit ids or source text. Names, numbers, dates and references inside the text stay as written.</note>\n",
        target.code()
    ));
    out.push_str("    </notes>\n");
    for unit in units(request) {
        out.push_str(&format!("    <unit id=\"{}\">\n", escape_attr(&unit.id)));
        out.push_str(&format!(
            "      <notes>\n        <note category=\"field\">{}</note>\n      </notes>\n",
            escape_text(&unit.label, false)
        ));
        out.push_str(&format!(
            "      <segment>\n        <source>{}</source>\n      </segment>\n",
            escape_text(&unit.source, true)
        ));
        out.push_str("    </unit>\n");
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}
