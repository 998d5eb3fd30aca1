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
    AcceptedLanguage, AcceptedMeans, Acceptance, Authority, AuthorityRole, BilateralTreaty, ChannelRoute, ChannelRule, InstrumentStatus, LanguageRule,
    PartyStatus, StateEntry,
};
use crate::request::{Channel, DocumentLanguage, Instrument, ReceivingRole, Request, RequestKind, TransmissionMeans, YesNoUnknown};

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

/// Whether the request is addressed to a fictitious State (the entry it
/// carries says so, or its State is named by a user-assigned code or a demo
/// State's name): [`crate::directory::demo::is_fictitious`].
pub fn fictitious(r: &Request) -> bool {
    crate::directory::demo::is_fictitious(&r.req_state, entry(r))
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

/// Whether an instrument is a treaty that must be in force between the
/// States (everything but reciprocity and the non-binding Harare Scheme).
pub fn is_treaty(i: Instrument) -> bool {
    !matches!(i, Instrument::Reciprocity | Instrument::Harare)
}

/// What the entry says of the request's basis being in force on `today`,
/// and why.
#[derive(Debug, Clone, PartialEq)]
pub enum InForce {
    /// A Party, in force since the date given (when the entry gives one).
    Yes(Option<String>),
    /// Not a Party.
    NotParty,
    /// Signed, not ratified.
    Signatory,
    /// In force only from this date, after `today`.
    NotYet(String),
    /// A Party that does not accept the instrument as a basis for mutual legal assistance.
    NotUsable,
    /// The entry does not say.
    NotInEntry,
}

impl InForce {
    /// The answer `basis.in_force` takes from it.
    pub fn answer(&self) -> YesNoUnknown {
        match self {
            InForce::Yes(_) => YesNoUnknown::Yes,
            InForce::NotInEntry => YesNoUnknown::Unknown,
            _ => YesNoUnknown::No,
        }
    }
}

/// Whether the request's basis is in force for the State of `entry` on
/// `today`, as the entry says; none when the request has no basis or one
/// that is no treaty (reciprocity, the Harare Scheme).
pub fn in_force(entry: &StateEntry, r: &Request, today: time::Date) -> Option<InForce> {
    if !is_treaty(r.basis.primary?) {
        return None;
    }
    let status = basis_status(entry, r);
    Some(match status.map(|s| (s.party, s.in_force_from.as_deref())) {
        Some((PartyStatus::No, _)) => InForce::NotParty,
        Some((PartyStatus::Signatory, _)) => InForce::Signatory,
        Some((PartyStatus::Yes, Some(from))) if crate::directory::parse_date(from).is_some_and(|d| d > today) => InForce::NotYet(from.to_string()),
        Some((PartyStatus::Yes, _)) if status.is_some_and(|s| s.usable_as_basis == Some(Acceptance::No)) => InForce::NotUsable,
        Some((PartyStatus::Yes, from)) => InForce::Yes(from.map(str::to_string)),
        Some((PartyStatus::Unknown, _)) | None => InForce::NotInEntry,
    })
}

/// The bilateral treaty between the requested State of `entry` and the
/// requesting State `own_state` (its code) that the entry lists, under any
/// instrument; none when it lists none, or only one it says is not in force.
pub fn bilateral_treaty<'a>(entry: &'a StateEntry, own_state: &str) -> Option<&'a BilateralTreaty> {
    let own = own_state.trim();
    if own.is_empty() {
        return None;
    }
    entry
        .instrument_status
        .iter()
        .flat_map(|s| s.bilateral_treaties.iter())
        .find(|t| t.partner_state.trim().eq_ignore_ascii_case(own) && t.in_force != Some(false))
}

/// A treaty as the request names it: its title, then its date in brackets when given.
pub fn treaty_title(t: &BilateralTreaty) -> String {
    match t.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(date) => format!("{} ({date})", t.title.trim()),
        None => t.title.trim().to_string(),
    }
}

