//! The names of languages in the six languages, from the Unicode Common
//! Locale Data Repository (CLDR), through ICU4X's compiled data: no list of
//! names is typed here. A request names a language (of a person, an annex,
//! an interpreter, the officer, the request where it is none of the six) by
//! its ISO 639 code, as the directory's language rules do; the wizard's
//! picker, the findings and the document word that code in their own
//! language from here.
//!
//! The choosable languages are the ISO 639-1 (two-letter) codes the CLDR
//! names, and the ISO 639-2/3 (three-letter) codes of languages with no
//! two-letter code that the CLDR names in each of the six languages
//! (Filipino `fil`, Cantonese `yue`), leaving out the codes for no
//! particular language (`und`, `mul`, `mis`, `zxx`) and the range reserved
//! for local use (`qaa`–`qtz`).

use std::str::FromStr;
use std::sync::OnceLock;

use icu_experimental::displaynames::multi::LanguageDisplayNames;
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_locale_core::subtags::Language;
use icu_locale_core::LanguageIdentifier;
use serde::Serialize;
use ts_rs::TS;

/// The languages names are given in: the six of the interface and of the
/// documents, by ISO 639-1 code.
const LANGS: [&str; 6] = ["en", "fr", "es", "ru", "ar", "zh"];

/// The CLDR names of languages in each of [`LANGS`], loaded once.
fn tables() -> &'static [LanguageDisplayNames; 6] {
    static TABLES: OnceLock<[LanguageDisplayNames; 6]> = OnceLock::new();
    TABLES.get_or_init(|| {
        LANGS.map(|code| {
            let lang = LanguageIdentifier::from_str(code).expect("an ISO 639-1 code");
            LanguageDisplayNames::try_new(lang.into(), DisplayNamesOptions::default())
                .expect("the compiled CLDR data names languages in the six languages")
        })
    })
}

/// The CLDR name of `code` in `lang` (one of the six; another falls back
/// to English), whether or not the code is choosable.
fn cldr_name(code: &str, lang: &str) -> Option<&'static str> {
    let language = Language::try_from_str(code).ok()?;
    if language.as_str() != code {
        return None;
    }
    let table = &tables()[LANGS.iter().position(|l| *l == lang).unwrap_or(0)];
    table.of(language).filter(|n| !n.trim().is_empty() && *n != code)
}

/// Whether a three-letter code names no particular language: undetermined,
/// several, uncoded, no linguistic content, or reserved for local use.
fn is_special(code: &str) -> bool {
    matches!(code, "und" | "mul" | "mis" | "zxx") || (code.len() == 3 && code.as_bytes()[0] == b'q' && code.as_bytes()[1] <= b't')
}

/// Every choosable language code, in the order of the codes: the ISO
/// 639-1 codes the CLDR names in English, then the three-letter codes it
/// names in each of the six languages (see the module's notes).
pub fn codes() -> &'static [&'static str] {
    static CODES: OnceLock<Vec<&'static str>> = OnceLock::new();
    CODES.get_or_init(|| {
        let letters = b'a'..=b'z';
        let two = letters.clone().flat_map(|a| (b'a'..=b'z').map(move |b| [a, b]));
        let mut out: Vec<&'static str> = two
            .map(|c| String::from_utf8(c.to_vec()).expect("ASCII"))
            .filter(|c| cldr_name(c, "en").is_some())
            .map(|c| &*Box::leak(c.into_boxed_str()))
            .collect();
        for a in letters {
            for b in b'a'..=b'z' {
                for c in b'a'..=b'z' {
                    let code = String::from_utf8(vec![a, b, c]).expect("ASCII");
                    if !is_special(&code) && LANGS.iter().all(|lang| cldr_name(&code, lang).is_some()) {
                        out.push(Box::leak(code.into_boxed_str()));
                    }
                }
            }
        }
        out
    })
}

/// Whether `code` is a choosable language's code (lower case, as stored).
pub fn is_language_code(code: &str) -> bool {
    codes().binary_search_by(|c| c.len().cmp(&code.len()).then(c.cmp(&code))).is_ok()
}

/// The CLDR name of the language `code` (a choosable ISO 639 code, see
/// [`codes`]) in the language `lang` (ISO 639-1: one of the six; another
/// falls back to English). `None` for a code that is not choosable, or
/// text that is no code: the caller shows it as typed.
pub fn name(code: &str, lang: &str) -> Option<&'static str> {
    if !is_language_code(code) {
        return None;
    }
    cldr_name(code, lang)
}

