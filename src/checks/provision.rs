//! The provisions a rule enforces, in every instrument it applies to, and
//! the one a finding cites: that of the request's own legal basis.
//!
//! Each rule declares a table (`cites!`): for each instrument that has a
//! corresponding provision, its citation, taken from the concordance of the
//! domain reference (UNTOC art. 18, UNCAC art. 46, the 1988 Convention
//! art. 7, the Budapest Convention, CETS 224, ETS 30, the Harare Scheme,
//! the transfer instruments and the two UN model treaties), and any source
//! that is not an instrument (practice, the directory, consistency). A
//! finding cites the provision of the primary basis, else of a supporting
//! basis; under a bilateral treaty, the treaty's own article: from the
//! treaty profile the request holds, for the topic of the rule's paragraph
//! of UNTOC art. 18, else as a general reference to the treaty; where the
//! basis has no corresponding provision, it says so, and names the article
//! of the UN model treaty of the request's kind where there is one. A
//! request for transfer of proceedings cites only transfer instruments; the
//! others only mutual-assistance ones.

use super::{blank, msg, Arg, Message};
use crate::i18n::Lang;
use crate::request::{Instrument, Request, RequestKind, TreatyTopic};

/// An instrument a rule can cite: a legal basis of the wizard, or one of
/// the UN model treaties (never a basis, but the model of bilateral
/// treaties).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// An instrument the wizard offers as a legal basis.
    Basis(Instrument),
    /// UN Model Treaty on Mutual Assistance in Criminal Matters (GA res. 45/117).
    ModelMla,
    /// UN Model Treaty on the Transfer of Proceedings in Criminal Matters (GA res. 45/118).
    ModelTransfer,
}

/// UNTOC art. 18.
pub const UNTOC_18: Source = Source::Basis(Instrument::Untoc18);
/// UNCAC art. 46.
pub const UNCAC_46: Source = Source::Basis(Instrument::Uncac46);
/// 1988 Convention art. 7.
pub const DRUG88_7: Source = Source::Basis(Instrument::Drug88_7);
/// Convention on Cybercrime (CETS 185).
pub const BUDAPEST: Source = Source::Basis(Instrument::Budapest);
/// Second Additional Protocol to the Convention on Cybercrime (CETS 224).
pub const CETS_224: Source = Source::Basis(Instrument::Cets224);
/// European Convention on Mutual Assistance in Criminal Matters (ETS 30) and its Protocols.
pub const ETS_30: Source = Source::Basis(Instrument::Ets30);
/// Harare Scheme.
pub const HARARE: Source = Source::Basis(Instrument::Harare);
/// UNTOC art. 21 (transfer of proceedings).
pub const UNTOC_21: Source = Source::Basis(Instrument::Untoc21);
/// UNCAC art. 47 (transfer of proceedings).
pub const UNCAC_47: Source = Source::Basis(Instrument::Uncac47);
/// European Convention on the Transfer of Proceedings in Criminal Matters (ETS 73).
pub const ETS_73: Source = Source::Basis(Instrument::Ets73);
/// GA res. 45/117.
pub const MT_45_117: Source = Source::ModelMla;
/// GA res. 45/118.
pub const MT_45_118: Source = Source::ModelTransfer;

impl Source {
    /// The key of the domain reference (`UNTOC_18`, `MT_45_117`).
    pub fn key(self) -> &'static str {
        match self {
            Source::Basis(i) => crate::request::Vocabulary::key(i),
            Source::ModelMla => "MT_45_117",
            Source::ModelTransfer => "MT_45_118",
        }
    }

    /// Whether the instrument governs transfer of proceedings (not mutual assistance).
    fn is_transfer(self) -> bool {
        matches!(self, Source::Basis(Instrument::Untoc21 | Instrument::Uncac47 | Instrument::Ets73) | Source::ModelTransfer)
    }
}

