//! Kind (b): expedited preservation of stored computer data (Budapest arts.
//! 29, 30 and 35).

use super::{part, vocabulary, DataSpec};

part! {
    /// What an expedited preservation request adds to the common parts.
    pub struct Preservation {
        /// Own 24/7 point of contact: name, telephone, e-mail (Budapest art. 35).
        pub poc_24_7_own: String,
        /// Own authority that will send the follow-up MLA request (Budapest art. 35(2)(b)).
        pub mla_auth_contact: String,
        /// Data to preserve (Budapest art. 29(2)(c)).
        pub data: Vec<DataSpec>,
        /// How the data relate to the offence (Budapest art. 29(2)(c)).
        pub data_relationship: String,
        /// Custodian or provider, or location of the computer system; or why unknown (art. 29(2)(d)).
        pub custodian: String,
        /// Why preservation is necessary: risk of deletion, retention periods (art. 29(2)(e)).
        pub necessity: String,
        /// The measure the follow-up MLA request will ask for (art. 29(2)(f)).
        pub mla_intent_measure: Option<FollowUpMeasure>,
        /// When the follow-up MLA request is expected, `YYYY-MM-DD` (art. 29(7)).
        pub mla_expected_date: String,
        /// Ask for disclosure of traffic data identifying other providers on the path (art. 30).
        pub path_disclosure: bool,
        /// Ask that the user not be notified (art. 29(6)).
        pub no_user_notice: bool,
        /// Date preservation took effect, from the confirmation, `YYYY-MM-DD` (art. 29(7)).
        pub preserved_at: String,
        /// The requested State's preservation reference, from the confirmation.
        pub preservation_ref: String,
        /// When the request was sent, `YYYY-MM-DDTHH:MM`.
        pub sent_at: String,
        /// When an extension of the preservation was asked for, `YYYY-MM-DD`.
        pub extension_requested_at: String,
        /// The date to which the requested State extended the preservation,
        /// `YYYY-MM-DD` (art. 29(7)).
        pub extended_until: String,
        /// Reference of the follow-up MLA request, once sent (art. 29(7), 31(1)).
        pub followup_mla_ref: String,
        /// The requested State's warning that preservation may not secure the
        /// data or may harm confidentiality (art. 29(6)).
        pub notice_29_6: String,
        /// What was decided on that warning: proceed or not.
        pub notice_29_6_decision: String,
    }
}

vocabulary! {
    /// What the follow-up MLA request will ask for (Budapest art. 29(1), 29(2)(f)).
    pub enum FollowUpMeasure {
        /// Search or similarly access.
        SearchAccess = "search_access",
        /// Seize or similarly secure.
        SeizeSecure = "seize_secure",
        /// Disclose.
        Disclose = "disclose",
    }
}
