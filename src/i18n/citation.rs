//! Provisions as the interface shows them: a citation keeps its article as
//! cited ("art. 18(15)(c)") but names its instrument by the language's own
//! short name ("UNTOC" in English, "CTO" in French, 《有组织犯罪公约》 in
//! Chinese), and a source that is no instrument ("Practice", "Directory")
//! is a description, worded in the language.
//!
//! The short names are catalogue keys `citation.instrument.<KEY>`, the
//! descriptions `citation.source.<key>`; [`keys`] lists them all for the
//! completeness test of the locales.

use super::{catalogue, Lang};

/// Instruments as citations name them in English, longest first where one
/// begins another, with the key of their short name.
const INSTRUMENTS: [(&str, &str); 13] = [
    ("GA res. 45/117", "MT_45_117"),
    ("GA res. 45/118", "MT_45_118"),
    ("Budapest Convention", "BUDAPEST"),
    ("Budapest", "BUDAPEST"),
    ("1988 Convention", "DRUG88"),
    ("Harare Scheme", "HARARE"),
    ("CETS 224", "CETS_224"),
    ("ETS 30", "ETS_30"),
    ("ETS 73", "ETS_73"),
    ("ETS 182", "ETS_182"),
    ("UNTOC", "UNTOC"),
    ("UNCAC", "UNCAC"),
    ("EIO", "EIO"),
];

/// Sources that are not instruments, as the rules name them, with the key
/// of their description. A part of a rule's general sources that is none
/// of these must be a citation (a test holds every rule to it).
const SOURCES: [(&str, &str); 10] = [
    ("Practice", "practice"),
    ("practice", "practice"),
    ("Practice (letters rogatory)", "practice_letters_rogatory"),
    ("Directory", "directory"),
    ("directory", "directory"),
    ("Directory of competent authorities", "directory"),
    ("Consistency", "consistency"),
    ("National statutes", "national_statutes"),
    ("Law of treaties", "law_of_treaties"),
    ("Eurojust Guidelines", "eurojust_guidelines"),
];

/// Sources that are named documents with a part of them: the English
/// prefix, the key of their wording, which takes the rest as `{part}`.
const DOCUMENTS: [(&str, &str); 4] = [
    ("EIO Annex A section ", "eio_annex_a"),
    ("EIO art. ", "eio_article"),
    ("OAS form", "oas_form"),
    ("PC-OC Guidelines", "pc_oc_guidelines"),
];

/// `citation` shown in `lang`: its instrument by the language's short
/// name, the rest as cited. A citation of no known instrument (a treaty's
/// own, as typed) is returned as it is.
pub fn citation(citation: &str, lang: Lang) -> String {
    let cat = catalogue(lang);
    for (prefix, key) in DOCUMENTS {
        if let Some(part) = citation.strip_prefix(prefix) {
            return cat.get(&format!("citation.document.{key}")).replace("{part}", part);
        }
    }
    for (name, key) in INSTRUMENTS {
        if let Some(rest) = citation.strip_prefix(name) {
            if rest.is_empty() || rest.starts_with([' ', ',']) {
                return format!("{}{rest}", cat.get(&format!("citation.instrument.{key}")));
            }
        }
    }
    citation.to_string()
}

/// One part of a rule's general sources (`"Practice"`, `"EIO Annex A
/// section D"`) shown in `lang`: a description worded, a citation as
/// [`citation`] shows it.
pub fn source(part: &str, lang: Lang) -> String {
    match SOURCES.iter().find(|(name, _)| *name == part) {
        Some((_, key)) => catalogue(lang).get(&format!("citation.source.{key}")),
        None => citation(part, lang),
    }
}

/// A list of provisions separated by `"; "`, each shown as [`source`]
/// shows it.
pub fn provisions(text: &str, lang: Lang) -> String {
    text.split("; ").map(|part| source(part, lang)).collect::<Vec<_>>().join("; ")
}

/// Whether `part` of a rule's general sources is known: a description of
/// [`SOURCES`], or a citation of a known instrument or document.
pub fn is_known_source(part: &str) -> bool {
    SOURCES.iter().any(|(name, _)| *name == part)
        || DOCUMENTS.iter().any(|(prefix, _)| part.starts_with(prefix))
        || INSTRUMENTS.iter().any(|(name, _)| part.strip_prefix(name).is_some_and(|rest| rest.starts_with(' ')))
}

/// Every catalogue key of this module.
pub fn keys() -> Vec<String> {
    let mut keys: Vec<String> = INSTRUMENTS.iter().map(|(_, k)| format!("citation.instrument.{k}")).collect();
    keys.extend(SOURCES.iter().map(|(_, k)| format!("citation.source.{k}")));
    keys.extend(DOCUMENTS.iter().map(|(_, k)| format!("citation.document.{k}")));
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instrument_is_named_by_the_language_s_short_name_and_the_article_stays_as_cited() {
        assert_eq!(citation("UNTOC art. 18(15)(c)", Lang::En), "UNTOC art. 18(15)(c)");
        assert_eq!(citation("UNTOC art. 18(15)(c)", Lang::Fr), "CTO art. 18(15)(c)");
        assert_eq!(citation("UNCAC art. 46(8)", Lang::Es), "CNUCC art. 46(8)");
        assert_eq!(citation("Budapest art. 29(2)(c)", Lang::Zh), "《布达佩斯公约》 art. 29(2)(c)");
        assert_eq!(citation("Budapest Convention art. 29", Lang::Ru), "Будапештская конвенция art. 29");
        assert_eq!(citation("ETS 30 art. 14", Lang::Fr), "STE n° 30 art. 14");
        assert_eq!(citation("CETS 224 art. 9", Lang::Fr), "STCE n° 224 art. 9");
        // A treaty's own citation, as typed, is not touched.
        assert_eq!(citation("Treaty of 14 May 2009, art. 4", Lang::Fr), "Treaty of 14 May 2009, art. 4");
        assert_eq!(citation("UNTOCX", Lang::Fr), "UNTOCX");
    }

    #[test]
    fn a_source_that_is_no_instrument_is_worded_in_the_language() {
        assert_eq!(source("Practice", Lang::Fr), "Pratique");
        assert_eq!(source("Directory of competent authorities", Lang::Es), source("Directory", Lang::Es));
        assert_ne!(source("Directory", Lang::Ru), "Directory");
        assert_eq!(source("EIO Annex A section H2", Lang::Fr), "DEE, annexe A, section H2");
        assert!(is_known_source("EIO Annex A section D"));
        assert!(!is_known_source("Hearsay"));
    }

    #[test]
    fn every_language_has_its_own_short_names_and_descriptions() {
        for lang in Lang::ALL {
            for key in keys() {
                assert!(catalogue(lang).has_own(&key), "{lang:?}: {key}");
            }
        }
    }
}
