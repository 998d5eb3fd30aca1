//! What happens to a request after it leaves: its status and the
//! consultation logs with the counterpart (UNTOC art. 18(16), 18(19),
//! 18(20), 18(23)–(26)), and the record of an urgent oral request (UNTOC
//! art. 18(14)). These are the office's own notes: no template prints them,
//! so they never reach the transmitted document.

use super::{part, vocabulary};

vocabulary! {
    /// Where a request stands, from drafting to its end.
    pub enum RequestStatus {
        /// Being written.
        Drafting = "drafting",
        /// The draft is in consultation with the counterpart.
        InConsultation = "in_consultation",
        /// Sent to the requested State.
        Sent = "sent",
        /// The requested State acknowledged receipt.
        Acknowledged = "acknowledged",
        /// The requested State asked for additional information (UNTOC art. 18(16)).
        AdditionalInformationRequested = "additional_information_requested",
        /// Execution postponed (UNTOC art. 18(25)).
        Postponed = "postponed",
        /// Partly executed.
        PartiallyExecuted = "partially_executed",
        /// Executed.
        Executed = "executed",
        /// Refused (UNTOC art. 18(21), 18(23)).
        Refused = "refused",
        /// Withdrawn by the requesting State.
        Withdrawn = "withdrawn",
        /// The assistance is no longer needed (UNTOC art. 18(24)).
        NoLongerNeeded = "no_longer_needed",
    }
}

impl RequestStatus {
    /// Whether the request is over: nothing more is expected of either side.
    pub fn closed(self) -> bool {
        matches!(self, RequestStatus::Executed | RequestStatus::Refused | RequestStatus::Withdrawn | RequestStatus::NoLongerNeeded)
    }

    /// Whether the request has left the requesting office and is still open.
    pub fn open_after_sending(self) -> bool {
        matches!(
            self,
            RequestStatus::Sent
                | RequestStatus::Acknowledged
                | RequestStatus::AdditionalInformationRequested
                | RequestStatus::Postponed
                | RequestStatus::PartiallyExecuted
        )
    }

    /// Whether the next move is the counterpart's (it has the draft or the
    /// request and owes an answer).
    pub fn waits_on_counterpart(self) -> bool {
        matches!(
            self,
            RequestStatus::InConsultation | RequestStatus::Sent | RequestStatus::Acknowledged | RequestStatus::Postponed | RequestStatus::PartiallyExecuted
        )
    }
}

part! {
    /// One change of status, as recorded by the office.
    pub struct StatusChange {
        /// The new status.
        pub status: Option<RequestStatus>,
        /// When it changed, `YYYY-MM-DD`.
        pub date: String,
        /// The counterpart's reference number, where given.
        pub counterpart_ref: String,
        /// A note: reasons for a refusal or postponement, what was said.
        pub note: String,
    }
}

part! {
    /// A request of the counterpart for more information, and the answer
    /// (UNTOC art. 18(16)).
    pub struct AdditionalInformation {
        /// When the counterpart asked, `YYYY-MM-DD`.
        pub asked_at: String,
        /// What it asked for.
        pub asked: String,
        /// When the answer was sent, `YYYY-MM-DD`; empty while unanswered.
        pub answered_at: String,
        /// What was answered.
        pub answer: String,
    }
}

vocabulary! {
    /// The kinds of condition either side may attach to assistance.
    pub enum ConditionKind {
        /// Limits on the use of what is obtained (UNTOC art. 18(19)).
        UseLimitation = "use_limitation",
        /// Confidentiality (UNTOC art. 18(20)).
        Confidentiality = "confidentiality",
        /// Conditions on which assistance is granted after consultation (UNTOC art. 18(26)).
        Other = "other",
    }
}

part! {
    /// A condition proposed or accepted by either side.
    pub struct ConditionRecord {
        /// When it was proposed, `YYYY-MM-DD`.
        pub date: String,
        /// What the condition is about.
        pub category: Option<ConditionKind>,
        /// The condition, as worded.
        pub text: String,
        /// Whether it was accepted.
        pub accepted: bool,
    }
}

part! {
    /// The record of an urgent request made orally, to be confirmed in
    /// writing (UNTOC art. 18(14)).
    pub struct UrgentOral {
        /// When the oral request was made, `YYYY-MM-DDTHH:MM`.
        pub made_at: String,
        /// Who made it.
        pub by: String,
        /// To whom.
        pub to: String,
        /// When the written confirmation was sent, `YYYY-MM-DDTHH:MM`.
        pub written_confirmation_at: String,
    }
}
