//! What addressing a request from the directory filled, and why, worded
//! in the interface language (the notes of [`crate::request::addressee`]),
//! with the catalogue the findings are worded from.

use serde::Serialize;
use time::Date;
use ts_rs::TS;

use super::basis::languages;
use super::{msg, option, Message};
use crate::directory::{AcceptedLanguage, StateEntry};
use crate::i18n::Lang;
use crate::request::addressee::{self, AddressNote, InForce, UnknownAuthority};
use crate::request::{DocumentLanguage, Request};

/// A request addressed from the directory, and what was filled and why,
/// worded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Addressed {
    /// The request with its State, authority, language and channel filled.
    pub request: Request,
    /// One line per choice made, saying why, in the language asked for.
    pub notes: Vec<String>,
}

/// [`addressee::address_to`] on `today`, its notes worded in `lang`.
pub fn address(request: &Request, entry: &StateEntry, authority_id: Option<&str>, today: Date, lang: Lang) -> Result<Addressed, UnknownAuthority> {
    let addressed = addressee::address_to(request, entry, authority_id, today)?;
    let notes = addressed.notes.iter().map(|n| message(n, entry).render(lang)).collect();
    Ok(Addressed { request: addressed.request, notes })
}

fn message(note: &AddressNote, entry: &StateEntry) -> Message {
    let state = entry.name.as_str();
    let language = |key, l: DocumentLanguage, accepted: &[AcceptedLanguage]| {
        msg(key).arg("language", option(l)).arg("state", state).arg("accepted", languages(accepted, entry))
    };
    match note {
        AddressNote::Authority(name) => msg("check.addressee.authority").arg("authority", name.as_str()),
        AddressNote::LanguageKept(l, accepted) => language("check.addressee.language_kept", *l, accepted),
        AddressNote::LanguageDrafting(l, accepted) => language("check.addressee.language_drafting", *l, accepted),
        AddressNote::LanguageFirst(l, accepted) => language("check.addressee.language_first", *l, accepted),
        AddressNote::LanguageNoneOfSix(accepted) => {
            msg("check.addressee.language_none_of_six").arg("state", state).arg("accepted", languages(accepted, entry))
        }
        AddressNote::Channel(c) => msg("check.addressee.channel").arg("channel", option(*c)).arg("state", state),
        AddressNote::Means(m) => msg("check.addressee.means").arg("means", option(*m)).arg("state", state),
        AddressNote::InForce(basis, status) => {
            let named = |key| msg(key).arg("instrument", option(*basis)).arg("state", state);
            match status {
                InForce::Yes(Some(date)) => named("check.addressee.in_force_since").arg("date", date.as_str()),
                InForce::Yes(None) => named("check.addressee.in_force"),
                InForce::NotParty | InForce::Signatory | InForce::NotUsable => named("check.addressee.not_in_force"),
                InForce::NotYet(date) => named("check.addressee.in_force_from").arg("date", date.as_str()),
                InForce::NotInEntry => named("check.addressee.in_force_unknown"),
            }
        }
        AddressNote::Treaty(title) => msg("check.addressee.treaty").arg("treaty", title.as_str()).arg("state", state),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, Example};
    use crate::request::{Channel, RequestKind, TransmissionMeans};

    fn today() -> Date {
        time::macros::date!(2026 - 12 - 01)
    }

    fn norland() -> StateEntry {
        crate::directory::demo::pack().states.into_iter().find(|s| s.entry.state_id == "XN").unwrap().entry
    }

    #[test]
    fn the_requested_state_is_named_in_the_language_of_the_text_that_names_it() {
        let named = |state: &str, entry: Option<StateEntry>, lang: &str| {
            let r = Request { req_state: state.into(), req_state_entry: entry, ..Request::default() };
            addressee::state_name(&r, lang)
        };
        assert_eq!(named("DE", None, "fr"), "Allemagne");
        assert_eq!(named("DE", None, "zh"), "德国");
        assert_eq!(named("XN", None, "ar"), "Kingdom of Norland", "a fictitious State has its demo name in every language");
        let mut entry = norland();
        entry.name = "Norland (as entered)".into();
        assert_eq!(named("XN", Some(entry), "fr"), "Norland (as entered)", "its entry names it first");
        assert_eq!(named("Republic of Nowhere", None, "fr"), "Republic of Nowhere");
        assert_eq!(named("", None, "fr"), "");
        // A finding words it in the interface language.
        let mut r = example(Example::Mla);
        r.req_state = "DE".into();
        r.req_state_entry = None;
        let french = crate::checks::run(&r, crate::checks::tests::today(), Lang::Fr);
        let f = french.iter().find(|f| f.code == "DIR-NO-ENTRY").expect("no entry for Germany");
        assert!(f.message.contains("Allemagne") && !f.message.contains("DE "), "{}", f.message);
    }

    #[test]
    fn picking_an_authority_fills_the_address_language_and_channel_and_says_why() {
        let mut r = Request { kind: RequestKind::MlaEvidence, ..Request::default() };
        r.lang.drafting = Some(DocumentLanguage::Fr);
        r.lang.request = Some(DocumentLanguage::Fr);
        r.channel.route = Some(Channel::Diplomatic);
        r.basis.primary = Some(crate::request::Instrument::Untoc18);
        let e = norland();
        let central = addressee::authority_choices(&e, r.kind);
        assert!(central[0].usual && central[0].name.starts_with("Ministry of Justice of Norland"), "{central:?}");
        let a = address(&r, &e, Some(&central[0].authority_id), today(), Lang::En).unwrap();
        assert_eq!(a.request.req_state, "XN", "the State is kept by its code");
        assert_eq!(a.request.recv_auth.name, central[0].name);
        assert_eq!(a.request.recv_auth.address, "1 Fjord Square\n0001 Nordhavn\nKingdom of Norland\ninternational.cooperation@justice.norland.example");
        assert_eq!(a.request.lang.request, Some(DocumentLanguage::En), "French is not accepted; English is, and the app prints it");
        assert_eq!(a.request.channel.route, Some(Channel::CentralAuthority));
        assert_eq!(a.request.channel.means, Some(TransmissionMeans::SecureSystem));
        assert!(a.request.req_state_entry.is_some());
        assert!(a.notes.iter().any(|n| n.contains("English") && n.contains("the official language of Kingdom of Norland")), "{:?}", a.notes);
        let fr = address(&r, &e, Some(&central[0].authority_id), today(), Lang::Fr).unwrap();
        assert!(fr.notes.iter().any(|n| n.to_lowercase().contains("anglais")), "{:?}", fr.notes);
        assert!(address(&r, &e, Some("no such id"), today(), Lang::En).is_err());
    }

    #[test]
    fn for_preservation_the_24_7_point_of_contact_comes_first() {
        let e = norland();
        let choices = addressee::authority_choices(&e, RequestKind::Preservation);
        assert!(choices[0].name.contains("24/7"), "{choices:?}");
        assert!(choices[0].usual);
    }

    #[test]
    fn an_accepted_language_chosen_is_kept() {
        let r = example(Example::Mla);
        let a = address(&r, &norland(), None, today(), Lang::En).unwrap();
        assert_eq!(a.request.lang.request, r.lang.request);
        assert_eq!(a.request.recv_auth, r.recv_auth, "no authority picked, none changed");
    }

    /// The class of the answers filled from the directory: whether the
    /// basis is in force on the day given, the languages accepted and the
    /// bilateral treaty with the requesting State, each from a fictitious
    /// entry, each with its note.
    #[test]
    fn addressing_fills_in_force_on_the_day_the_accepted_languages_and_the_treaty() {
        let mut e = norland();
        e.instrument_status[0].in_force_from = Some("2027-01-01".into());
        e.instrument_status[0].bilateral_treaties.push(crate::directory::BilateralTreaty {
            partner_state: "XA".into(),
            title: "Treaty between Arden and Norland on Mutual Legal Assistance".into(),
            ..Default::default()
        });
        e.languages[0].accepted.push(AcceptedLanguage { lang: "fr".into(), condition: "always".into() });
        let mut r = Request { kind: RequestKind::MlaEvidence, own_state: "XA".into(), ..Request::default() };
        r.basis.primary = Some(crate::request::Instrument::Untoc18);
        let before = address(&r, &e, None, today(), Lang::En).unwrap();
        assert_eq!(before.request.basis.in_force, Some(crate::request::YesNoUnknown::No));
        assert!(before.notes.iter().any(|n| n.contains("only from 2027-01-01")), "{:?}", before.notes);
        let after = address(&r, &e, None, time::macros::date!(2027 - 01 - 01), Lang::En).unwrap();
        assert_eq!(after.request.basis.in_force, Some(crate::request::YesNoUnknown::Yes));
        assert!(after.notes.iter().any(|n| n.contains("in force for Kingdom of Norland since 2027-01-01")), "{:?}", after.notes);
        assert_eq!(after.request.lang.accepted, [DocumentLanguage::Other, DocumentLanguage::En, DocumentLanguage::Fr]);
        assert_eq!(after.request.basis.bilateral_treaty, "Treaty between Arden and Norland on Mutual Legal Assistance");
        assert!(after.notes.iter().any(|n| n.contains("bilateral treaty") && n.contains("Arden and Norland")), "{:?}", after.notes);
        // The entry silent on the basis: unknown; no basis: not filled.
        e.instrument_status.retain(|s| s.instrument != "UNTOC");
        let silent = address(&r, &e, None, today(), Lang::En).unwrap();
        assert_eq!(silent.request.basis.in_force, Some(crate::request::YesNoUnknown::Unknown));
        assert_eq!(silent.request.basis.bilateral_treaty, "", "the treaty was listed under UNTOC, now gone");
        r.basis.primary = None;
        r.basis.in_force = Some(crate::request::YesNoUnknown::Yes);
        assert_eq!(address(&r, &e, None, today(), Lang::En).unwrap().request.basis.in_force, None);
        // Another requesting State: no treaty.
        let mut other = Request { own_state: "XB".into(), ..r.clone() };
        other.basis.primary = Some(crate::request::Instrument::Budapest);
        assert_eq!(address(&other, &norland(), None, today(), Lang::En).unwrap().request.basis.bilateral_treaty, "");
    }
}
