//! J. Formats: what is typed into an e-mail or telephone field, an account
//! number that reads as an IBAN, and an IP address among the identifiers of
//! data sought, checked as typed. A finding, never a block: the drafter may
//! know better, but a wrong digit sends the counterpart to nobody, or the
//! provider to data that does not exist.
//!
//! The fields are found from the wizard (`interview::paths_of`), so a new
//! e-mail or telephone field is checked without a change here.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::consistency::{texts, texts_with_attachments};
use super::provision::cites;
use super::{msg, Findings, Rule, Severity};
use crate::interview::{paths_of, Input};
use crate::request::{DocumentLanguage, Request};

/// The path of a field without its items' indices (`persons.0.email` →
/// `persons.email`), as the wizard names it.
fn field_of(path: &str) -> String {
    path.split('.').filter(|part| !part.chars().all(|c| c.is_ascii_digit())).collect::<Vec<_>>().join(".")
}

/// The entries of a field that may hold several, separated by commas,
/// semicolons or new lines.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '\n']).map(str::trim).filter(|e| !e.is_empty())
}

/// Whether `text` reads as one e-mail address: a local part, one `@`, a
/// domain of dotted labels, no space.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    let label = |l: &str| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-');
    !local.is_empty()
        && !local.chars().any(|c| c.is_whitespace() || c == '@' || c.is_control())
        && domain.contains('.')
        && domain.split('.').all(label)
}

/// Whether `text` reads as a telephone number: digits with the usual
/// separators (`+`, spaces, brackets, dashes, dots, slashes), between 6 and
/// 17 digits (E.164 allows 15, and a trunk prefix or an extension more).
pub fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (6..=17).contains(&digits)
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '(' | ')' | '-' | '.' | '/' | '\u{a0}'))
        && text.chars().filter(|c| *c == '+').count() <= 1
        && text.find('+').is_none_or(|at| at == 0)
}

/// The IBAN-shaped runs of `text`: two capital letters, two digits, then
/// letters and digits (grouped by fours or not), 15 to 34 characters in
/// all, without their spaces.
pub fn iban_candidates(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        let head = chars[i].is_ascii_uppercase() && chars[i + 1].is_ascii_uppercase() && chars[i + 2].is_ascii_digit() && chars[i + 3].is_ascii_digit();
        if !(starts_word && head) {
            i += 1;
            continue;
        }
        let mut run = String::new();
        let mut j = i;
        while j < chars.len() && run.len() < 34 {
            let c = chars[j];
            if c.is_ascii_uppercase() || c.is_ascii_digit() {
                run.push(c);
            } else if c == ' ' && chars.get(j + 1).is_some_and(|n| n.is_ascii_uppercase() || n.is_ascii_digit()) {
                // A space between groups.
            } else {
                break;
            }
            j += 1;
        }
        let ends_word = chars.get(j).is_none_or(|c| !c.is_alphanumeric());
        if run.len() >= 15 && ends_word {
            found.push(run);
        }
        i = j.max(i + 1);
    }
    found
}

/// Whether an IBAN-shaped run is wrong: its check digits fail, or its
/// length or layout is not its country's. A country that has no IBAN (a
/// fictitious State's code, or any other) is not judged.
pub fn iban_is_wrong(candidate: &str) -> bool {
    use iban::{ParseBaseIbanError, ParseIbanError};
    if !candidate.is_ascii() || candidate.len() < 5 {
        return false;
    }
    match candidate.parse::<iban::Iban>() {
        Ok(_) | Err(ParseIbanError::UnknownCountry(_)) => false,
        Err(ParseIbanError::InvalidBban(_)) => true,
        // The check digits are tested before the country: the same digits
        // made right tell whether the country has IBANs at all.
        Err(ParseIbanError::InvalidBaseIban { source: ParseBaseIbanError::InvalidChecksum }) => {
            !matches!(with_right_check_digits(candidate).parse::<iban::Iban>(), Err(ParseIbanError::UnknownCountry(_)))
        }
        Err(ParseIbanError::InvalidBaseIban { .. }) => false,
    }
}

