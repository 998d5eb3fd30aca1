//! The interface languages and their catalogues of wording, JSON files per
//! language in `locales/`, compiled into the binary. Keys are described in
//! [`crate::interview`]; `ui.*` keys word the application's own controls;
//! `check.*` keys (`<lang>.checks.json`) word the findings of
//! [`crate::checks`], with named `{placeholders}`. [`fonts`] names the
//! fonts that draw the scripts of these languages in every document, and
//! which characters they can draw.

pub mod citation;
pub mod fonts;
pub mod placeholders;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The six official languages of the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Russian.
    Ru,
    /// Arabic (right to left).
    Ar,
    /// Chinese.
    Zh,
}

impl Lang {
    /// Every language, in the order offered.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar, Lang::Zh];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
        }
    }

    /// Whether the language is written right to left.
    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The catalogue files of the language: the wizard's wording, the
    /// interface's own (`ui.*` keys) and the findings' (`check.*` keys).
    fn sources(self) -> [&'static str; 3] {
        match self {
            Lang::En => [
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.ui.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.checks.json")),
            ],
            Lang::Fr => [
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/fr.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/fr.ui.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/fr.checks.json")),
            ],
            Lang::Es => [
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/es.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/es.ui.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/es.checks.json")),
            ],
            Lang::Ru => [
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/ru.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/ru.ui.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/ru.checks.json")),
            ],
            Lang::Ar => [
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/ar.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/ar.ui.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/ar.checks.json")),
            ],
            Lang::Zh => [
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/zh.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/zh.ui.json")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/zh.checks.json")),
            ],
        }
    }
}

/// The wording of one language, falling back to English for a missing key
/// (a test keeps every catalogue complete).
pub struct Catalogue {
    own: BTreeMap<String, String>,
    english: BTreeMap<String, String>,
}

/// The catalogue files of `lang`, merged into one map.
fn parse_catalogue(lang: Lang) -> BTreeMap<String, String> {
    let mut all = BTreeMap::new();
    for source in lang.sources() {
        let part: BTreeMap<String, String> = serde_json::from_str(source)
            .unwrap_or_else(|e| panic!("a catalogue of locales/{}*.json is not a flat JSON object of strings: {e}", lang.code()));
        all.extend(part);
    }
    all
}

/// The catalogue of `lang`, parsed once per process.
pub fn catalogue(lang: Lang) -> &'static Catalogue {
    static CATALOGUES: [OnceLock<Catalogue>; 6] = [const { OnceLock::new() }; 6];
    let index = Lang::ALL.iter().position(|l| *l == lang).expect("every language is in ALL");
    CATALOGUES[index].get_or_init(|| Catalogue { own: parse_catalogue(lang), english: parse_catalogue(Lang::En) })
}

impl Catalogue {
    /// The wording of `key`; the key itself when no language has it.
    pub fn get(&self, key: &str) -> String {
        self.own.get(key).or_else(|| self.english.get(key)).cloned().unwrap_or_else(|| key.to_string())
    }

    /// Whether the language's own catalogue has `key` (without falling back
    /// to English).
    pub fn has_own(&self, key: &str) -> bool {
        self.own.contains_key(key)
    }

    /// The wording of a vocabulary value (`option.<Vocabulary>.<key>`).
    pub fn option<V: crate::request::Vocabulary>(&self, value: V) -> String {
        self.get(&format!("option.{}.{}", V::NAME, value.key()))
    }

    /// Every `ui.*` entry, for the interface's own controls.
    pub fn ui_strings(&self) -> BTreeMap<String, String> {
        self.english
            .keys()
            .filter(|k| k.starts_with("ui."))
            .map(|k| (k.clone(), self.get(k)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_has_every_key_the_wizard_uses_and_no_other() {
        let english = parse_catalogue(Lang::En);
        let wizard_keys = crate::interview::catalogue_keys();
        let mut problems = Vec::new();
        for key in &wizard_keys {
            if !english.contains_key(key) {
                problems.push(format!("en: missing {key}"));
            }
        }
        for key in english.keys() {
            let own_part = key.starts_with("ui.") || key.starts_with("option.") || key.starts_with("check.");
            let citation = citation::keys().contains(key);
            if !own_part && !citation && wizard_keys.binary_search(key).is_err() {
                problems.push(format!("en: unused {key}"));
            }
        }
        for lang in Lang::ALL {
            let own = parse_catalogue(lang);
            for key in english.keys() {
                match own.get(key) {
                    None => problems.push(format!("{}: missing {key}", lang.code())),
                    Some(v) if v.trim().is_empty() && !english[key].trim().is_empty() => {
                        problems.push(format!("{}: empty {key}", lang.code()))
                    }
                    _ => {}
                }
            }
            for key in own.keys() {
                if !english.contains_key(key) {
                    problems.push(format!("{}: unknown key {key}", lang.code()));
                }
            }
        }
        assert!(problems.is_empty(), "{} catalogue problems:\n{}", problems.len(), problems.join("\n"));
    }

    /// The `{name}` placeholders of a message, sorted, each once.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut found = super::placeholders::placeholders(text);
        found.sort();
        found.dedup();
        found
    }

    #[test]
    fn every_check_message_has_the_placeholders_of_english_in_every_language() {
        let english = parse_catalogue(Lang::En);
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let own = parse_catalogue(lang);
            for (key, text) in english.iter().filter(|(k, _)| k.starts_with("check.")) {
                let Some(translated) = own.get(key) else { continue };
                let (want, got) = (placeholders(text), placeholders(translated));
                if want != got {
                    problems.push(format!("{}: {key}: placeholders {got:?}, English has {want:?}", lang.code()));
                }
            }
        }
        assert!(problems.is_empty(), "{} placeholder problems:\n{}", problems.len(), problems.join("\n"));
    }
}