/// The languages of `accepted` as the request lists them: one of the six
/// by itself, any other as `other`, each once, in the State's order.
pub fn accepted_as_choices(accepted: &[AcceptedLanguage]) -> Vec<DocumentLanguage> {
    let mut out = Vec::new();
    for l in accepted.iter().map(|a| DocumentLanguage::from_code(&a.lang).unwrap_or(DocumentLanguage::Other)) {
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out
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
    /// Whether the basis is in force between the States, as the entry says on the day.
    InForce(Instrument, InForce),
    /// The entry lists a bilateral treaty with the requesting State (its title).
    Treaty(String),
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
/// authority's name, role and address block. It fills the answers the
/// directory gives: whether the basis is in force on `today`
/// (`basis.in_force`, when the request has a treaty as its basis), the
/// languages accepted for its basis and kind (`lang.accepted`), and the
/// bilateral treaty with the requesting State (`basis.bilateral_treaty`,
/// from `own_state`). It proposes the language of
/// the request from those the State accepts (the one chosen, when
/// accepted; else the drafting language, when accepted; else the State's
/// first accepted language among the six) and the channel and means (the
/// ones chosen, when accepted; else the State's first). Every choice it
/// makes has its note. Fails when `authority_id` is not one of the entry's
/// authorities.
pub fn address_to(request: &Request, entry: &StateEntry, authority_id: Option<&str>, today: time::Date) -> Result<Addressed, UnknownAuthority> {
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
    fill_from_entry(&mut r, entry, today, &mut notes);
    propose_language(&mut r, entry, &mut notes);
    propose_channel(&mut r, entry, &mut notes);
    Ok(Addressed { request: r, notes })
}

/// The answers the directory gives (in force, languages accepted, the
/// bilateral treaty), each replacing what the request held.
fn fill_from_entry(r: &mut Request, entry: &StateEntry, today: time::Date, notes: &mut Vec<AddressNote>) {
    match (r.basis.primary, in_force(entry, r, today)) {
        (Some(basis), Some(status)) => {
            r.basis.in_force = Some(status.answer());
            notes.push(AddressNote::InForce(basis, status));
        }
        _ => r.basis.in_force = None,
    }
    r.lang.accepted = accepted_as_choices(accepted_languages(entry, r));
    r.basis.bilateral_treaty = bilateral_treaty(entry, &r.own_state).map(treaty_title).unwrap_or_default();
    if !r.basis.bilateral_treaty.is_empty() {
        notes.push(AddressNote::Treaty(r.basis.bilateral_treaty.clone()));
    }
}

/// The answers the directory gives a request on `today` that follow its
/// basis and kind: whether its basis is in force (`basis.in_force`, none
/// for a basis that is no treaty) and the languages accepted for it
/// (`lang.accepted`), from the copy of its State's entry it carries; none
/// while it carries no entry for the State it names.
fn directory_answers(r: &Request, today: time::Date) -> Option<(Option<YesNoUnknown>, Vec<DocumentLanguage>)> {
    let entry = entry(r)?;
    Some((in_force(entry, r, today).map(|s| s.answer()), accepted_as_choices(accepted_languages(entry, r))))
}

/// `request` after a change from `before` (of its basis, its kind or its
/// State), with the answers the directory gives brought up to date:
/// `basis.in_force` and `lang.accepted`, which [`address_to`] filled from
/// the basis and kind as they were then. Each takes the answer the entry
/// gives the request now (none and no languages when it no longer names
/// the entry's State) while it still holds the answer the entry gave
/// `before`; one that differs was changed by the drafter, and is kept (the
/// request keeps no mark of a hand-made answer: an answer changed by hand
/// to what the directory said is refreshed like the directory's). Nothing
/// changes when `before` carried no entry for its State (no answer came
/// from the directory).
pub fn refresh_directory_answers(before: &Request, request: &Request, today: time::Date) -> Request {
    let mut r = request.clone();
    let Some((in_force_before, accepted_before)) = directory_answers(before, today) else { return r };
    let (in_force_now, accepted_now) = directory_answers(request, today).unwrap_or_default();
    if r.basis.in_force == in_force_before {
        r.basis.in_force = in_force_now;
    }
    if r.lang.accepted == accepted_before {
        r.lang.accepted = accepted_now;
    }
    r
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::demo::pack;

    fn today() -> time::Date {
        time::macros::date!(2026 - 12 - 01)
    }

    /// Calvania (demo): a Party to ETS 73 only, accepting French for a
    /// transfer of proceedings under it; given a second rule here, English
    /// for any request.
    fn calvania() -> StateEntry {
        let mut e = pack().states.into_iter().find(|s| s.entry.state_id == "XC").unwrap().entry;
        e.languages.push(LanguageRule {
            instrument: "any".into(),
            kind: "any".into(),
            accepted: vec![AcceptedLanguage { lang: "en".into(), condition: "always".into() }],
            ..Default::default()
        });
        e
    }

    fn addressed(kind: RequestKind, basis: Instrument) -> Request {
        let mut r = Request { kind, ..Request::default() };
        r.basis.primary = Some(basis);
        address_to(&r, &calvania(), None, today()).unwrap().request
    }

    /// The class of answers filled from the directory: after a change of
    /// basis, of kind or of State, each follows the request as it is now,
    /// unless the drafter changed it.
    #[test]
    fn the_answers_filled_from_the_directory_follow_a_change_of_basis_kind_or_state() {
        let before = addressed(RequestKind::TransferOfProceedings, Instrument::Ets73);
        assert_eq!((before.basis.in_force, before.lang.accepted.as_slice()), (Some(YesNoUnknown::Yes), &[DocumentLanguage::Fr][..]));
        // The basis changes: Calvania is no Party to UNTOC as its entry says; its languages, the general rule's.
        let mut untoc = before.clone();
        untoc.basis.primary = Some(Instrument::Untoc21);
        let refreshed = refresh_directory_answers(&before, &untoc, today());
        assert_eq!((refreshed.basis.in_force, refreshed.lang.accepted.as_slice()), (Some(YesNoUnknown::Unknown), &[DocumentLanguage::En][..]));
        // The same once the basis is no treaty: no answer in force.
        let mut reciprocity = before.clone();
        reciprocity.basis.primary = Some(Instrument::Reciprocity);
        assert_eq!(refresh_directory_answers(&before, &reciprocity, today()).basis.in_force, None);
        // The kind changes: the rule for a transfer no longer applies.
        let mut evidence = before.clone();
        evidence.kind = RequestKind::MlaEvidence;
        assert_eq!(refresh_directory_answers(&before, &evidence, today()).lang.accepted, [DocumentLanguage::En]);
        // Another State, not picked from the directory: nothing it says is the request's any more.
        let mut elsewhere = before.clone();
        elsewhere.req_state = "DE".into();
        let refreshed = refresh_directory_answers(&before, &elsewhere, today());
        assert_eq!((refreshed.basis.in_force, refreshed.lang.accepted.len()), (None, 0));
        // Back to ETS 73: the answers come back with the basis.
        let untoc = refresh_directory_answers(&before, &untoc, today());
        let mut back = untoc.clone();
        back.basis.primary = Some(Instrument::Ets73);
        assert_eq!(refresh_directory_answers(&untoc, &back, today()), before);
    }

    /// The class of answers the drafter changed after they were filled: a
    /// change of basis or kind leaves them as the drafter set them.
    #[test]
    fn an_answer_the_drafter_changed_is_kept_when_the_basis_or_kind_changes() {
        let mut before = addressed(RequestKind::TransferOfProceedings, Instrument::Ets73);
        before.basis.in_force = Some(YesNoUnknown::Unknown);
        before.lang.accepted = vec![DocumentLanguage::Fr, DocumentLanguage::Es];
        let mut after = before.clone();
        after.basis.primary = Some(Instrument::Untoc21);
        after.kind = RequestKind::MlaEvidence;
        assert_eq!(refresh_directory_answers(&before, &after, today()), after);
        // One changed, the other still the directory's: only that one follows.
        let mut before = addressed(RequestKind::TransferOfProceedings, Instrument::Ets73);
        before.basis.in_force = Some(YesNoUnknown::No);
        let mut after = before.clone();
        after.kind = RequestKind::MlaEvidence;
        let refreshed = refresh_directory_answers(&before, &after, today());
        assert_eq!((refreshed.basis.in_force, refreshed.lang.accepted.as_slice()), (Some(YesNoUnknown::No), &[DocumentLanguage::En][..]));
    }

    /// A request whose State was never picked from the directory has no
    /// answer from it: its answers are the drafter's, and stay.
    #[test]
    fn a_request_without_its_states_entry_keeps_its_answers() {
        let mut before = Request { kind: RequestKind::MlaEvidence, req_state: "DE".into(), ..Request::default() };
        before.basis.primary = Some(Instrument::Untoc18);
        before.basis.in_force = Some(YesNoUnknown::Yes);
        before.lang.accepted = vec![DocumentLanguage::En];
        let mut after = before.clone();
        after.basis.primary = Some(Instrument::Uncac46);
        assert_eq!(refresh_directory_answers(&before, &after, today()), after);
    }
}
