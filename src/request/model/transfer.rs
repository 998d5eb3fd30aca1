//! Kind (d): transfer of criminal proceedings (UNTOC art. 21, UN Model Treaty
//! GA res. 45/118, ETS 73).

use super::{part, vocabulary};

part! {
    /// What a request for transfer of proceedings adds to the common parts.
    pub struct Transfer {
        /// The act, with exact time and place (GA res. 45/118 art. 3(b)).
        pub act_description: String,
        /// What the investigation established (GA res. 45/118 art. 3(c)).
        pub investigation_results: String,
        /// The suspect (name as in the persons list) with identity, nationality, residence (art. 3(e)).
        pub suspect_ref: String,
        /// Whether the suspect is in custody, where, until when, on what title (ETS 73 art. 15).
        pub suspect_custody: String,
        /// Grounds (ETS 73 art. 8(1)).
        pub grounds: Vec<TransferGround>,
        /// The facts supporting each ground ticked, ground by ground (ETS 73 arts. 8, 11).
        pub ground_facts: GroundFacts,
        /// Why the requested State is better placed.
        pub forum: Forum,
        /// The suspect's views on the offence and the transfer, or why not obtained (GA res. 45/118 art. 8).
        pub suspect_views: String,
        /// The suspect or the suspect's relatives asked for the transfer (GA res. 45/118 art. 8).
        pub suspect_initiated: bool,
        /// Victims, their claims and wish to be represented (GA res. 45/118 art. 9).
        pub victims: String,
        /// Arrest or seizure requested pending the decision (GA res. 45/118 art. 12).
        pub provisional_measures: String,
        /// The undertakings of the requesting State the drafter gives.
        pub undertakings: TransferUndertakings,
        /// Original or certified copy of the file, with its index (ETS 73 art. 15).
        pub file_index: String,
        /// Seized items and where they are held.
        pub exhibits: String,
    }
}

vocabulary! {
    /// Grounds for a transfer (ETS 73 art. 8(1)(a)–(h)).
    pub enum TransferGround {
        /// (a) The suspect is ordinarily resident in the requested State.
        Residence = "residence",
        /// (b) The suspect is a national of the requested State, or it is the State of origin.
        Nationality = "nationality",
        /// (c) The suspect is serving or will serve a custodial sentence there.
        Sentence = "sentence",
        /// (d) Proceedings for the same or other offences are taking place there.
        Proceedings = "proceedings",
        /// (e) The most important evidence is located there.
        Evidence = "evidence",
        /// (f) Enforcement there improves the prospects of social rehabilitation.
        Rehabilitation = "rehabilitation",
        /// (g) The suspect's presence at the hearing cannot be ensured in the requesting State.
        Presence = "presence",
        /// (h) Enforcement of a sentence is not possible in the requesting State.
        Enforcement = "enforcement",
    }
}

part! {
    /// The undertakings of a request for transfer of proceedings, each
    /// printed only when given.
    pub struct TransferUndertakings {
        /// Once the requested State accepts, the requesting State suspends its
        /// own prosecution, and ends it once the decision there is final (ne bis
        /// in idem; ETS 73 art. 35, GA res. 45/118 art. 10).
        pub ne_bis_in_idem: bool,
        /// The requesting State asks to be told of the decision, any
        /// discontinuance and the outcome, with a copy of the final decision
        /// (ETS 73 art. 16, GA res. 45/118 art. 11).
        pub report_back: bool,
        /// The requesting State will inform the requested State, in writing,
        /// of later procedural acts it takes in the case (ETS 73 art. 15).
        pub later_acts: bool,
    }
}

part! {
    /// The facts supporting each ground of a transfer (ETS 73 art. 8(1)),
    /// one text per ground, named as the ground's key.
    pub struct GroundFacts {
        /// (a) Why the suspect is ordinarily resident in the requested State.
        pub residence: String,
        /// (b) The suspect's nationality or origin.
        pub nationality: String,
        /// (c) The custodial sentence the suspect is serving or will serve there.
        pub sentence: String,
        /// (d) The proceedings taking place there.
        pub proceedings: String,
        /// (e) The evidence located there.
        pub evidence: String,
        /// (f) Why enforcement there improves the prospects of rehabilitation.
        pub rehabilitation: String,
        /// (g) Why the suspect's presence cannot be ensured in the requesting State but can there.
        pub presence: String,
        /// (h) Why a sentence could be enforced there but not in the requesting State.
        pub enforcement: String,
    }
}

impl TransferGround {
    /// The letter of the ground in ETS 73 art. 8(1).
    pub fn letter(self) -> char {
        match self {
            TransferGround::Residence => 'a',
            TransferGround::Nationality => 'b',
            TransferGround::Sentence => 'c',
            TransferGround::Proceedings => 'd',
            TransferGround::Evidence => 'e',
            TransferGround::Rehabilitation => 'f',
            TransferGround::Presence => 'g',
            TransferGround::Enforcement => 'h',
        }
    }
}

impl GroundFacts {
    /// The facts given for `ground`.
    pub fn of(&self, ground: TransferGround) -> &str {
        match ground {
            TransferGround::Residence => &self.residence,
            TransferGround::Nationality => &self.nationality,
            TransferGround::Sentence => &self.sentence,
            TransferGround::Proceedings => &self.proceedings,
            TransferGround::Evidence => &self.evidence,
            TransferGround::Rehabilitation => &self.rehabilitation,
            TransferGround::Presence => &self.presence,
            TransferGround::Enforcement => &self.enforcement,
        }
    }
}

part! {
    /// Forum analysis: the factors that show where the case is best tried.
    pub struct Forum {
        /// Where the conduct and its effects occurred.
        pub territory: String,
        /// Suspect's nationality and residence.
        pub active_personality: String,
        /// Victims' nationality and residence.
        pub passive_personality: String,
        /// Where the suspect is; surrender or extradition prospects.
        pub suspect_location: String,
        /// Where the victims are; their interests.
        pub victims_location: String,
        /// Where witnesses and experts are; protection needs.
        pub witnesses_location: String,
        /// Where the key evidence is; admissibility in each State.
        pub evidence_location: String,
        /// Proceedings already running in the requested State.
        pub parallel_proceedings: String,
        /// Limitation date in the requested State, if known, `YYYY-MM-DD`.
        pub limitation_requested: String,
        /// Sentencing powers compared.
        pub sentencing: String,
        /// Where proceeds are; confiscation prospects.
        pub proceeds: String,
        /// Resources and costs.
        pub costs: String,
    }
}