/// `candidate` with the check digits ISO 13616 gives its country code and
/// account part (98 minus the remainder by 97 of the rearranged number).
fn with_right_check_digits(candidate: &str) -> String {
    let (country, rest) = candidate.split_at(2);
    let rearranged = format!("{}{country}00", &rest[2..]);
    let remainder = rearranged.chars().fold(0u32, |acc, c| {
        let value = c.to_digit(36).unwrap_or(0);
        if value >= 10 { (acc * 100 + value) % 97 } else { (acc * 10 + value) % 97 }
    });
    format!("{country}{:02}{}", 98 - remainder, &rest[2..])
}

/// The IP-address-shaped words of `text` that are no IP address: four
/// dotted numbers (with a port or prefix length or not) that IPv4 does not
/// allow, or groups of letters and digits with `::` or five colons and
/// more that IPv6 does not.
pub fn wrong_ip_addresses(text: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"' | '\'')) {
        let word = word.trim_end_matches(['.', ':']);
        let bare = word.trim_start_matches('[');
        let bare = bare.split_once(']').map_or(bare, |(address, _)| address);
        let bare = bare.split_once('/').map_or(bare, |(address, _)| address);
        let dotted = bare.split('.').collect::<Vec<_>>();
        let v4 = |s: &str| s.split('.').count() == 4 && s.split('.').all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()));
        let v4_with_port = bare.rsplit_once(':').map_or(bare, |(address, port)| if port.chars().all(|c| c.is_ascii_digit()) && v4(address) { address } else { bare });
        if dotted.len() == 4 && v4(v4_with_port) {
            if v4_with_port.parse::<Ipv4Addr>().is_err() {
                wrong.push(word.to_string());
            }
            continue;
        }
        // Letters beyond f are let in, so that a mistyped group is found.
        let v6_shaped = bare.chars().all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '.')
            && (bare.contains("::") || bare.matches(':').count() >= 5)
            && bare.chars().any(|c| c.is_ascii_digit());
        if v6_shaped && bare.parse::<Ipv6Addr>().is_err() {
            wrong.push(word.to_string());
        }
    }
    wrong
}

/// Reports, with the message `key`, each entry of every field whose control
/// is `input` that `reads_well` refuses.
fn typed_entries(r: &Request, input: &Input, reads_well: fn(&str) -> bool, key: &'static str, out: &mut Findings) {
    let fields = paths_of(input);
    for (path, text) in texts(r) {
        if fields.contains(&field_of(&path)) {
            for entry in entries(&text).filter(|e| !reads_well(e)) {
                out.push(path.clone(), msg(key).arg("value", entry));
            }
        }
    }
}