/// The short name of a basis, as a citation names it ("UNCAC art. 46").
fn short_name(i: Instrument) -> &'static str {
    match i {
        Instrument::Untoc18 => "UNTOC art. 18",
        Instrument::Uncac46 => "UNCAC art. 46",
        Instrument::Drug88_7 => "1988 Convention art. 7",
        Instrument::Budapest => "Budapest Convention",
        Instrument::Cets224 => "CETS 224",
        Instrument::Ets30 => "ETS 30",
        Instrument::Untoc21 => "UNTOC art. 21",
        Instrument::Uncac47 => "UNCAC art. 47",
        Instrument::Ets73 => "ETS 73",
        Instrument::Harare => "Harare Scheme",
        Instrument::Bilateral => "bilateral treaty",
        Instrument::Reciprocity => "reciprocity",
    }
}

/// What a rule enforces: its provision in each instrument that has one,
/// and its sources that are not instruments.
#[derive(Debug)]
pub struct Provision {
    /// Each instrument with a corresponding provision, and its citation
    /// ("UNCAC art. 46(8)"), in the order the rule was written from.
    pub cites: &'static [(Source, &'static str)],
    /// Sources that are not instruments ("Practice", "Directory"), cited
    /// whatever the basis; empty when none.
    pub general: &'static str,
}

/// A rule's [`Provision`]: `cites!(UNTOC_18 "UNTOC art. 18(8)", UNCAC_46
/// "UNCAC art. 46(8)"; "Practice")`, the sources being the constants of
/// this module; the part after `;` is optional.
macro_rules! cites {
    ($($source:ident $citation:literal),* $(; $general:literal)?) => {
        $crate::checks::provision::Provision {
            cites: &[$(($crate::checks::provision::$source, $citation)),*],
            general: concat!($($general)?),
        }
    };
}
pub(crate) use cites;

impl Provision {
    /// Every citation, instrument by instrument, then the general sources:
    /// what the rule enforces whatever the basis.
    pub fn all(&self) -> String {
        let mut parts: Vec<&str> = self.cites.iter().map(|(_, c)| *c).collect();
        if !self.general.is_empty() {
            parts.push(self.general);
        }
        parts.join("; ")
    }

    /// Every citation and general source worded in `lang`, as a finding
    /// cites them while no basis is chosen.
    pub fn all_in(&'static self, lang: Lang) -> String {
        Citation { basis: Basis::Unchosen(self.cites), model: None, general: self.general }.render(lang)
    }

    /// The citation of `source`, if the rule has one in it.
    pub fn of(&self, source: Source) -> Option<&'static str> {
        self.cites.iter().find(|(s, _)| *s == source).map(|(_, c)| *c)
    }

    /// The treaty's own article for this rule, under a bilateral treaty
    /// whose profile the request holds: that of the topic of the rule's
    /// paragraph of UNTOC art. 18, when the profile gives one. A transfer
    /// request cites no mutual-assistance topic.
    fn treaty_article(&self, r: &Request) -> Option<(String, String)> {
        let profile = r.basis.treaty_profile.as_ref().filter(|_| r.basis.primary == Some(Instrument::Bilateral))?;
        if r.kind == RequestKind::TransferOfProceedings {
            return None;
        }
        let paragraph: u32 = self
            .of(UNTOC_18)?
            .strip_prefix("UNTOC art. 18(")?
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()?;
        let article = profile.article(TreatyTopic::of_untoc_paragraph(paragraph)?)?;
        Some((profile.name.trim().to_string(), article.to_string()))
    }

    /// What a finding of this rule on `r` cites.
    pub fn for_request(&'static self, r: &Request) -> Citation {
        let transfer = r.kind == RequestKind::TransferOfProceedings;
        let fits = |s: Source| s.is_transfer() == transfer;
        let general = self.general;
        if self.cites.is_empty() {
            return Citation { basis: Basis::None, model: None, general };
        }
        let Some(primary) = r.basis.primary else {
            return Citation { basis: Basis::Unchosen(self.cites), model: None, general };
        };
        if let Some((treaty, article)) = self.treaty_article(r) {
            return Citation { basis: Basis::TreatyArticle { treaty, article }, model: None, general };
        }
        let bases = std::iter::once(primary).chain(r.basis.secondary.iter().copied());
        if let Some(found) = bases.map(Source::Basis).filter(|s| fits(*s)).find_map(|s| self.of(s)) {
            return Citation { basis: Basis::Cited(found), model: None, general };
        }
        let model = self.of(if transfer { Source::ModelTransfer } else { Source::ModelMla });
        let basis = match primary {
            Instrument::Bilateral => Basis::Treaty(r.basis.treaty_citation.trim().to_string()),
            Instrument::Reciprocity => Basis::Reciprocity,
            other => Basis::NoCounterpart(short_name(other)),
        };
        Citation { basis, model, general }
    }
}

