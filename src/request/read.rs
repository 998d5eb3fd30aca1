//! Reading and writing request files: JSON with a `format_version`, older
//! versions migrated on load, and errors that say where and what.
//!
//! A request from outside (a file, a counterpart's package) is read with
//! [`parse_imported`]: besides its shape, its size, the length of each text,
//! the number of items in each list and the characters of each text are
//! checked against the documented limits (docs/request-format.md, "Limits").

use std::path::Path;

use serde_json::Value;
use thiserror::Error;

use crate::request::json::{self, JsonError};
use crate::request::text::{code_point, first_control, visible};
use crate::request::text_file::{read_text_file, TextFileError};
use crate::request::{Request, FORMAT_VERSION};

/// The largest request file read, in bytes (16 MiB): a request with 5,000
/// persons and a free text of 1 MB takes a fifth of it.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// The longest text of one answer, in bytes of UTF-8 (2 MiB, some 600
/// pages of plain text).
pub const MAX_TEXT_BYTES: usize = 2 << 20;

/// The most items in one list (persons, offences, the items of each
/// measure…): 10,000.
pub const MAX_LIST_ITEMS: usize = 10_000;

/// Why a request could not be read.
#[derive(Debug, Error)]
pub enum FormatError {
    /// The file could not be read, is larger than [`MAX_FILE_BYTES`] (and
    /// was not read), or is not UTF-8 text.
    #[error("{file}: {source}")]
    File {
        /// File name as given.
        file: String,
        /// What went wrong.
        source: TextFileError,
    },
    /// The text is not JSON.
    #[error("{file}: not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// File name as given.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The JSON does not match the request format.
    #[error("{file}: at {path}: {message}")]
    Shape {
        /// File name as given.
        file: String,
        /// JSON path of the offending value, e.g. `$.persons[0].role`.
        path: String,
        /// What was expected and what was found.
        message: String,
    },
    /// A text holds a control character no request may hold (see
    /// [`crate::request::text`]).
    #[error("{file}: at {path}: the text holds the control character {code} (at character {at}), which a request may not hold; remove it")]
    Control {
        /// File name as given.
        file: String,
        /// JSON path of the text, e.g. `$.facts.summary`.
        path: String,
        /// The character, as `U+001B`.
        code: String,
        /// 1-based position of the character in the text.
        at: usize,
    },
    /// A text is longer than [`MAX_TEXT_BYTES`].
    #[error("{file}: at {path}: the text is {size} bytes long, more than the {limit} bytes an answer may hold")]
    TooLong {
        /// File name as given.
        file: String,
        /// JSON path of the text.
        path: String,
        /// Its length in bytes of UTF-8.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A list has more than [`MAX_LIST_ITEMS`] items.
    #[error("{file}: at {path}: the list has {count} items, more than the {limit} a list may hold")]
    TooMany {
        /// File name as given.
        file: String,
        /// JSON path of the list.
        path: String,
        /// Its number of items.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// The file was written by a newer version of the app.
    #[error("{file}: format_version {found} is newer than this app understands (up to {supported}); update MLA Writer")]
    TooNew {
        /// File name as given.
        file: String,
        /// Version in the file.
        found: u64,
        /// Newest version this build reads.
        supported: u32,
    },
}

/// Parses a request from JSON text; `origin` names the source in errors.
/// A key repeated in an object is refused; the texts are taken as they are
/// (the app's own saved drafts are read with this). Text from outside is
/// read with [`parse_imported`].
pub fn parse_request(text: &str, origin: &str) -> Result<Request, FormatError> {
    let value = parse_json(text, origin)?;
    from_value(value, origin)
}

/// Parses a request that comes from outside: as [`parse_request`], and
/// every text within [`MAX_TEXT_BYTES`] and free of control characters
/// (other than tab, line feed and CRLF), every list within
/// [`MAX_LIST_ITEMS`]. The error names the JSON path.
pub fn parse_imported(text: &str, origin: &str) -> Result<Request, FormatError> {
    let value = parse_json(text, origin)?;
    check_limits(&value, &mut String::from("$"), origin, true)?;
    from_value(value, origin)
}

/// Checks that every text of `request` is within [`MAX_TEXT_BYTES`] and
/// every list within [`MAX_LIST_ITEMS`]: the limits a draft is saved
/// within, whatever it was typed or imported from. `origin` names the draft
/// in the error, which gives the JSON path.
pub fn within_limits(request: &Request, origin: &str) -> Result<(), FormatError> {
    let value = serde_json::to_value(request).expect("a request serialises");
    check_limits(&value, &mut String::from("$"), origin, false)
}

fn parse_json(text: &str, origin: &str) -> Result<Value, FormatError> {
    json::parse(text).map_err(|e| match e {
        JsonError::Syntax { line, column, message } => FormatError::Syntax { file: origin.to_string(), line, column, message },
        JsonError::DuplicateKey { path } => FormatError::Shape {
            file: origin.to_string(),
            path,
            message: "the key appears more than once in its object; each key may appear only once".into(),
        },
    })
}

/// Checks every text (keys included) and list of `value`, at `path`: their
/// sizes, and with `controls` that texts hold no control character.
fn check_limits(value: &Value, path: &mut String, origin: &str, controls: bool) -> Result<(), FormatError> {
    let text = |text: &str, path: &str| -> Result<(), FormatError> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(FormatError::TooLong { file: origin.to_string(), path: path.to_string(), size: text.len(), limit: MAX_TEXT_BYTES });
        }
        if let Some((at, c)) = first_control(text).filter(|_| controls) {
            return Err(FormatError::Control {
                file: origin.to_string(),
                path: path.to_string(),
                code: code_point(c),
                at: text[..at].chars().count() + 1,
            });
        }
        Ok(())
    };
    let len = path.len();
    match value {
        Value::String(s) => text(s, path)?,
        Value::Array(items) => {
            if items.len() > MAX_LIST_ITEMS {
                return Err(FormatError::TooMany { file: origin.to_string(), path: path.clone(), count: items.len(), limit: MAX_LIST_ITEMS });
            }
            for (index, item) in items.iter().enumerate() {
                path.push_str(&format!("[{index}]"));
                check_limits(item, path, origin, controls)?;
                path.truncate(len);
            }
        }
        Value::Object(object) => {
            for (key, item) in object {
                path.push('.');
                path.push_str(&visible(key));
                text(key, path)?;
                check_limits(item, path, origin, controls)?;
                path.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
    Ok(())
}

fn from_value(mut value: Value, origin: &str) -> Result<Request, FormatError> {
    migrate(&mut value, origin)?;
    serde_path_to_error::deserialize(&value).map_err(|e| FormatError::Shape {
        file: origin.to_string(),
        path: json_path(e.path()),
        message: e.inner().to_string(),
    })
}

/// Reads a request file of at most [`MAX_FILE_BYTES`] (a larger file is
/// refused before it is read) with [`parse_imported`].
pub fn read_request(path: &Path) -> Result<Request, FormatError> {
    let origin = path.display().to_string();
    let text = read_text_file(path, MAX_FILE_BYTES).map_err(|source| FormatError::File { file: origin.clone(), source })?;
    parse_imported(&text, &origin)
}

/// Serialises a request as pretty JSON (the documented format).
pub fn to_json(request: &Request) -> String {
    serde_json::to_string_pretty(request).expect("a request always serialises")
}

/// Brings an older document up to [`FORMAT_VERSION`], one version at a time.
/// A document without a version is taken as version 1.
fn migrate(value: &mut serde_json::Value, origin: &str) -> Result<(), FormatError> {
    let Some(object) = value.as_object_mut() else {
        return Err(FormatError::Shape {
            file: origin.to_string(),
            path: "$".into(),
            message: format!("expected a JSON object (a request), found {}", kind_of(value)),
        });
    };
    let version = match object.get("format_version") {
        None => 1,
        Some(v) => v.as_u64().filter(|v| *v >= 1).ok_or_else(|| FormatError::Shape {
            file: origin.to_string(),
            path: "$.format_version".into(),
            message: format!("expected a positive whole number, found {v}"),
        })?,
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(FormatError::TooNew { file: origin.to_string(), found: version, supported: FORMAT_VERSION });
    }
    if version < 2 {
        v1_to_v2(object);
    }
    if version < 3 {
        v2_to_v3(object);
    }
    if version < 4 {
        v3_to_v4(object);
    }
    if version < 5 {
        v4_to_v5(object);
    }
    if version < 7 {
        v6_to_v7(object);
    }
    if version < 9 {
        state_by_code(object);
    }
    if version < 10 {
        languages_by_code(object);
    }
    object.insert("format_version".into(), FORMAT_VERSION.into());
    Ok(())
}

/// Version 3 had one text for the facts of every transfer ground
/// (`transfer.grounds_explanation`); version 4 has one per ground
/// (`transfer.ground_facts.<ground>`). The text goes to the first ground
/// ticked, or to ground (a) when none is, so that nothing is lost. Version
/// 3 printed the ne bis in idem undertaking and the request to report back
/// in every transfer request; version 4 prints them when given, so a
/// transfer request keeps them.
fn v3_to_v4(object: &mut serde_json::Map<String, serde_json::Value>) {
    if object.get("kind").and_then(|k| k.as_str()) == Some("transfer_of_proceedings") {
        let transfer = object.entry("transfer").or_insert_with(|| serde_json::json!({}));
        if let Some(transfer) = transfer.as_object_mut() {
            transfer.insert("undertakings".into(), serde_json::json!({ "ne_bis_in_idem": true, "report_back": true }));
        }
    }
    let Some(transfer) = object.get_mut("transfer").and_then(|t| t.as_object_mut()) else { return };
    let Some(text) = transfer.remove("grounds_explanation") else { return };
    if text.as_str().is_none_or(|t| t.trim().is_empty()) {
        return;
    }
    let ground = transfer
        .get("grounds")
        .and_then(|g| g.as_array())
        .and_then(|g| g.first())
        .filter(|g| serde_json::from_value::<crate::request::transfer::TransferGround>((*g).clone()).is_ok())
        .and_then(|g| g.as_str())
        .unwrap_or("residence")
        .to_string();
    let facts = transfer.entry("ground_facts").or_insert_with(|| serde_json::json!({}));
    if let Some(facts) = facts.as_object_mut() {
        facts.insert(ground, text);
    }
}

/// Version 6 printed the custody, return, credit and safe-conduct
/// undertakings in every temporary transfer of a detained person (M9);
/// version 7 prints each one when it is ticked, so every transfer item of
/// an older request keeps the four. Version 6 also asked a transfer's
/// limitation date twice (see [`one_limitation_date`]).
fn v6_to_v7(object: &mut serde_json::Map<String, serde_json::Value>) {
    one_limitation_date(object);
    let Some(items) = object.get_mut("mla").and_then(|m| m.get_mut("detainee_transfer")).and_then(|d| d.as_array_mut()) else { return };
    for item in items.iter_mut().filter_map(|i| i.as_object_mut()) {
        for undertaking in ["custody_undertaking", "return_undertaking", "credit_undertaking", "safe_conduct"] {
            item.insert(undertaking.into(), true.into());
        }
    }
}

/// Version 8 named the requested State by whatever was typed ("Germany",
/// "Kingdom of Norland"); version 9 names it by its ISO 3166-1 code, so
/// that every language words it. The name of the State whose directory
/// entry the request carries becomes that entry's code; a code, or a CLDR
/// name of a real State in any of the six languages, or the name of a
/// fictitious State of the demo pack, becomes its code; any other text is
/// kept as typed, and the review asks for the State to be picked.
fn state_by_code(object: &mut serde_json::Map<String, serde_json::Value>) {
    let Some(serde_json::Value::String(text)) = object.get("req_state") else { return };
    let typed = text.trim();
    if typed.is_empty() {
        return;
    }
    let entry = object.get("req_state_entry");
    let entry_field = |key: &str| entry.and_then(|e| e.get(key)).and_then(|v| v.as_str()).map(str::trim).unwrap_or("");
    let names_entry = [entry_field("name"), entry_field("name_local"), entry_field("state_id")]
        .iter()
        .any(|n| !n.is_empty() && n.eq_ignore_ascii_case(typed));
    let code = if names_entry && !entry_field("state_id").is_empty() {
        entry_field("state_id").to_string()
    } else if let Some(code) = crate::directory::demo::code_of(typed) {
        code
    } else {
        return;
    };
    object.insert("req_state".into(), code.into());
}

/// Version 9 named a language beyond the six (of drafting, of the request,
/// of an annex, of a person, of an interpreter, of the officer) by whatever
/// was typed ("German", "allemand"); version 10 names it by its ISO 639
/// code, so that every language words it. A code in any case, or a CLDR
/// name of a language in any of the six languages, becomes its code; any
/// other text is kept as typed, and the review asks for the language to be
/// picked (`FMT-LANGUAGE`). The officer's languages, one text in version 9,
/// become a list: the text is cut at commas, semicolons (Chinese and Arabic
/// ones too), slashes and line breaks, each part becoming its code or, when it names none, kept as
/// typed; text that names no language at all stays one item, whole.
fn languages_by_code(object: &mut serde_json::Map<String, serde_json::Value>) {
    fn by_code(value: Option<&mut serde_json::Value>) {
        let Some(serde_json::Value::String(text)) = value else { return };
        if let Some(code) = crate::directory::language_names::language_code(text) {
            *text = code.to_string();
        }
    }
    fn each<'a>(object: &'a mut serde_json::Map<String, serde_json::Value>, list: &str) -> impl Iterator<Item = &'a mut serde_json::Map<String, serde_json::Value>> {
        object.get_mut(list).and_then(|l| l.as_array_mut()).into_iter().flatten().filter_map(|i| i.as_object_mut())
    }
    if let Some(lang) = object.get_mut("lang").and_then(|l| l.as_object_mut()) {
        by_code(lang.get_mut("drafting_other"));
        by_code(lang.get_mut("request_other"));
    }
    for attachment in each(object, "attachments") {
        by_code(attachment.get_mut("language_other"));
    }
    for person in each(object, "persons") {
        by_code(person.get_mut("language_understood"));
    }
    if let Some(mla) = object.get_mut("mla").and_then(|m| m.as_object_mut()) {
        for statement in each(mla, "statements") {
            by_code(statement.get_mut("interpreter_lang"));
        }
    }
    let Some(authority) = object.get_mut("req_auth").and_then(|a| a.as_object_mut()) else { return };
    let Some(serde_json::Value::String(text)) = authority.get("languages") else { return };
    let parts: Vec<&str> = text.split([',', ';', '/', '\n', '，', '、', '；', '،', '؛']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let list: Vec<String> = if parts.iter().any(|p| crate::directory::language_names::language_code(p).is_some()) {
        parts.iter().map(|p| crate::directory::language_names::language_code(p).map_or_else(|| p.to_string(), str::to_string)).collect()
    } else if text.trim().is_empty() {
        Vec::new()
    } else {
        vec![text.trim().to_string()]
    };
    authority.insert("languages".into(), list.into());
}

/// Version 6 asked the limitation date in the requesting State twice: in
/// the proceedings (`proc.limitation_date`) and again in a transfer's
/// forum analysis (`transfer.forum.limitation_requesting`). Version 7 asks
/// it once, in the proceedings. A date given only in the forum moves
/// there; of two different dates, the earlier is kept, the one that bars
/// prosecution first.
fn one_limitation_date(object: &mut serde_json::Map<String, serde_json::Value>) {
    let Some(forum) = object.get_mut("transfer").and_then(|t| t.get_mut("forum")).and_then(|f| f.as_object_mut()) else { return };
    let Some(serde_json::Value::String(forum_date)) = forum.remove("limitation_requesting") else { return };
    let forum_date = forum_date.trim().to_string();
    if forum_date.is_empty() {
        return;
    }
    let proc = object.entry("proc").or_insert_with(|| serde_json::json!({}));
    let Some(proc) = proc.as_object_mut() else { return };
    let current = proc.get("limitation_date").and_then(|d| d.as_str()).map(str::trim).unwrap_or("").to_string();
    // ISO dates compare as text.
    if current.is_empty() || forum_date < current {
        proc.insert("limitation_date".into(), forum_date.into());
    }
}

/// Version 4 had the drafting language and the language of the request as
/// free text (`"fr"`, but also `"French"`, which printed an English
/// document); version 5 has a choice of the six languages or "other", as
/// for annexes. A code or a name of one of the six (in any of them) becomes
/// its choice; any other text moves to `lang.drafting_other` or
/// `lang.request_other`, with the choice "other", so that the review says
/// the document cannot be printed in it.
fn v4_to_v5(object: &mut serde_json::Map<String, serde_json::Value>) {
    let Some(lang) = object.get_mut("lang").and_then(|l| l.as_object_mut()) else { return };
    for field in ["drafting", "request"] {
        let Some(serde_json::Value::String(text)) = lang.get(field).cloned() else { continue };
        let choice = language_choice(&text, |other| {
            lang.insert(format!("{field}_other"), other.into());
        });
        lang.insert(field.into(), choice);
    }
}

/// The choice for a language given as free text: none for an empty text,
/// the code of one of the six from its code or name, else "other", the
/// text (trimmed) passed to `other`.
fn language_choice(text: &str, other: impl FnOnce(&str)) -> serde_json::Value {
    if text.trim().is_empty() {
        serde_json::Value::Null
    } else if let Some(code) = language_code(text) {
        code.into()
    } else {
        other(text.trim());
        "other".into()
    }
}

/// Version 1 had free-text `measures[]` only; version 2 has typed modules,
/// and a free-text measure is "other assistance" (M15).
fn v1_to_v2(object: &mut serde_json::Map<String, serde_json::Value>) {
    let Some(measures) = object.remove("measures") else { return };
    let items: Vec<serde_json::Value> = measures
        .as_array()
        .map(|list| {
            list.iter()
                .map(|m| serde_json::json!({ "description": m.get("description").cloned().unwrap_or_default() }))
                .collect()
        })
        .unwrap_or_default();
    if items.is_empty() {
        return;
    }
    let mla = object.entry("mla").or_insert_with(|| serde_json::json!({}));
    if let Some(mla) = mla.as_object_mut() {
        mla.insert("modules".into(), serde_json::json!(["other"]));
        mla.insert("other".into(), serde_json::Value::Array(items));
    }
}

/// Version 3 changes two answers of version 2:
/// - an annex's language was free text ("en", "English", "anglais"); it is a
///   choice of the six languages or "other". A code or a name of one of the
///   six (in any of them) becomes its code; any other text moves to
///   `language_other`, with the choice "other";
/// - a legal person's State of registration was asked as its nationality; a
///   legal person has no nationality, and the State joins its register
///   ("Companies Register, Norland").
fn v2_to_v3(object: &mut serde_json::Map<String, serde_json::Value>) {
    let persons = object.get_mut("persons").and_then(|p| p.as_array_mut()).into_iter().flatten();
    for person in persons.filter_map(|p| p.as_object_mut()).filter(|p| p.get("type").and_then(|t| t.as_str()) == Some("legal")) {
        let Some(serde_json::Value::String(state)) = person.remove("nationalities") else { continue };
        let register = person.get("register").and_then(|r| r.as_str()).unwrap_or_default().trim().to_string();
        let joined = match (register.is_empty(), state.trim().is_empty() || register.contains(state.trim())) {
            (_, true) => register,
            (true, false) => state.trim().to_string(),
            (false, false) => format!("{register}, {}", state.trim()),
        };
        person.insert("register".into(), joined.into());
    }
    let Some(attachments) = object.get_mut("attachments").and_then(|a| a.as_array_mut()) else { return };
    for attachment in attachments.iter_mut().filter_map(|a| a.as_object_mut()) {
        let Some(serde_json::Value::String(text)) = attachment.get("language").cloned() else { continue };
        let choice = language_choice(&text, |other| {
            attachment.insert("language_other".into(), other.into());
        });
        attachment.insert("language".into(), choice);
    }
}

/// The code of one of the six languages from its code or its name in any
/// of them (case and surrounding spaces ignored).
fn language_code(text: &str) -> Option<&'static str> {
    const NAMES: [(&str, &[&str]); 6] = [
        ("en", &["en", "eng", "english", "anglais", "inglés", "ingles", "английский", "الإنجليزية", "الانجليزية", "الإنكليزية", "英语", "英文"]),
        ("fr", &["fr", "fra", "fre", "french", "français", "francais", "francés", "frances", "французский", "الفرنسية", "法语", "法文"]),
        ("es", &["es", "spa", "spanish", "espagnol", "español", "espanol", "испанский", "الإسبانية", "الاسبانية", "西班牙语", "西班牙文"]),
        ("ru", &["ru", "rus", "russian", "russe", "ruso", "русский", "الروسية", "俄语", "俄文"]),
        ("ar", &["ar", "ara", "arabic", "arabe", "árabe", "арабский", "العربية", "阿拉伯语", "阿拉伯文"]),
        ("zh", &["zh", "zho", "chi", "chinese", "chinois", "chino", "китайский", "الصينية", "中文", "汉语", "漢語"]),
    ];
    let text = text.trim().to_lowercase();
    NAMES.iter().find(|(_, names)| names.contains(&text.as_str())).map(|(code, _)| *code)
}

fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// `$.persons[0].role` from serde_path_to_error's path.
pub(crate) fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::from("$");
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => out.push_str(&format!(".{key}")),
            Segment::Enum { variant } => out.push_str(&format!(".{variant}")),
            Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_is_refused_with_its_path() {
        let err = parse_request(r#"{"req_state":"A","req_state":"B"}"#, "x.json").unwrap_err();
        assert_eq!(err.to_string(), "x.json: at $.req_state: the key appears more than once in its object; each key may appear only once");
        let err = parse_imported(r#"{"persons":[{},{},{"family_name":"A","role":"suspect","family_name":"B"}]}"#, "x.json").unwrap_err();
        assert!(matches!(&err, FormatError::Shape { path, .. } if path == "$.persons[2].family_name"), "{err}");
    }

    #[test]
    fn a_control_character_in_an_imported_text_is_refused_with_its_path() {
        let err = parse_imported(r#"{"persons":[{},{"location":"Flat 4\u001b[2J"}]}"#, "x.json").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.json: at $.persons[1].location: the text holds the control character U+001B (at character 7), which a request may not hold; remove it"
        );
        assert!(matches!(parse_imported(r#"{"req_state":"A\rB"}"#, "x"), Err(FormatError::Control { code, .. }) if code == "U+000D"));
        assert!(matches!(parse_imported(r#"{"req_state":"\u0085"}"#, "x"), Err(FormatError::Control { code, .. }) if code == "U+0085"));
        let err = parse_imported(r#"{"req_\u0007auth":{}}"#, "x").unwrap_err();
        assert!(matches!(&err, FormatError::Control { path, .. } if path == "$.req_\\u{7}auth"), "{err:?}");
        let lines = parse_imported(r#"{"facts":{"summary":"one\r\ntwo\n\tthree"}}"#, "x").unwrap();
        assert_eq!(lines.facts.summary, "one\r\ntwo\n\tthree");
    }

    #[test]
    fn texts_and_lists_are_bounded() {
        let long = format!(r#"{{"facts":{{"summary":"{}"}}}}"#, "é".repeat(MAX_TEXT_BYTES / 2 + 1));
        let err = parse_imported(&long, "x").unwrap_err();
        assert!(matches!(&err, FormatError::TooLong { path, size, .. } if path == "$.facts.summary" && *size == MAX_TEXT_BYTES + 2), "{err}");
        let at_limit = format!(r#"{{"facts":{{"summary":"{}"}}}}"#, "é".repeat(MAX_TEXT_BYTES / 2));
        assert_eq!(parse_imported(&at_limit, "x").unwrap().facts.summary.len(), MAX_TEXT_BYTES);
        let many = format!(r#"{{"persons":[{}]}}"#, vec!["{}"; MAX_LIST_ITEMS + 1].join(","));
        let err = parse_imported(&many, "x").unwrap_err();
        assert_eq!(err.to_string(), format!("x: at $.persons: the list has {} items, more than the {MAX_LIST_ITEMS} a list may hold", MAX_LIST_ITEMS + 1));
        let enough = format!(r#"{{"persons":[{}]}}"#, vec!["{}"; MAX_LIST_ITEMS].join(","));
        assert_eq!(parse_imported(&enough, "x").unwrap().persons.len(), MAX_LIST_ITEMS);
    }

    #[test]
    fn a_request_file_over_the_limit_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.json");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_request(&path).unwrap_err();
        assert!(matches!(err, FormatError::File { source: TextFileError::TooLarge { .. }, .. }), "{err:?}");
        assert_eq!(err.to_string(), format!("{}: the file is {} bytes, more than the {MAX_FILE_BYTES} bytes allowed", path.display(), MAX_FILE_BYTES + 1));
    }

    #[test]
    fn wrong_enum_value_names_its_path_and_the_expected_values() {
        let err = parse_request(r#"{"persons":[{"role":"boss"}]}"#, "x.json").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("x.json: at $.persons[0].role: unknown variant `boss`"), "{text}");
        assert!(text.contains("suspect"), "{text}");
    }

    #[test]
    fn unknown_field_is_rejected() {
        let err = parse_request(r#"{"req_auth":{"nmae":"x"}}"#, "x.json").unwrap_err();
        assert!(err.to_string().contains("at $.req_auth.nmae: unknown field `nmae`"), "{err}");
    }

    #[test]
    fn syntax_error_gives_line_and_column() {
        let err = parse_request("{\n  \"kind\": ,\n}", "x.json").unwrap_err();
        assert!(err.to_string().starts_with("x.json: not valid JSON at line 2, column"), "{err}");
    }

    #[test]
    fn version_2_transfer_grounds_explanation_goes_to_the_first_ground_ticked() {
        use crate::request::transfer::TransferGround;
        let text = "He lives in Calvania.";
        let r = parse_request(
            &format!(r#"{{"format_version": 2, "transfer": {{"grounds": ["nationality", "presence"], "grounds_explanation": "{text}"}}}}"#),
            "x.json",
        )
        .unwrap();
        assert_eq!(r.format_version, FORMAT_VERSION);
        assert_eq!(r.transfer.grounds, [TransferGround::Nationality, TransferGround::Presence]);
        assert_eq!(r.transfer.ground_facts.nationality, text);
        assert_eq!(r.transfer.ground_facts.presence, "");
        let none = parse_request(&format!(r#"{{"format_version": 2, "transfer": {{"grounds_explanation": "{text}"}}}}"#), "x.json").unwrap();
        assert_eq!(none.transfer.ground_facts.residence, text, "kept even with no ground ticked");
        let empty = parse_request(r#"{"format_version": 2, "transfer": {"grounds": ["evidence"], "grounds_explanation": ""}}"#, "x.json").unwrap();
        assert_eq!(empty.transfer.ground_facts, Default::default());
    }

    #[test]
    fn version_2_transfer_request_keeps_the_undertakings_it_printed() {
        let r = parse_request(r#"{"format_version": 2, "kind": "transfer_of_proceedings"}"#, "x.json").unwrap();
        let u = &r.transfer.undertakings;
        assert!(u.ne_bis_in_idem && u.report_back && !u.later_acts, "{u:?}");
        let mla = parse_request(r#"{"format_version": 2, "kind": "mla_evidence"}"#, "x.json").unwrap();
        assert_eq!(mla.transfer.undertakings, Default::default());
    }

    #[test]
    fn version_6_detainee_transfer_keeps_the_undertakings_it_printed() {
        let r = parse_request(r#"{"format_version": 6, "mla": {"detainee_transfer": [{"detainee_ref": "Ivo Marr"}, {}]}}"#, "x.json").unwrap();
        assert_eq!(r.mla.detainee_transfer.len(), 2);
        for d in &r.mla.detainee_transfer {
            assert!(d.custody_undertaking && d.return_undertaking && d.credit_undertaking && d.safe_conduct, "{d:?}");
        }
        let current = parse_request(&format!(r#"{{"format_version": {FORMAT_VERSION}, "mla": {{"detainee_transfer": [{{"detainee_ref": "Ivo Marr"}}]}}}}"#), "x.json").unwrap();
        let d = &current.mla.detainee_transfer[0];
        assert!(!d.custody_undertaking && !d.return_undertaking && !d.credit_undertaking && !d.safe_conduct, "{d:?}");
        let none = parse_request(r#"{"format_version": 6, "kind": "mla_evidence"}"#, "x.json").unwrap();
        assert!(none.mla.detainee_transfer.is_empty());
    }

    /// Version 8 adds answers filled from the directory (or asked under the
    /// Harare Scheme): a version-7 file, its State's entry included, reads
    /// unchanged with them empty, to be filled when its State is picked again.
    #[test]
    fn version_7_reads_unchanged_with_the_answers_of_version_8_empty() {
        let text = r#"{"format_version": 7, "req_state": "Kingdom of Norland", "basis": {"primary": "UNTOC_18"}, "channel": {"means": "email"},
            "req_state_entry": {"state_id": "XN", "name": "Kingdom of Norland", "fictitious": true}}"#;
        let r = parse_request(text, "x.json").unwrap();
        assert_eq!(r.format_version, FORMAT_VERSION);
        assert_eq!((r.basis.in_force, r.basis.use_convention_paras, r.basis.bilateral_treaty.as_str()), (None, None, ""));
        assert!(r.lang.accepted.is_empty() && r.own_state.is_empty() && !r.channel.encryption && !r.channel.advance_copy_interpol);
        assert_eq!(r.central_authority_certificate, Default::default());
        assert_eq!(r.req_state_entry.as_ref().map(|e| e.state_id.as_str()), Some("XN"));
    }

    #[test]
    fn version_6_asks_a_transfer_s_limitation_date_once_keeping_the_earlier_of_two() {
        let read = |proc: &str, forum: &str| {
            let r = parse_request(
                &format!(r#"{{"format_version": 6, "kind": "transfer_of_proceedings", "proc": {{"limitation_date": "{proc}"}}, "transfer": {{"forum": {{"limitation_requesting": "{forum}"}}}}}}"#),
                "x.json",
            )
            .unwrap();
            r.proc.limitation_date
        };
        assert_eq!(read("", "2033-06-14"), "2033-06-14");
        assert_eq!(read("2033-06-14", ""), "2033-06-14");
        assert_eq!(read("2033-06-14", "2033-06-14"), "2033-06-14");
        assert_eq!(read("2033-06-14", "2026-01-01"), "2026-01-01");
        assert_eq!(read("2026-01-01", "2033-06-14"), "2026-01-01");
        let current = format!(r#"{{"format_version": {FORMAT_VERSION}, "transfer": {{"forum": {{"limitation_requesting": "2033-06-14"}}}}}}"#);
        assert!(parse_request(&current, "x.json").is_err(), "version 7 has no second limitation date");
    }

    #[test]
    fn version_8_names_the_requested_state_by_its_code_whatever_language_it_was_typed_in() {
        let read = |state: &str, entry: &str| {
            let text = format!(r#"{{"format_version": 8, "req_state": {}{entry}}}"#, serde_json::to_string(state).unwrap());
            parse_request(&text, "x.json").unwrap().req_state
        };
        for typed in ["Germany", " germany ", "DE", "de", "Allemagne", "Alemania", "Германия", "ألمانيا", "德国"] {
            assert_eq!(read(typed, ""), "DE", "{typed}");
        }
        // A fictitious State: by the entry the request carries, else by the demo pack.
        let entry = r#", "req_state_entry": {"state_id": "XQ", "name": "Free State of Quelle", "fictitious": true}"#;
        assert_eq!(read("Free State of Quelle", entry), "XQ");
        assert_eq!(read("Kingdom of Norland", ""), "XN");
        // Text that names no State is kept as typed, for the drafter to pick it (FMT-STATE).
        assert_eq!(read("Republic of Nowhere", ""), "Republic of Nowhere");
        assert_eq!(read("", ""), "");
        let current = format!(r#"{{"format_version": {FORMAT_VERSION}, "req_state": "Germany"}}"#);
        assert_eq!(parse_request(&current, "x.json").unwrap().req_state, "Germany", "a current file is read as it is");
    }

    #[test]
    fn version_9_names_every_language_by_its_code_whatever_language_it_was_typed_in() {
        let read = |typed: &str| {
            let t = serde_json::to_string(typed).unwrap();
            let text = format!(
                r#"{{"format_version": 9, "lang": {{"drafting": "other", "drafting_other": {t}, "request": "other", "request_other": {t}}},
                "attachments": [{{"title": "Map", "language": "other", "language_other": {t}}}],
                "persons": [{{"family_name": "Solberg", "language_understood": {t}}}],
                "mla": {{"statements": [{{"interpreter_lang": {t}}}]}}}}"#
            );
            let r = parse_request(&text, "x.json").unwrap();
            let all = [
                r.lang.drafting_other.clone(),
                r.lang.request_other.clone(),
                r.attachments[0].language_other.clone(),
                r.persons[0].language_understood.clone(),
                r.mla.statements[0].interpreter_lang.clone(),
            ];
            assert!(all.iter().all(|a| *a == all[0]), "{typed}: {all:?}");
            all[0].clone()
        };
        for typed in ["German", " german ", "DE", "de", "allemand", "Alemán", "немецкий", "الألمانية", "德语"] {
            assert_eq!(read(typed), "de", "{typed}");
        }
        assert_eq!(read("Filipino"), "fil");
        // Text that names no language is kept as typed, for the drafter to pick it (FMT-LANGUAGE).
        assert_eq!(read("Norlandic; also speaks English"), "Norlandic; also speaks English");
        assert_eq!(read(""), "");
        let current = format!(r#"{{"format_version": {FORMAT_VERSION}, "persons": [{{"language_understood": "German"}}]}}"#);
        assert_eq!(parse_request(&current, "x.json").unwrap().persons[0].language_understood, "German", "a current file is read as it is");
    }

    #[test]
    fn version_9_officer_languages_become_a_list_of_codes() {
        let read = |typed: &str| {
            let text = format!(r#"{{"format_version": 9, "req_auth": {{"languages": {}}}}}"#, serde_json::to_string(typed).unwrap());
            parse_request(&text, "x.json").unwrap().req_auth.languages
        };
        assert_eq!(read("English, French"), ["en", "fr"]);
        assert_eq!(read("anglais; espagnol"), ["en", "es"]);
        assert_eq!(read("английский / арабский"), ["en", "ar"]);
        assert_eq!(read("英语、德语"), ["en", "de"]);
        assert_eq!(read("الإنجليزية، Norlandic"), ["en", "Norlandic"], "a part that names none is kept as typed");
        assert_eq!(read("Norlandic and some English"), ["Norlandic and some English"]);
        assert!(read("  ").is_empty());
    }

    #[test]
    fn newer_version_is_refused() {
        let err = parse_request(r#"{"format_version": 99}"#, "x.json").unwrap_err();
        assert!(matches!(err, FormatError::TooNew { found: 99, .. }));
    }

    #[test]
    fn missing_version_reads_as_current() {
        assert_eq!(parse_request("{}", "x").unwrap(), Request::default());
    }

    #[test]
    fn version_2_annex_languages_become_a_choice() {
        let text = r#"{"format_version":2,"attachments":[
            {"title":"A","language":"English"},{"title":"B","language":" fr "},{"title":"C","language":"Norwegian"},
            {"title":"D","language":"العربية"},{"title":"E","language":""}]}"#;
        let r = parse_request(text, "x").unwrap();
        let languages: Vec<_> = r.attachments.iter().map(|a| (a.language, a.language_other.as_str())).collect();
        use crate::request::DocumentLanguage::{Ar, En, Fr, Other};
        assert_eq!(languages, [(Some(En), ""), (Some(Fr), ""), (Some(Other), "no"), (Some(Ar), ""), (None, "")], "Norwegian is then named by its code (version 10)");
    }

    #[test]
    fn version_4_languages_become_a_choice() {
        use crate::request::DocumentLanguage::{En, Fr, Other};
        let cases = [("fr", "", Some(Fr), ""), ("French", "", Some(Fr), ""), (" Français ", "", Some(Fr), ""), ("Francés", "", Some(Fr), ""),
            ("英语", "", Some(En), ""), ("German", "German", Some(Other), "de"), ("Norlandic", "", Some(Other), "Norlandic"), ("", "", None, "")];
        for (typed, _, choice, other) in cases {
            let text = format!(r#"{{"format_version":4,"lang":{{"drafting":"{typed}","request":"{typed}"}}}}"#);
            let r = parse_request(&text, "x").unwrap();
            assert_eq!((r.lang.request, r.lang.request_other.as_str()), (choice, other), "{typed}");
            assert_eq!((r.lang.drafting, r.lang.drafting_other.as_str()), (choice, other), "{typed}");
        }
        let r = parse_request(r#"{"format_version":4,"lang":{"drafting":"en","request":"fr"}}"#, "x").unwrap();
        assert_eq!((r.lang.drafting_code(), r.lang.request_code()), (Some("en"), Some("fr")));
    }

    #[test]
    fn version_2_registration_state_of_a_legal_person_joins_its_register() {
        let text = r#"{"format_version":2,"persons":[
            {"type":"legal","family_name":"Nordfrakt AS","nationalities":"Norland","register":"Companies Register"},
            {"type":"legal","family_name":"Vestra Ltd","nationalities":"Vestria"},
            {"type":"natural","family_name":"Holm","nationalities":"Arden"}]}"#;
        let r = parse_request(text, "x").unwrap();
        let got: Vec<_> = r.persons.iter().map(|p| (p.register.as_str(), p.nationalities.as_str())).collect();
        assert_eq!(got, [("Companies Register, Norland", ""), ("Vestria", ""), ("", "Arden")]);
    }

    #[test]
    fn version_1_measures_become_other_assistance() {
        let r = parse_request(r#"{"format_version":1,"measures":[{"description":"Obtain the lease of flat 4"}]}"#, "x").unwrap();
        assert_eq!(r.format_version, FORMAT_VERSION);
        assert_eq!(r.mla.modules, vec![crate::request::Module::Other]);
        assert_eq!(r.mla.other[0].description, "Obtain the lease of flat 4");
    }
}