/// The rules of this part.
pub static RULES: &[Rule] = &[
    Rule {
        code: "FMT-EMAIL",
        severity: Severity::Warning,
        provision: cites!(; "Practice"),
        summary: "Every e-mail field holds addresses that read as e-mail addresses.",
        check: |c, out| typed_entries(c.request, &Input::Email, is_email, "check.FMT-EMAIL.invalid", out),
    },
    Rule {
        code: "FMT-PHONE",
        severity: Severity::Warning,
        provision: cites!(; "Practice"),
        summary: "Every telephone field holds numbers that read as telephone numbers.",
        check: |c, out| typed_entries(c.request, &Input::Phone, is_phone, "check.FMT-PHONE.invalid", out),
    },
    Rule {
        code: "FMT-STATE",
        severity: Severity::Error,
        provision: cites!(; "Practice"),
        summary: "The requested State is one of the list, named by its code: text typed before the list (an older draft) that names no State is to be replaced by a pick.",
        check: |c, out| {
            let typed = c.request.req_state.trim();
            if !typed.is_empty() && !crate::directory::state_names::is_state_code(typed) {
                out.push("req_state".into(), msg("check.FMT-STATE.not_a_state").arg("value", typed));
            }
        },
    },
    Rule {
        code: "FMT-LANGUAGE",
        severity: Severity::Warning,
        provision: cites!(; "Practice"),
        summary: "Every language is one of the list, named by its code: text typed before the list (an older draft) that names no language is to be replaced by a pick.",
        check: |c, out| {
            let r = c.request;
            let mut fields = paths_of(&Input::Language);
            fields.extend(paths_of(&Input::Languages));
            // An `…_other` answer counts only while its choice is "other".
            let chosen_other = |path: &str| match path {
                "lang.drafting_other" => r.lang.drafting == Some(DocumentLanguage::Other),
                "lang.request_other" => r.lang.request == Some(DocumentLanguage::Other),
                _ => true,
            };
            for (path, text) in texts_with_attachments(r) {
                let field = field_of(&path);
                if !fields.contains(&field) || !chosen_other(&path) {
                    continue;
                }
                // An annex's other language only while its choice is "other";
                // a person's language only for a natural person (it is asked
                // of no other).
                let index = path.split('.').nth(1).and_then(|i| i.parse::<usize>().ok());
                if field == "attachments.language_other"
                    && index.and_then(|i| r.attachments.get(i)).is_none_or(|a| a.language != Some(DocumentLanguage::Other))
                {
                    continue;
                }
                if field == "persons.language_understood" && index.and_then(|i| r.persons.get(i)).is_none_or(|p| p.is_legal()) {
                    continue;
                }
                let typed = text.trim();
                if !crate::directory::language_names::is_language_code(typed) {
                    out.push(path, msg("check.FMT-LANGUAGE.not_a_language").arg("value", typed));
                }
            }
        },
    },
    Rule {
        code: "FMT-IBAN",
        severity: Severity::Warning,
        provision: cites!(; "Practice"),
        summary: "An account number that reads as an IBAN passes its check digits and its country's layout.",
        check: |c, out| {
            for (path, text) in texts(c.request) {
                if !field_of(&path).ends_with(".accounts") {
                    continue;
                }
                for iban in iban_candidates(&text).into_iter().filter(|i| iban_is_wrong(i)) {
                    out.push(path.clone(), msg("check.FMT-IBAN.wrong").arg("iban", iban));
                }
            }
        },
    },
    Rule {
        code: "FMT-IP",
        severity: Severity::Warning,
        provision: cites!(; "Practice"),
        summary: "An IP address among the identifiers of the data sought is a valid IPv4 or IPv6 address.",
        check: |c, out| {
            for (path, text) in texts(c.request) {
                if !field_of(&path).ends_with("identifiers") {
                    continue;
                }
                for address in wrong_ip_addresses(&text) {
                    out.push(path.clone(), msg("check.FMT-IP.wrong").arg("address", address));
                }
            }
        },
    },
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_language_answer_that_names_no_language_is_flagged_where_it_is_asked() {
        use crate::request::{Attachment, DocumentLanguage, PersonType};
        let mut r = example(Example::Mla);
        silent(&r, "FMT-LANGUAGE");
        r.req_auth.languages = vec!["en".into(), "Norlandic".into()];
        r.mla.statements[0].interpreter_lang = "Norlandic".into();
        r.lang.request_other = "Norlandic".into();
        r.attachments.push(Attachment { title: "Map".into(), language: Some(DocumentLanguage::Other), language_other: "Norlandic".into(), ..Attachment::default() });
        r.attachments.push(Attachment { title: "Plan".into(), language: Some(DocumentLanguage::En), language_other: "Norlandic".into(), ..Attachment::default() });
        let n = r.attachments.len();
        let paths = |r: &crate::request::Request| {
            let mut p: Vec<String> = crate::checks::tests::found(r, "FMT-LANGUAGE").into_iter().map(|f| f.path).collect();
            p.sort();
            p
        };
        let mut wanted = vec![format!("attachments.{}.language_other", n - 2), "mla.statements.0.interpreter_lang".to_string(), "req_auth.languages.1".to_string()];
        assert_eq!(paths(&r), wanted, "the request's other language counts only while \"other\" is chosen, an annex's likewise");
        r.lang.request = Some(DocumentLanguage::Other);
        r.persons[0].person_type = Some(PersonType::Natural);
        r.persons[0].language_understood = "Norlandic".into();
        wanted.extend(["lang.request_other".to_string(), "persons.0.language_understood".to_string()]);
        wanted.sort();
        assert_eq!(paths(&r), wanted);
        r.persons[0].person_type = Some(PersonType::Legal);
        assert!(!paths(&r).contains(&"persons.0.language_understood".to_string()), "a legal person is asked no language");
        let f = crate::checks::tests::found(&r, "FMT-LANGUAGE");
        assert!(f.iter().all(|f| f.severity == crate::checks::Severity::Warning && f.message.contains("“Norlandic”")), "{f:?}");
    }

    use super::*;
    use crate::checks::tests::{example, only_finding, silent, Example};

    #[test]
    fn e_mail_addresses_read_as_addresses() {
        for good in ["l.ortiz@ppo.arden.example", "a+b@x.invalid", "名字@例子.example"] {
            assert!(is_email(good), "{good}");
        }
        for bad in ["l.ortiz.ppo.arden.example", "l.ortiz@ppo", "l ortiz@ppo.example", "a@b@c.example", "a@.example", "@x.example"] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn telephone_numbers_read_as_numbers() {
        for good in ["+99 20 555 0142", "(020) 555-0142", "+44 20 7946 0000", "020/555.01.42"] {
            assert!(is_phone(good), "{good}");
        }
        for bad in ["call the office", "555", "+99 20 555 0142 ext. 4", "99+20 555 0142", "12345678901234567890"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn an_iban_is_judged_by_its_check_digits_and_layout_and_a_country_without_iban_is_not() {
        assert_eq!(iban_candidates("IBAN GB82 WEST 1234 5698 7654 32 (Westbank)"), ["GB82WEST12345698765432"]);
        assert!(!iban_is_wrong("GB82WEST12345698765432"));
        assert!(iban_is_wrong("GB82WEST12345698765433"), "a wrong check digit");
        assert!(iban_is_wrong("NL44000123456789"), "too short for the Netherlands");
        assert!(!iban_is_wrong("XN44000123456789012"), "a fictitious State's code has no IBAN");
        assert!(iban_candidates("account 0001 2345 6789; ref. AB12").is_empty());
    }

    #[test]
    fn ip_addresses_that_do_not_exist_are_found_and_those_that_do_are_not() {
        let text = "203.0.113.7:443 at 2026-03-01T10:00:00Z; 300.12.1.4; 2001:db8::1; [2001:db8::g1]:80; 2001:db8::1/64; 10:00:00; v1.2.3.4 build";
        assert_eq!(wrong_ip_addresses(text), ["300.12.1.4", "[2001:db8::g1]:80"]);
        assert!(wrong_ip_addresses("192.0.2.1 and 198.51.100.23/24").is_empty());
    }

    #[test]
    fn each_rule_reports_the_field_and_stays_silent_on_the_examples() {
        for kind in [Example::Mla, Example::Preservation, Example::Emergency, Example::Transfer] {
            for code in ["FMT-EMAIL", "FMT-PHONE", "FMT-IBAN", "FMT-IP"] {
                silent(&example(kind), code);
            }
        }
        let mut r = example(Example::Mla);
        r.req_auth.email = "l.ortiz.ppo.arden.example".into();
        only_finding(&r, "FMT-EMAIL", Severity::Warning, "req_auth.email");
        let mut r = example(Example::Mla);
        r.req_auth.phone = "call the office".into();
        only_finding(&r, "FMT-PHONE", Severity::Warning, "req_auth.phone");
    }
}
