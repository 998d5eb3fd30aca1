//! The requested State and its receiving authority, taken from the directory
//! of competent authorities: which of an entry's rules apply to a request
//! (its kind, its legal basis), which of its authorities suit it, and the
//! request filled from an entry and one of its authorities.
//!
//! The request keeps a copy of the entry (`req_state_entry`): the checks
//! read that copy, so they stay pure functions of the request, and a later
//! edit of the directory changes a request only when its State is picked
//! again.

use serde::Serialize;
use thiserror::Error;
use ts_rs::TS;

use crate::directory::{
    AcceptedLanguage, AcceptedMeans, Authority, AuthorityRole, ChannelRoute, ChannelRule, InstrumentStatus, LanguageRule, StateEntry,
};
use crate::request::{Channel, DocumentLanguage, Instrument, ReceivingRole, Request, RequestKind, TransmissionMeans};

/// The request as it may leave this app in an exchange package: the copy
/// of its State's directory entry taken out when the entry, or one of its
/// authorities, comes from a source with restricted access (such entries
/// are never exported or shared).
pub fn shareable(request: &Request) -> std::borrow::Cow<'_, Request> {
    match &request.req_state_entry {
        Some(entry) if entry.is_restricted() => {
            std::borrow::Cow::Owned(Request { req_state_entry: None, ..request.clone() })
        }
        _ => std::borrow::Cow::Borrowed(request),
    }
}

/// The directory's key of an instrument of the request (`UNTOC` for
/// UNTOC art. 18 and art. 21), none for reciprocity, which no entry lists.
pub fn directory_instrument(i: Instrument) -> Option<&'static str> {
    Some(match i {
        Instrument::Untoc18 | Instrument::Untoc21 => "UNTOC",
        Instrument::Uncac46 | Instrument::Uncac47 => "UNCAC",
        Instrument::Drug88_7 => "DRUG88",
        Instrument::Budapest => "BUDAPEST",
        Instrument::Cets224 => "CETS_224",
        Instrument::Ets30 => "ETS_30",
        Instrument::Ets73 => "ETS_73",
        Instrument::Harare => "HARARE",
        Instrument::Bilateral => "BILATERAL",
        Instrument::Reciprocity => return None,
    })
}

/// The entry the request was written against: its copy, while the request
/// still names that State (by its code; a request of an older format may
/// still name it by its name or local name).
pub fn entry(r: &Request) -> Option<&StateEntry> {
    let entry = r.req_state_entry.as_ref()?;
    let named = r.req_state.trim();
    let same = |s: &str| !s.trim().is_empty() && s.trim().eq_ignore_ascii_case(named);
    (same(&entry.state_id) || same(&entry.name) || same(&entry.name_local)).then_some(entry)
}

/// The requested State as a text in `lang` (ISO 639-1) names it: a real
/// State by its CLDR name in that language ("Allemagne" for `DE` in
/// French), a fictitious one by its directory entry's name (or, with no
/// entry, the demo pack's), and text that names no State as typed. Empty
/// when no State is given.
pub fn state_name(r: &Request, lang: &str) -> String {
    let code = r.req_state.trim();
    if let Some(name) = crate::directory::state_names::name(code, lang) {
        return name.to_string();
    }
    entry(r)
        .map(|e| e.name.trim())
        .filter(|n| !n.is_empty())
        .or_else(|| crate::directory::demo::state_name(code))
        .unwrap_or(code)
        .to_string()
}

/// Whether a rule written for `instrument` and `kind` (either may be
/// `any`) applies to the request; a rule for one bilateral treaty
/// (`BILATERAL:…`) applies to any request under a bilateral treaty.
fn applies(instrument: &str, kind: &str, r: &Request) -> bool {
    let kind_applies = kind == "any" || kind == r.kind.key();
    let instrument_applies = instrument == "any"
        || r.basis.primary.and_then(directory_instrument).is_some_and(|i| instrument == i || (i == "BILATERAL" && instrument.starts_with("BILATERAL:")));
    kind_applies && instrument_applies
}

