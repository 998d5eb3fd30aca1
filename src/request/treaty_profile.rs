//! Reading and validating a treaty profile (`docs/treaty-profile-format.md`):
//! the JSON the user writes or exchanges, each problem named with its path.

use std::path::Path;

use crate::request::deadlines::parse_day;
use crate::request::profile_file::{parse_profile, read_profile, ProfileFileError};
use crate::request::text::{code_point, first_control};
use crate::request::TreatyProfile;

/// Why a treaty profile cannot be read.
pub type TreatyProfileError = ProfileFileError;

/// Reads the treaty profile in the file at `path`.
pub fn read_treaty_profile(path: &Path) -> Result<TreatyProfile, TreatyProfileError> {
    read_profile(path, problems)
}

/// Parses and validates a treaty profile; `origin` names it in errors.
pub fn parse_treaty_profile(text: &str, origin: &str) -> Result<TreatyProfile, TreatyProfileError> {
    parse_profile(text, origin, problems)
}

/// Every problem of a profile's values, each with its JSON path; empty
/// when it is sound.
pub fn problems(profile: &TreatyProfile) -> Vec<String> {
    let mut out = Vec::new();
    let id_ok = !profile.id.is_empty()
        && profile.id.len() <= 64
        && profile.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        out.push(format!("$.id: {:?} is not an identifier: use 1 to 64 lowercase letters, digits and hyphens", profile.id));
    }
    if profile.name.trim().is_empty() {
        out.push("$.name: the treaty's title is missing".to_string());
    }
    let parties: Vec<String> = profile.parties.iter().map(|p| p.trim().to_lowercase()).filter(|p| !p.is_empty()).collect();
    if parties.len() < 2 || parties.len() != profile.parties.len() {
        out.push("$.parties: name at least two parties, none empty".to_string());
    }
    for (i, party) in parties.iter().enumerate() {
        if parties[..i].contains(party) {
            out.push(format!("$.parties[{i}]: {party:?} is named twice"));
        }
    }
    if parse_day(&profile.entry_into_force).is_none() || profile.entry_into_force.trim().len() != 10 {
        out.push(format!("$.entry_into_force: {:?} is not a date YYYY-MM-DD", profile.entry_into_force));
    }
    if profile.articles.is_empty() {
        out.push("$.articles: give the treaty's article for at least one topic".to_string());
    }
    for (topic, article) in &profile.articles {
        if article.trim().is_empty() {
            let key = serde_json::to_value(topic).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
            out.push(format!("$.articles.{key}: the article is empty; leave the topic out instead"));
        }
    }
    if profile.source.title.trim().is_empty() {
        out.push("$.source.title: say where the profile was taken from".to_string());
    }
    if parse_day(&profile.source.date).is_none() || profile.source.date.trim().len() != 10 {
        out.push(format!("$.source.date: {:?} is not a date YYYY-MM-DD", profile.source.date));
    }
    let texts = [("$.name".to_string(), &profile.name), ("$.source.title".to_string(), &profile.source.title)]
        .into_iter()
        .chain(profile.parties.iter().enumerate().map(|(i, p)| (format!("$.parties[{i}]"), p)))
        .chain(profile.articles.values().map(|a| ("$.articles".to_string(), a)));
    for (path, text) in texts {
        if let Some((_, c)) = first_control(text) {
            out.push(format!("{path}: the text holds the control character {}; remove it", code_point(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::TreatyTopic;

    const EXAMPLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/treaty-profiles/examplia-testland.json"));

    #[test]
    fn the_example_profile_is_read() {
        let p = parse_treaty_profile(EXAMPLE, "example").unwrap();
        assert_eq!(p.id, "examplia-testland-mla");
        assert_eq!(p.article(TreatyTopic::ContentOfRequests), Some("art. 4"));
        assert_eq!(p.article(TreatyTopic::Videoconference), Some("art. 10"));
        assert_eq!(p.article(TreatyTopic::Costs), None);
    }

    #[test]
    fn an_unknown_topic_is_refused_with_its_path() {
        let text = EXAMPLE.replacen("\"videoconference\"", "\"videoconferencing\"", 1);
        let err = parse_treaty_profile(&text, "p.json").unwrap_err();
        assert!(matches!(&err, TreatyProfileError::Shape { path, .. } if path.starts_with("$.articles")), "{err}");
        assert!(err.to_string().contains("`videoconferencing`, expected one of `scope`"), "the message lists the topics: {err}");
    }

    #[test]
    fn every_wrong_value_is_named_together() {
        let text = r#"{"id":"Bad Id","name":" \u001b[2J","parties":["Examplia","examplia"],"entry_into_force":"2021-13-01",
            "articles":{"costs":""},"source":{"title":"","date":"yesterday"}}"#;
        let Err(TreatyProfileError::Invalid { problems, .. }) = parse_treaty_profile(text, "p.json") else { panic!("accepted") };
        let paths: Vec<&str> = problems.iter().map(|p| p.split(':').next().unwrap()).collect();
        assert_eq!(paths, ["$.id", "$.parties[1]", "$.entry_into_force", "$.articles.costs", "$.source.title", "$.source.date", "$.name"]);
    }

    #[test]
    fn a_repeated_key_and_bad_json_are_refused() {
        let err = parse_treaty_profile(r#"{"id":"a","id":"b"}"#, "p.json").unwrap_err();
        assert!(err.to_string().contains("$.id"), "{err}");
        let err = parse_treaty_profile("{", "p.json").unwrap_err();
        assert!(err.to_string().starts_with("p.json: not valid JSON at line 1"), "{err}");
    }
}