/// What the chosen basis says about a rule.
#[derive(Debug, Clone, PartialEq)]
enum Basis {
    /// The rule cites no instrument, only its general sources.
    None,
    /// No basis chosen yet: every instrument's provision.
    Unchosen(&'static [(Source, &'static str)]),
    /// The basis' own provision.
    Cited(&'static str),
    /// A bilateral treaty (its citation as the request gives it, or empty):
    /// the treaty's own article applies.
    Treaty(String),
    /// A bilateral treaty whose profile gives its article on the rule's
    /// topic.
    TreatyArticle {
        /// The treaty's title.
        treaty: String,
        /// Its article ("art. 4").
        article: String,
    },
    /// Reciprocity: no treaty applies.
    Reciprocity,
    /// The basis (its short name) has no corresponding provision.
    NoCounterpart(&'static str),
}

/// The provision a finding cites, before it is worded.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    basis: Basis,
    model: Option<&'static str>,
    general: &'static str,
}

impl Citation {
    /// Whether it cites an article of the request's basis (or of its
    /// bilateral treaty), not only that the basis has none, or sources that
    /// are no instrument.
    pub(crate) fn cites_an_article(&self) -> bool {
        matches!(self.basis, Basis::Cited(_) | Basis::Treaty(_) | Basis::TreatyArticle { .. })
    }

    /// The parts of the citation: worded ones as messages of the checks
    /// catalogue, citations as they are.
    fn parts(&self) -> Vec<Arg> {
        let mut parts: Vec<Arg> = Vec::new();
        match &self.basis {
            Basis::None => {}
            Basis::Unchosen(cites) => parts.extend(cites.iter().map(|(_, c)| Arg::Provision(c.to_string()))),
            Basis::Cited(c) => parts.push(Arg::Provision(c.to_string())),
            Basis::Treaty(t) if blank(t) => parts.push(msg("check.provision.treaty_unnamed").into()),
            Basis::Treaty(t) => parts.push(msg("check.provision.treaty").arg("treaty", t.as_str()).into()),
            Basis::TreatyArticle { treaty, article } => parts.push(Arg::Text(format!("{treaty}, {article}"))),
            Basis::Reciprocity => parts.push(msg("check.provision.reciprocity").into()),
            Basis::NoCounterpart(name) => parts.push(msg("check.provision.none").arg("instrument", Arg::Provision(name.to_string())).into()),
        }
        if let Some(model) = self.model {
            parts.push(msg("check.provision.model").arg("provision", Arg::Provision(model.to_string())).into());
        }
        parts.extend(self.general.split("; ").filter(|part| !part.is_empty()).map(|part| Arg::Provision(part.to_string())));
        parts
    }

    /// The citation as a placeholder value of a message.
    pub fn arg(&self) -> Arg {
        let mut parts = self.parts().into_iter();
        let first = parts.next().unwrap_or(Arg::Text(String::new()));
        parts.fold(first, |acc, next| msg("check.provision.and").arg("first", acc).arg("next", next).into())
    }