/// How closely a rule fits: a rule naming the instrument and the kind comes
/// before one naming either, which comes before `any`/`any`.
fn specificity(instrument: &str, kind: &str) -> u8 {
    u8::from(instrument != "any") * 2 + u8::from(kind != "any")
}

/// The entry's language rules that apply to the request, the most specific first.
pub fn language_rules<'a>(entry: &'a StateEntry, r: &Request) -> Vec<&'a LanguageRule> {
    let mut rules: Vec<_> = entry.languages.iter().filter(|l| l.measure.is_empty() && applies(&l.instrument, &l.kind, r)).collect();
    rules.sort_by_key(|l| std::cmp::Reverse(specificity(&l.instrument, &l.kind)));
    rules
}

/// The languages the State accepts for the request, in its order of
/// preference, from the most specific rule that lists any; empty when the
/// entry says nothing for this request.
pub fn accepted_languages<'a>(entry: &'a StateEntry, r: &Request) -> &'a [AcceptedLanguage] {
    language_rules(entry, r).into_iter().map(|l| l.accepted.as_slice()).find(|a| !a.is_empty()).unwrap_or(&[])
}

/// The entry's channel rules that apply to the request, the most specific first.
pub fn channel_rules<'a>(entry: &'a StateEntry, r: &Request) -> Vec<&'a ChannelRule> {
    let mut rules: Vec<_> = entry.channels.iter().filter(|c| applies(&c.instrument, &c.kind, r)).collect();
    rules.sort_by_key(|c| std::cmp::Reverse(specificity(&c.instrument, &c.kind)));
    rules
}

/// The channels the State accepts for the request, from the most specific
/// rule that lists any; empty when the entry says nothing for this request.
pub fn allowed_channels(entry: &StateEntry, r: &Request) -> Vec<Channel> {
    channel_rules(entry, r).into_iter().map(|c| &c.allowed).find(|a| !a.is_empty()).map(|a| a.iter().map(|&c| channel(c)).collect()).unwrap_or_default()
}

/// The means of transmission the State accepts for the request, from the
/// most specific rule that lists any.
pub fn accepted_means(entry: &StateEntry, r: &Request) -> Vec<TransmissionMeans> {
    channel_rules(entry, r).into_iter().map(|c| &c.means).find(|m| !m.is_empty()).map(|m| m.iter().map(|&m| means(m)).collect()).unwrap_or_default()
}

/// The State's status under the request's legal basis, when the entry gives it.
pub fn basis_status<'a>(entry: &'a StateEntry, r: &Request) -> Option<&'a InstrumentStatus> {
    let key = directory_instrument(r.basis.primary?)?;
    entry.instrument_status.iter().find(|s| s.instrument == key)
}

fn channel(route: ChannelRoute) -> Channel {
    match route {
        ChannelRoute::CentralAuthority => Channel::CentralAuthority,
        ChannelRoute::Diplomatic => Channel::Diplomatic,
        ChannelRoute::DirectJudicial => Channel::DirectJudicial,
        ChannelRoute::MinistryOfJustice => Channel::MinistryOfJustice,
        ChannelRoute::Interpol => Channel::Interpol,
        ChannelRoute::Network247 => Channel::Network247,
        ChannelRoute::DirectToProvider => Channel::DirectToProvider,
    }
}

fn means(m: AcceptedMeans) -> TransmissionMeans {
    match m {
        AcceptedMeans::Post => TransmissionMeans::Post,
        AcceptedMeans::Courier => TransmissionMeans::Courier,
        AcceptedMeans::Email => TransmissionMeans::Email,
        AcceptedMeans::Fax => TransmissionMeans::Fax,
        AcceptedMeans::SecureSystem => TransmissionMeans::SecureSystem,
    }
}

/// The roles that receive a request of `kind`, the usual one first.
fn roles_for(kind: RequestKind) -> &'static [AuthorityRole] {
    use AuthorityRole::*;
    match kind {
        RequestKind::MlaEvidence => &[CentralAuthorityMla, ReceivingAuthority, Cets224Direct],
        RequestKind::Preservation => &[PointOfContact247, CentralAuthorityMla, ReceivingAuthority],
        RequestKind::EmergencyDisclosure => &[PointOfContact247, Cets224Direct, CentralAuthorityMla],
        RequestKind::TransferOfProceedings => &[MinistryOfJusticeTransfer, CentralAuthorityMla, ReceivingAuthority],
    }
}

