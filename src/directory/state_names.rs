//! The names of States in the six languages, from the Unicode Common Locale
//! Data Repository (CLDR), through ICU4X's compiled data: no list of names
//! is typed here. A request names its requested State by its ISO 3166-1
//! alpha-2 code; the wizard's picker, the findings and the document word
//! that code in their own language from here. A fictitious State (a
//! user-assigned code) has no CLDR name: its directory entry names it.

use std::str::FromStr;
use std::sync::OnceLock;

use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_locale_core::subtags::Region;
use icu_locale_core::LanguageIdentifier;

use super::state_ids;

/// The languages names are given in: the six of the interface and of the
/// documents, by ISO 639-1 code.
const LANGS: [&str; 6] = ["en", "fr", "es", "ru", "ar", "zh"];

/// The CLDR names of regions in each of [`LANGS`], loaded once.
fn tables() -> &'static [RegionDisplayNames; 6] {
    static TABLES: OnceLock<[RegionDisplayNames; 6]> = OnceLock::new();
    TABLES.get_or_init(|| {
        LANGS.map(|code| {
            let lang = LanguageIdentifier::from_str(code).expect("an ISO 639-1 code");
            RegionDisplayNames::try_new(lang.into(), DisplayNamesOptions::default())
                .expect("the compiled CLDR data names regions in the six languages")
        })
    })
}

/// The CLDR name of the State or territory `code` (ISO 3166-1 alpha-2, or
/// `XK`) in the language `lang` (ISO 639-1: one of the six; another falls
/// back to English). `None` for a code that names no State: a
/// user-assigned code, or not a code at all.
pub fn name(code: &str, lang: &str) -> Option<&'static str> {
    if !(state_ids::is_assigned(code) || state_ids::is_in_practical_use(code)) {
        return None;
    }
    let region = Region::try_from_str(code).ok()?;
    let table = &tables()[LANGS.iter().position(|l| *l == lang).unwrap_or(0)];
    table.of(region)
}

/// Every code a real State or territory can be requested by: the assigned
/// ISO 3166-1 alpha-2 codes, and `XK`, in the order of the codes.
pub fn real_codes() -> impl Iterator<Item = &'static str> {
    state_ids::assigned().iter().copied().chain(std::iter::once("XK"))
}

/// Whether `code` can name a requested State: a real State's code
/// ([`real_codes`]) or a user-assigned one (a fictitious State's).
pub fn is_state_code(code: &str) -> bool {
    real_codes().any(|c| c == code) || state_ids::is_user_assigned(code)
}

/// The code that `text` names: a code itself, in any case ("fr", "FR"), or
/// the CLDR name of a real State in any of the six languages, whatever its
/// case and surrounding spaces ("France", "Франция", "法国"). `None` when
/// it names none: the caller keeps the text as typed.
pub fn recognise(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if text.len() == 2 && text.is_ascii() {
        let code = text.to_ascii_uppercase();
        return real_codes().find(|c| *c == code);
    }
    let wanted = text.to_lowercase();
    real_codes().find(|code| LANGS.iter().any(|lang| name(code, lang).is_some_and(|n| n.to_lowercase() == wanted)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_real_code_has_a_name_in_each_of_the_six_languages() {
        for code in real_codes() {
            for lang in LANGS {
                let n = name(code, lang).unwrap_or_else(|| panic!("{code} in {lang}"));
                assert!(!n.trim().is_empty() && n != code, "{code} in {lang}: {n:?}");
            }
        }
    }

    #[test]
    fn names_come_in_the_language_asked() {
        assert_eq!(name("DE", "en"), Some("Germany"));
        assert_eq!(name("DE", "fr"), Some("Allemagne"));
        assert_eq!(name("DE", "es"), Some("Alemania"));
        assert_eq!(name("DE", "ru"), Some("Германия"));
        assert_eq!(name("DE", "ar"), Some("ألمانيا"));
        assert_eq!(name("DE", "zh"), Some("德国"));
        assert_eq!(name("DE", "qaa"), Some("Germany"), "another language falls back to English");
    }

    #[test]
    fn a_user_assigned_code_or_a_word_has_no_cldr_name() {
        for code in ["XN", "QM", "AA", "ZZ", "", "Germany", "de"] {
            assert_eq!(name(code, "en"), None, "{code}");
        }
    }

    #[test]
    fn a_code_or_a_name_in_any_of_the_six_languages_is_recognised() {
        for text in ["DE", "de", " Germany ", "GERMANY", "Allemagne", "alemania", "Германия", "ألمانيا", "德国"] {
            assert_eq!(recognise(text), Some("DE"), "{text}");
        }
        assert_eq!(recognise("XK"), Some("XK"));
        for text in ["", "Kingdom of Norland", "XN", "UK", "Deutschland"] {
            assert_eq!(recognise(text), None, "{text}");
        }
    }
}