    /// The citation worded in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.arg().render(lang)
    }

    /// The catalogue keys the citation uses.
    pub fn keys(&self) -> Vec<String> {
        match self.arg() {
            Arg::Message(m) => Message::keys(&m),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, found, run, Example};
    use crate::checks::{rules, Finding};
    use crate::request::Instrument::*;

    /// The MLA example, whose accounts fire UNTOC-18-8-bank, with no facts
    /// (UNTOC-18-15-c), under `basis`.
    fn defective_mla(basis: Instrument, treaty: &str) -> Request {
        let mut r = example(Example::Mla);
        r.facts.summary.clear();
        r.basis.primary = Some(basis);
        r.basis.secondary.clear();
        r.basis.treaty_citation = treaty.into();
        r
    }

    fn provision(r: &Request, code: &str) -> String {
        let f = found(r, code);
        assert!(!f.is_empty(), "{code} does not fire");
        f[0].provision.clone()
    }

    #[test]
    fn every_source_that_is_no_instrument_is_worded_in_every_language() {
        for rule in rules() {
            for part in rule.provision.general.split("; ").filter(|part| !part.is_empty()) {
                assert!(crate::i18n::citation::is_known_source(part), "{}: {part:?} is neither a known source nor a citation", rule.code);
            }
            for (_, cited) in rule.provision.cites {
                assert!(crate::i18n::citation::is_known_source(cited), "{}: {cited:?} names no known instrument", rule.code);
            }
        }
    }

    const TREATY: &str = "Treaty between Arden and Norland on Mutual Legal Assistance of 14 May 2009";

    #[test]
    fn findings_cite_the_provision_of_the_basis_chosen() {
        let cases: [(Instrument, &str, &str, &str); 10] = [
            (Untoc18, "", "UNTOC art. 18(8)", "UNTOC art. 18(15)(c)"),
            (Uncac46, "", "UNCAC art. 46(8)", "UNCAC art. 46(15)(c)"),
            (Drug88_7, "", "1988 Convention art. 7(5)", "1988 Convention art. 7(10)(c)"),
            (Ets30, "", "No corresponding provision in ETS 30; model: GA res. 45/117 art. 4", "ETS 30 art. 14"),
            (Harare, "", "No corresponding provision in Harare Scheme; model: GA res. 45/117 art. 4", "Harare Scheme para. 14"),
            (
                Budapest,
                "",
                "No corresponding provision in Budapest Convention; model: GA res. 45/117 art. 4",
                "No corresponding provision in Budapest Convention; model: GA res. 45/117 art. 5(1)(c)",
            ),
            (
                Cets224,
                "",
                "No corresponding provision in CETS 224; model: GA res. 45/117 art. 4",
                "No corresponding provision in CETS 224; model: GA res. 45/117 art. 5(1)(c)",
            ),
            (
                Bilateral,
                TREATY,
                "Treaty between Arden and Norland on Mutual Legal Assistance of 14 May 2009: the treaty's own article on this applies; model: GA res. 45/117 art. 4",
                "Treaty between Arden and Norland on Mutual Legal Assistance of 14 May 2009: the treaty's own article on this applies; model: GA res. 45/117 art. 5(1)(c)",
            ),
            (
                Bilateral,
                "",
                "The bilateral treaty's own article on this applies; model: GA res. 45/117 art. 4",
                "The bilateral treaty's own article on this applies; model: GA res. 45/117 art. 5(1)(c)",
            ),
            (
                Reciprocity,
                "",
                "No treaty applies (reciprocity); model: GA res. 45/117 art. 4",
                "No treaty applies (reciprocity); model: GA res. 45/117 art. 5(1)(c)",
            ),
        ];
        for (basis, treaty, bank, facts) in cases {
            let r = defective_mla(basis, treaty);
            assert_eq!(provision(&r, "UNTOC-18-8-bank"), bank, "{basis:?}");
            assert_eq!(provision(&r, "UNTOC-18-15-c"), facts, "{basis:?}");
        }
    }

    /// The instruments' names as citations spell them, and the bases whose
    /// findings may name each.
    const NAMES: [(&str, &[Instrument]); 8] = [
        ("UNTOC art. 18", &[Untoc18]),
        ("UNCAC art. 46", &[Uncac46]),
        ("1988 Convention", &[Drug88_7]),
        ("Budapest Convention", &[Budapest]),
        ("CETS 224", &[Cets224]),
        ("ETS 30", &[Ets30]),
        ("Harare Scheme", &[Harare]),
        ("ETS 73", &[Ets73]),
    ];

    /// Every finding of `r` cites no instrument but its basis, and (but for
    /// the kinds that one instrument defines: preservation, Budapest art.
    /// 29; emergency disclosure, CETS 224 art. 9) no message names one.
    fn cites_only_its_basis(r: &Request, findings: &[Finding]) {
        let basis = r.basis.primary.unwrap();
        let own_instrument = matches!(r.kind, RequestKind::Preservation | RequestKind::EmergencyDisclosure);
        for f in findings {
            for (name, bases) in NAMES {
                if !bases.contains(&basis) {
                    assert!(!f.provision.contains(name), "{basis:?}: {} cites {name}: {}", f.code, f.provision);
                    assert!(own_instrument || !f.message.contains(name), "{basis:?}: {} names {name}: {}", f.code, f.message);
                }
            }
        }
    }

    #[test]
    fn no_finding_of_a_defective_request_cites_another_instrument_than_its_basis() {
        for kind in Example::ALL {
            let bases: &[Instrument] = match kind {
                Example::Mla => &[Untoc18, Uncac46, Drug88_7, Budapest, Cets224, Ets30, Harare, Bilateral, Reciprocity],
                Example::Preservation => &[Budapest, Harare, Bilateral],
                Example::Emergency => &[Cets224, Bilateral],
                Example::Transfer => &[Ets73, Untoc21, Uncac47, Bilateral],
            };
            for &basis in bases {
                let mut r = Request { kind: example(kind).kind, ..Request::default() };
                r.basis.primary = Some(basis);
                let findings = run(&r);
                assert!(findings.len() > 10, "{kind:?}");
                cites_only_its_basis(&r, &findings);
                let mut r = example(kind);
                r.basis.primary = Some(basis);
                r.basis.secondary.clear();
                cites_only_its_basis(&r, &run(&r));
            }
        }
    }

    #[test]
    fn a_transfer_request_cites_no_provision_of_mutual_assistance() {
        let mla_only = ["UNTOC art. 18", "UNCAC art. 46", "GA res. 45/117", "1988 Convention", "Budapest", "CETS 224", "ETS 30"];
        for basis in [Ets73, Untoc21, Uncac47, Bilateral] {
            let mut r = Request { kind: crate::request::RequestKind::TransferOfProceedings, ..Request::default() };
            r.basis.primary = Some(basis);
            r.urgency.flag = true;
            r.channel.route = Some(crate::request::Channel::Interpol);
            r.offences.push(crate::request::Offence { category_flags: vec![crate::request::OffenceCategory::Fiscal], ..Default::default() });
            let findings = run(&r);
            for f in &findings {
                for name in mla_only {
                    assert!(!f.provision.contains(name) && !f.message.contains(name), "{basis:?}: {f:?}");
                }
            }
            let act = found(&r, "MT118-3-b");
            let model = "GA res. 45/118 art. 3(b)";
            assert!(act[0].provision.ends_with(model), "{basis:?}: {}", act[0].provision);
        }
        let mut r = example(Example::Transfer);
        r.transfer.grounds.clear();
        assert_eq!(provision(&r, "ETS73-8-ground"), "ETS 73 art. 8(1)");
        r.transfer.act_description.clear();
        assert_eq!(provision(&r, "MT118-3-b"), "No corresponding provision in ETS 73; model: GA res. 45/118 art. 3(b)");
    }

    /// The fictitious treaty profile of the examples.
    fn treaty_profile() -> crate::request::TreatyProfile {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/treaty-profiles/examplia-testland.json"));
        crate::request::treaty_profile::parse_treaty_profile(text, "example").unwrap()
    }

    #[test]
    fn under_a_treaty_profile_findings_cite_the_treaty_article_of_their_topic() {
        let profile = treaty_profile();
        let mut r = defective_mla(Bilateral, &profile.name);
        r.basis.secondary = vec![Uncac46];
        r.basis.treaty_profile = Some(profile.clone());
        let contents = format!("{}, art. 4", profile.name);
        assert_eq!(provision(&r, "UNTOC-18-15-c"), contents, "before the supporting basis");
        r.lang.request = None;
        let language = &found(&r, "UNTOC-18-14-lang")[0];
        assert!(language.message.contains(&format!("({}, art. 5)", profile.name)), "a message cites it too: {}", language.message);
        assert_eq!(provision(&r, "UNTOC-18-8-bank"), "UNCAC art. 46(8)", "no bank-secrecy article: as without a profile");
        r.basis.secondary.clear();
        assert_eq!(
            provision(&r, "UNTOC-18-8-bank"),
            format!("{}: the treaty's own article on this applies; model: GA res. 45/117 art. 4", profile.name)
        );
        r.basis.primary = Some(Untoc18);
        assert_eq!(provision(&r, "UNTOC-18-15-c"), "UNTOC art. 18(15)(c)", "a profile counts only under a bilateral treaty");
        let mut transfer = example(Example::Transfer);
        transfer.basis.primary = Some(Bilateral);
        transfer.basis.treaty_profile = Some(profile);
        transfer.transfer.act_description.clear();
        assert!(provision(&transfer, "MT118-3-b").ends_with("GA res. 45/118 art. 3(b)"));
    }

    #[test]
    fn a_supporting_basis_is_cited_where_the_primary_has_no_provision() {
        let mut r = defective_mla(Bilateral, TREATY);
        r.basis.secondary = vec![Uncac46];
        assert_eq!(provision(&r, "UNTOC-18-8-bank"), "UNCAC art. 46(8)");
    }

    #[test]
    fn without_a_basis_every_instrument_is_cited() {
        let mut r = defective_mla(Untoc18, "");
        r.basis.primary = None;
        assert_eq!(
            provision(&r, "UNTOC-18-8-bank"),
            "UNTOC art. 18(8); UNCAC art. 46(8); 1988 Convention art. 7(5); GA res. 45/117 art. 4"
        );
    }

    #[test]
    fn citations_are_worded_in_every_language() {
        let r = defective_mla(Reciprocity, "");
        for lang in Lang::ALL {
            let f = crate::checks::run(&r, crate::checks::tests::today(), lang);
            let facts = f.iter().find(|f| f.code == "UNTOC-18-15-c").unwrap();
            let model = crate::i18n::catalogue(lang).get("citation.instrument.MT_45_117");
            assert!(facts.provision.contains(&format!("{model} art. 5(1)(c)")), "{lang:?}: {}", facts.provision);
            if lang != Lang::En {
                assert!(!facts.provision.contains("reciprocity"), "{lang:?}: {}", facts.provision);
                assert!(!facts.provision.contains("GA res."), "{lang:?}: {}", facts.provision);
            }
        }
    }

    #[test]
    fn every_rule_cites_each_instrument_once_and_a_transfer_rule_only_transfer_instruments() {
        for rule in rules() {
            let cites = rule.provision.cites;
            for (i, (s, c)) in cites.iter().enumerate() {
                assert!(cites[..i].iter().all(|(t, _)| t != s), "{}: {} twice", rule.code, s.key());
                assert!(!c.trim().is_empty(), "{}", rule.code);
            }
            if rule.code.starts_with("ETS73-") || rule.code.starts_with("MT118-") {
                assert!(cites.iter().all(|(s, _)| s.is_transfer()), "{}", rule.code);
            }
        }
    }
}