/// The entry's authorities that receive requests of the request's kind,
/// the usual receiver first (a 24/7 point of contact for preservation, the
/// central authority for evidence), then the others of the entry.
pub fn authorities_for(entry: &StateEntry, kind: RequestKind) -> Vec<&Authority> {
    let roles = roles_for(kind);
    let rank = |a: &Authority| roles.iter().position(|r| a.roles.contains(r)).unwrap_or(roles.len());
    let mut all: Vec<&Authority> = entry.authorities.iter().collect();
    all.sort_by_key(|a| rank(a));
    all
}

/// The role an authority plays for the request, as the request names it.
fn receiving_role(a: &Authority, kind: RequestKind) -> Option<ReceivingRole> {
    roles_for(kind).iter().chain(a.roles.iter()).find(|r| a.roles.contains(r)).and_then(|role| match role {
        AuthorityRole::CentralAuthorityMla | AuthorityRole::CentralAuthorityExtradition => Some(ReceivingRole::CentralAuthority),
        AuthorityRole::PointOfContact247 => Some(ReceivingRole::PointOfContact247),
        AuthorityRole::MinistryOfJusticeTransfer => Some(ReceivingRole::MinistryOfJustice),
        AuthorityRole::ReceivingAuthority | AuthorityRole::ExecutingAuthority | AuthorityRole::Cets224Direct => Some(ReceivingRole::ExecutingAuthority),
        _ => None,
    })
}

/// An authority's address block: its postal address, one line per part,
/// then its e-mail addresses.
pub fn address_block(a: &Authority, entry: &StateEntry) -> String {
    let mut lines = Vec::new();
    if let Some(p) = &a.postal_address {
        if !p.street.is_empty() {
            lines.push(p.street.clone());
        }
        let city = [p.postal_code.as_str(), p.city.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
        if !city.is_empty() {
            lines.push(city);
        }
        if !p.country.is_empty() {
            lines.push(if p.country == entry.state_id { entry.name.clone() } else { p.country.clone() });
        }
    }
    lines.extend(a.email.iter().cloned());
    lines.join("\n")
}

/// An authority of the requested State as the wizard offers it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AuthorityChoice {
    /// Its id in the directory.
    pub authority_id: String,
    /// Its name.
    pub name: String,
    /// What it is designated for.
    pub roles: Vec<AuthorityRole>,
    /// It usually receives requests of this kind (a 24/7 point of contact
    /// for preservation, the central authority for evidence).
    pub usual: bool,
    /// Its address block, as the request would print it.
    pub address: String,
}

/// The entry's authorities for a request of `kind`, the usual receivers first.
pub fn authority_choices(entry: &StateEntry, kind: RequestKind) -> Vec<AuthorityChoice> {
    authorities_for(entry, kind)
        .into_iter()
        .map(|a| AuthorityChoice {
            authority_id: a.authority_id.clone(),
            name: a.name.clone(),
            roles: a.roles.clone(),
            usual: roles_for(kind).iter().any(|r| a.roles.contains(r)),
            address: address_block(a, entry),
        })
        .collect()
}

/// The authority asked for is not in the State's entry.
#[derive(Debug, Error)]
#[error("the directory entry of {state} has no authority {authority_id}: pick the State again to see its authorities")]
pub struct UnknownAuthority {
    /// The State's name.
    pub state: String,
    /// The id asked for.
    pub authority_id: String,
}

