//! Treaty profiles: for a bilateral or regional treaty, its name, parties,
//! entry into force, and the article of the treaty that governs each topic
//! the checks cite (the treaty's counterpart of a paragraph of UNTOC
//! art. 18). A request made under a treaty keeps a snapshot of its profile
//! in `basis.treaty_profile`, so a later edit of the profile never changes
//! a request already written.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A bilateral or regional treaty as the user describes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct TreatyProfile {
    /// Short identifier, lowercase letters, digits and hyphens
    /// (`examplia-testland-mla`).
    pub id: String,
    /// The treaty's title as it is cited.
    pub name: String,
    /// Its parties (ISO 3166 codes or names), at least two.
    pub parties: Vec<String>,
    /// Date of entry into force, `YYYY-MM-DD`.
    pub entry_into_force: String,
    /// The treaty's article for each topic it has one for ("art. 4").
    pub articles: BTreeMap<TreatyTopic, String>,
    /// Where the profile was taken from.
    pub source: TreatySource,
}

/// The document a treaty profile was taken from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct TreatySource {
    /// Title of the source (the treaty's official text, a national guide).
    pub title: String,
    /// Date of the source, `YYYY-MM-DD`.
    pub date: String,
}

/// What a treaty article governs: the topics of the paragraphs of UNTOC
/// art. 18 that the checks cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TreatyTopic {
    /// Scope of assistance (UNTOC art. 18(1)).
    Scope,
    /// Types of assistance (18(3)).
    TypesOfAssistance,
    /// Bank secrecy (18(8)).
    BankSecrecy,
    /// Dual criminality (18(9)).
    DualCriminality,
    /// Temporary transfer of detained persons (18(10)–(12)).
    TemporaryTransfer,
    /// Central authority and channel of transmission (18(13)).
    CentralAuthority,
    /// Form and language of requests (18(14)).
    Languages,
    /// Contents of requests (18(15)).
    ContentOfRequests,
    /// Additional information (18(16)).
    AdditionalInformation,
    /// Execution under the requested State's law, particular procedures (18(17)).
    Execution,
    /// Hearing by videoconference (18(18)).
    Videoconference,
    /// Use limitation (18(19)).
    UseLimitation,
    /// Confidentiality (18(20)).
    Confidentiality,
    /// Grounds for refusal, fiscal offences included (18(21)–(22)).
    GroundsForRefusal,
    /// Speed of execution and deadlines (18(24)).
    Deadlines,
    /// Safe conduct (18(27)).
    SafeConduct,
    /// Costs (18(28)).
    Costs,
}

impl TreatyTopic {
    /// Every topic, in the order of UNTOC art. 18.
    pub const ALL: &'static [TreatyTopic] = &[
        TreatyTopic::Scope,
        TreatyTopic::TypesOfAssistance,
        TreatyTopic::BankSecrecy,
        TreatyTopic::DualCriminality,
        TreatyTopic::TemporaryTransfer,
        TreatyTopic::CentralAuthority,
        TreatyTopic::Languages,
        TreatyTopic::ContentOfRequests,
        TreatyTopic::AdditionalInformation,
        TreatyTopic::Execution,
        TreatyTopic::Videoconference,
        TreatyTopic::UseLimitation,
        TreatyTopic::Confidentiality,
        TreatyTopic::GroundsForRefusal,
        TreatyTopic::Deadlines,
        TreatyTopic::SafeConduct,
        TreatyTopic::Costs,
    ];

    /// The topic of paragraph `paragraph` of UNTOC art. 18, if a treaty
    /// article can stand for it.
    pub fn of_untoc_paragraph(paragraph: u32) -> Option<TreatyTopic> {
        Some(match paragraph {
            1 => TreatyTopic::Scope,
            3 => TreatyTopic::TypesOfAssistance,
            8 => TreatyTopic::BankSecrecy,
            9 => TreatyTopic::DualCriminality,
            10..=12 => TreatyTopic::TemporaryTransfer,
            13 => TreatyTopic::CentralAuthority,
            14 => TreatyTopic::Languages,
            15 => TreatyTopic::ContentOfRequests,
            16 => TreatyTopic::AdditionalInformation,
            17 => TreatyTopic::Execution,
            18 => TreatyTopic::Videoconference,
            19 => TreatyTopic::UseLimitation,
            20 => TreatyTopic::Confidentiality,
            21 | 22 => TreatyTopic::GroundsForRefusal,
            24 => TreatyTopic::Deadlines,
            27 => TreatyTopic::SafeConduct,
            28 => TreatyTopic::Costs,
            _ => return None,
        })
    }
}

impl TreatyProfile {
    /// The treaty's article on `topic`, if the profile gives one.
    pub fn article(&self, topic: TreatyTopic) -> Option<&str> {
        self.articles.get(&topic).map(|a| a.trim()).filter(|a| !a.is_empty())
    }
}
