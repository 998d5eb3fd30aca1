//! Display names of the model's enumerations: the one place where a key such
//! as `UNTOC_18` or `suspect` gets its human wording. The wizard's choice
//! lists and the request templates both read from here.

use crate::model::{Instrument, PersonRole, ProceedingsNature};

impl Instrument {
    /// Every instrument the legal-basis step offers, in the order shown.
    pub const ALL: [Instrument; 9] = [
        Instrument::Untoc18,
        Instrument::Uncac46,
        Instrument::Drug88_7,
        Instrument::Budapest,
        Instrument::Cets224,
        Instrument::Ets30,
        Instrument::Harare,
        Instrument::Bilateral,
        Instrument::Reciprocity,
    ];

    /// The key used in JSON (`UNTOC_18`, `BILATERAL`, …).
    pub fn key(self) -> &'static str {
        match self {
            Instrument::Untoc18 => "UNTOC_18",
            Instrument::Uncac46 => "UNCAC_46",
            Instrument::Drug88_7 => "DRUG88_7",
            Instrument::Budapest => "BUDAPEST",
            Instrument::Cets224 => "CETS_224",
            Instrument::Ets30 => "ETS_30",
            Instrument::Harare => "HARARE",
            Instrument::Bilateral => "BILATERAL",
            Instrument::Reciprocity => "RECIPROCITY",
        }
    }

    /// Official title, as cited in a request.
    pub fn title(self) -> &'static str {
        match self {
            Instrument::Untoc18 => {
                "United Nations Convention against Transnational Organized Crime, article 18"
            }
            Instrument::Uncac46 => "United Nations Convention against Corruption, article 46",
            Instrument::Drug88_7 => {
                "United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances (1988), article 7"
            }
            Instrument::Budapest => "Convention on Cybercrime (CETS No. 185)",
            Instrument::Cets224 => {
                "Second Additional Protocol to the Convention on Cybercrime on enhanced co-operation and disclosure of electronic evidence (CETS No. 224)"
            }
            Instrument::Ets30 => {
                "European Convention on Mutual Assistance in Criminal Matters (ETS No. 30)"
            }
            Instrument::Harare => {
                "Scheme relating to Mutual Assistance in Criminal Matters within the Commonwealth (Harare Scheme)"
            }
            Instrument::Bilateral => "Bilateral or regional treaty",
            Instrument::Reciprocity => "Reciprocity",
        }
    }
}

impl ProceedingsNature {
    /// Every nature of proceedings, in the order shown.
    pub const ALL: [ProceedingsNature; 7] = [
        ProceedingsNature::Investigation,
        ProceedingsNature::Prosecution,
        ProceedingsNature::Trial,
        ProceedingsNature::Appeal,
        ProceedingsNature::Enforcement,
        ProceedingsNature::Confiscation,
        ProceedingsNature::LegalPerson,
    ];

    /// The key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ProceedingsNature::Investigation => "investigation",
            ProceedingsNature::Prosecution => "prosecution",
            ProceedingsNature::Trial => "trial",
            ProceedingsNature::Appeal => "appeal",
            ProceedingsNature::Enforcement => "enforcement",
            ProceedingsNature::Confiscation => "confiscation",
            ProceedingsNature::LegalPerson => "legal_person",
        }
    }

    /// Human wording.
    pub fn label(self) -> &'static str {
        match self {
            ProceedingsNature::Investigation => "Criminal investigation",
            ProceedingsNature::Prosecution => "Prosecution",
            ProceedingsNature::Trial => "Trial",
            ProceedingsNature::Appeal => "Appeal",
            ProceedingsNature::Enforcement => "Enforcement of a judgment",
            ProceedingsNature::Confiscation => "Confiscation proceedings",
            ProceedingsNature::LegalPerson => "Proceedings against a legal person",
        }
    }
}

impl PersonRole {
    /// Every role, in the order shown.
    pub const ALL: [PersonRole; 7] = [
        PersonRole::Suspect,
        PersonRole::Accused,
        PersonRole::Witness,
        PersonRole::Victim,
        PersonRole::Expert,
        PersonRole::AccountHolder,
        PersonRole::ThirdParty,
    ];

    /// The key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            PersonRole::Suspect => "suspect",
            PersonRole::Accused => "accused",
            PersonRole::Witness => "witness",
            PersonRole::Victim => "victim",
            PersonRole::Expert => "expert",
            PersonRole::AccountHolder => "account_holder",
            PersonRole::ThirdParty => "third_party",
        }
    }

    /// Human wording.
    pub fn label(self) -> &'static str {
        match self {
            PersonRole::Suspect => "Suspect",
            PersonRole::Accused => "Accused",
            PersonRole::Witness => "Witness",
            PersonRole::Victim => "Victim",
            PersonRole::Expert => "Expert",
            PersonRole::AccountHolder => "Account or record holder",
            PersonRole::ThirdParty => "Third party",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys here must be the ones serde writes, or the wizard would offer
    /// values the parser rejects.
    #[test]
    fn keys_match_serde_names() {
        for i in Instrument::ALL {
            assert_eq!(serde_json::to_value(i).unwrap(), i.key());
        }
        for n in ProceedingsNature::ALL {
            assert_eq!(serde_json::to_value(n).unwrap(), n.key());
        }
        for r in PersonRole::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.key());
        }
    }
}
