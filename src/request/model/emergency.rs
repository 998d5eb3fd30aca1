//! Kind (c): emergency disclosure of data (CETS 224 arts. 9 and 10).

use super::{part, vocabulary, DataSpec};

part! {
    /// What an emergency disclosure request adds to the common parts.
    pub struct Emergency {
        /// Route: 24/7 network (art. 9) or emergency mutual assistance (art. 10).
        pub route: Option<EmergencyRoute>,
        /// Sent in electronic form.
        pub electronic: bool,
        /// The requesting State's own 24/7 point of contact: name,
        /// telephone, e-mail.
        pub poc_24_7_own: String,
        /// Providers holding the data, one per line.
        pub providers: String,
        /// Whether there is a significant and imminent risk to the life or
        /// safety of a person (arts. 3, 9); the facts say why.
        pub risk_to_life: Option<super::YesNoUnknown>,
        /// Facts showing the significant and imminent risk to a person's life or safety (arts. 3, 9).
        pub emergency_facts: String,
        /// How the data sought relate to the emergency.
        pub data_link: String,
        /// Data sought: identifiers, categories, period with time zone.
        pub data: Vec<DataSpec>,
        /// Special instructions: confidentiality, no notice to the user, delivery format.
        pub special_instructions: String,
        /// Anything else useful.
        pub other_info: String,
        /// What happened: disclosed, refused, partly disclosed.
        pub outcome: Option<EmergencyOutcome>,
        /// When, `YYYY-MM-DDTHH:MM`.
        pub outcome_at: String,
        /// Conditions the requested State attached, and whether a formal
        /// request must follow before the data are used as evidence.
        pub followup: String,
    }
}

vocabulary! {
    /// What came of an emergency disclosure request.
    pub enum EmergencyOutcome {
        /// The data were disclosed.
        Disclosed = "disclosed",
        /// Some of the data were disclosed.
        PartiallyDisclosed = "partially_disclosed",
        /// Disclosure was refused.
        Refused = "refused",
    }
}

vocabulary! {
    /// Route of an emergency request.
    pub enum EmergencyRoute {
        /// Through the 24/7 network, without an MLA request (CETS 224 art. 9).
        Art9Network = "art9_24_7",
        /// Emergency mutual assistance (CETS 224 art. 10).
        Art10Mla = "art10_emergency_mla",
    }
}