/// The code that `text` names: a choosable code itself, in any case ("de",
/// "DE"), or the CLDR name of a choosable language in any of the six
/// languages, whatever its case and surrounding spaces ("German",
/// "allemand", "немецкий", "德语"). `None` when it names none: the caller
/// keeps the text as typed.
pub fn language_code(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if text.len() <= 3 && text.is_ascii() {
        let code = text.to_ascii_lowercase();
        if let Some(found) = codes().iter().find(|c| **c == code) {
            return Some(found);
        }
    }
    let wanted = text.to_lowercase();
    codes().iter().copied().find(|code| LANGS.iter().any(|lang| cldr_name(code, lang).is_some_and(|n| n.to_lowercase() == wanted)))
}

/// How a stored language answer reads in `lang`: the CLDR name of its
/// code, or, for text of an older draft that names no language, the text
/// as typed.
pub fn name_or_typed<'a>(stored: &'a str, lang: &str) -> &'a str {
    name(stored.trim(), lang).unwrap_or(stored.trim())
}

/// A language a language answer is picked from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LanguageChoice {
    /// Its ISO 639 code, as the request stores it.
    pub code: String,
    /// Its CLDR name in the language asked.
    pub name: String,
}

/// Every choosable language ([`codes`]), named in `lang` (one of the six),
/// in the order of the codes: the interface sorts them by name as its
/// language sorts.
pub fn choices(lang: &str) -> Vec<LanguageChoice> {
    codes().iter().filter_map(|code| Some(LanguageChoice { code: code.to_string(), name: name(code, lang)?.to_string() })).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choosable_code_has_a_name_in_each_of_the_six_languages() {
        assert!(codes().len() > 150, "{}", codes().len());
        for code in codes() {
            for lang in LANGS {
                let n = name(code, lang).unwrap_or_else(|| panic!("{code} in {lang}"));
                assert!(!n.trim().is_empty() && n != *code, "{code} in {lang}: {n:?}");
            }
        }
    }

    #[test]
    fn the_choosable_codes_are_iso_639_1_and_named_three_letter_codes_without_special_ones() {
        for code in ["en", "de", "no", "nb", "sq", "uk", "zh", "ar", "fil", "yue"] {
            assert!(is_language_code(code), "{code}");
        }
        for code in ["und", "mul", "mis", "zxx", "qaa", "xx", "", "EN", "deu", "German"] {
            assert!(!is_language_code(code), "{code}");
        }
    }

    #[test]
    fn the_choices_name_every_choosable_code_in_the_language_asked() {
        let fr = choices("fr");
        assert_eq!(fr.len(), codes().len());
        assert!(fr.iter().any(|c| c.code == "de" && c.name == "allemand"));
        assert!(choices("ar").iter().any(|c| c.code == "de" && c.name == "الألمانية"));
    }

    #[test]
    fn names_come_in_the_language_asked() {
        assert_eq!(name("de", "en"), Some("German"));
        assert_eq!(name("de", "fr"), Some("allemand"));
        assert_eq!(name("de", "es"), Some("alemán"));
        assert_eq!(name("de", "ru"), Some("немецкий"));
        assert_eq!(name("de", "ar"), Some("الألمانية"));
        assert_eq!(name("de", "zh"), Some("德语"));
        assert_eq!(name("de", "qaa"), Some("German"), "another language falls back to English");
    }

    #[test]
    fn every_real_language_of_the_demo_directory_has_a_name_in_each_of_the_six_languages() {
        let pack = crate::directory::demo::pack();
        let mut used: Vec<String> = Vec::new();
        for state in &pack.states {
            used.extend(state.entry.official_languages.iter().cloned());
            for rule in &state.entry.languages {
                used.extend(rule.accepted.iter().map(|a| a.lang.clone()));
            }
        }
        // Norlandic and Vestrian are fictitious: codes reserved for local use,
        // which no CLDR names and no picker offers.
        let (local, real): (Vec<_>, Vec<_>) = used.iter().partition(|c| is_special(c));
        assert!(!real.is_empty() && local.iter().all(|c| name(c, "en").is_none()), "{used:?}");
        for code in real {
            for lang in LANGS {
                assert!(name(code, lang).is_some(), "{code} in {lang}");
            }
        }
    }

    #[test]
    fn a_code_or_a_name_in_any_of_the_six_languages_is_recognised() {
        for text in ["de", "DE", " German ", "GERMAN", "allemand", "Alemán", "немецкий", "الألمانية", "德语"] {
            assert_eq!(language_code(text), Some("de"), "{text}");
        }
        assert_eq!(language_code("Filipino"), Some("fil"));
        for text in ["", "Norlandic", "Norlandic; also speaks English", "xx", "und", "Deutsch"] {
            assert_eq!(language_code(text), None, "{text}");
        }
    }

    #[test]
    fn text_that_names_no_language_reads_as_typed() {
        assert_eq!(name_or_typed("de", "fr"), "allemand");
        assert_eq!(name_or_typed(" Norlandic ", "fr"), "Norlandic");
    }
}