/// What addressing a request filled, and why: worded by
/// [`crate::checks::addressee`] in the interface language.
#[derive(Debug, Clone, PartialEq)]
pub enum AddressNote {
    /// The authority's name, role and address were filled in.
    Authority(String),
    /// The language chosen is one the State accepts (its accepted ones listed).
    LanguageKept(DocumentLanguage, Vec<AcceptedLanguage>),
    /// The drafting language, which the State accepts, became the language of the request.
    LanguageDrafting(DocumentLanguage, Vec<AcceptedLanguage>),
    /// The State's first accepted language among the six became the language of the request.
    LanguageFirst(DocumentLanguage, Vec<AcceptedLanguage>),
    /// The State accepts none of the six languages.
    LanguageNoneOfSix(Vec<AcceptedLanguage>),
    /// The channel is one the State accepts.
    Channel(Channel),
    /// The means of transmission is one the State accepts.
    Means(TransmissionMeans),
}

/// A request addressed from the directory, and what was filled.
#[derive(Debug, Clone, PartialEq)]
pub struct Addressed {
    /// The request with its State, authority, language and channel filled.
    pub request: Request,
    /// One note per choice made, saying why.
    pub notes: Vec<AddressNote>,
}

/// Addresses `request` to the State of `entry` and, when given, its
/// authority `authority_id`: the State's name, a copy of its entry, the
/// authority's name, role and address block. It proposes the language of
/// the request from those the State accepts (the one chosen, when
/// accepted; else the drafting language, when accepted; else the State's
/// first accepted language among the six) and the channel and means (the
/// ones chosen, when accepted; else the State's first). Every choice it
/// makes has its note. Fails when `authority_id` is not one of the entry's
/// authorities.
pub fn address_to(request: &Request, entry: &StateEntry, authority_id: Option<&str>) -> Result<Addressed, UnknownAuthority> {
    let mut r = request.clone();
    let mut notes = Vec::new();
    r.req_state = entry.state_id.clone();
    r.req_state_entry = Some(entry.clone());
    if let Some(id) = authority_id {
        let a = entry
            .authorities
            .iter()
            .find(|a| a.authority_id == id)
            .ok_or_else(|| UnknownAuthority { state: entry.name.clone(), authority_id: id.to_string() })?;
        r.recv_auth.name = a.name.clone();
        r.recv_auth.role = receiving_role(a, r.kind).or(r.recv_auth.role);
        r.recv_auth.address = address_block(a, entry);
        notes.push(AddressNote::Authority(a.name.clone()));
    }
    propose_language(&mut r, entry, &mut notes);
    propose_channel(&mut r, entry, &mut notes);
    Ok(Addressed { request: r, notes })
}

fn propose_language(r: &mut Request, entry: &StateEntry, notes: &mut Vec<AddressNote>) {
    let accepted = accepted_languages(entry, r);
    if accepted.is_empty() {
        return;
    }
    let accepts = |l: Option<DocumentLanguage>| l.and_then(DocumentLanguage::code).is_some_and(|c| accepted.iter().any(|a| a.lang == c));
    let all = accepted.to_vec();
    if let Some(l) = r.lang.request.filter(|_| accepts(r.lang.request)) {
        notes.push(AddressNote::LanguageKept(l, all));
    } else if let Some(l) = r.lang.drafting.filter(|_| accepts(r.lang.drafting)) {
        r.lang.request = Some(l);
        notes.push(AddressNote::LanguageDrafting(l, all));
    } else if let Some(l) = accepted.iter().find_map(|a| DocumentLanguage::from_code(&a.lang)) {
        r.lang.request = Some(l);
        notes.push(AddressNote::LanguageFirst(l, all));
    } else {
        notes.push(AddressNote::LanguageNoneOfSix(all));
    }
}

fn propose_channel(r: &mut Request, entry: &StateEntry, notes: &mut Vec<AddressNote>) {
    let allowed = allowed_channels(entry, r);
    if let Some(&first) = allowed.first() {
        let route = r.channel.route.filter(|c| allowed.contains(c)).unwrap_or(first);
        r.channel.route = Some(route);
        notes.push(AddressNote::Channel(route));
    }
    let means = accepted_means(entry, r);
    if let Some(&first) = means.first() {
        let m = r.channel.means.filter(|m| means.contains(m)).unwrap_or(first);
        r.channel.means = Some(m);
        notes.push(AddressNote::Means(m));
    }
}
