//! The interview as data: the wizard's steps, their fields, when a field is
//! shown, its label, help and the provision it serves. The UI renders this
//! definition generically and never hard-codes a field.
//!
//! Architecture invariant: every `path` here names a field of
//! [`crate::model::Request`] (checked by a test), so a field cannot be asked
//! for that the document does not hold.

use serde::Serialize;
use ts_rs::TS;

use crate::model::{Instrument, PersonRole, ProceedingsNature};

/// The whole wizard.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WizardDefinition {
    /// Steps, in order.
    pub steps: Vec<Step>,
}

/// One screen of the wizard.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Step {
    /// Stable identifier of the step.
    pub id: String,
    /// Title shown in the stepper.
    pub title: String,
    /// One sentence on what the step is for.
    pub intro: String,
    /// Fields of the step, in order.
    pub fields: Vec<Field>,
}

/// One question of the wizard.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Field {
    /// Dotted path of the answer in the request (`req_auth.name`); inside a
    /// group, relative to the group item.
    pub path: String,
    /// Label shown beside the control.
    pub label: String,
    /// What to write, with an example.
    pub help: String,
    /// Provision the field serves, if any (e.g. "UNTOC art. 18(15)(a)").
    pub provision: Option<String>,
    /// Whether the request is incomplete without it.
    pub required: bool,
    /// Show the field only when another answer has one of the given values.
    pub show_when: Option<Condition>,
    /// The kind of control.
    pub input: Input,
}

/// A condition on another answer.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Condition {
    /// Dotted path of the answer the condition reads (same scope as the field).
    pub path: String,
    /// Values for which the field is shown.
    pub one_of: Vec<String>,
}

/// The kind of control a field uses.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Input {
    /// One line of text.
    Text,
    /// Several lines of text.
    Multiline,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// One value from a list; the answer is the option's value, or null.
    Choice {
        /// Options, in order.
        options: Vec<ChoiceOption>,
    },
    /// A repeatable group: the answer is a list of items with these fields.
    Group {
        /// Name of one item ("Offence", "Person").
        item_label: String,
        /// Fields of one item, with paths relative to the item.
        fields: Vec<Field>,
    },
}

/// One option of a choice.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ChoiceOption {
    /// Value stored in the request.
    pub value: String,
    /// Wording shown.
    pub label: String,
}

fn field(path: &str, label: &str, help: &str, provision: Option<&str>, input: Input) -> Field {
    Field {
        path: path.into(),
        label: label.into(),
        help: help.into(),
        provision: provision.map(Into::into),
        required: true,
        show_when: None,
        input,
    }
}

impl Field {
    fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    fn shown_when(mut self, path: &str, one_of: &[&str]) -> Self {
        self.show_when = Some(Condition {
            path: path.into(),
            one_of: one_of.iter().map(|v| v.to_string()).collect(),
        });
        self
    }
}

fn choice(options: impl IntoIterator<Item = (&'static str, &'static str)>) -> Input {
    Input::Choice {
        options: options
            .into_iter()
            .map(|(value, label)| ChoiceOption { value: value.into(), label: label.into() })
            .collect(),
    }
}

const UNTOC_A: Option<&str> = Some("UNTOC art. 18(15)(a)");
const UNTOC_B: Option<&str> = Some("UNTOC art. 18(15)(b)");
const UNTOC_C: Option<&str> = Some("UNTOC art. 18(15)(c)");
const UNTOC_D: Option<&str> = Some("UNTOC art. 18(15)(d)");
const UNTOC_E: Option<&str> = Some("UNTOC art. 18(15)(e)");
const UNTOC_F: Option<&str> = Some("UNTOC art. 18(15)(f)");
const PRACTICE: Option<&str> = None;

/// The wizard of an MLA request for evidence.
pub fn definition() -> WizardDefinition {
    use Input::*;
    WizardDefinition {
        steps: vec![
            Step {
                id: "authorities".into(),
                title: "Authorities and legal basis".into(),
                intro: "Who is asking, whom you are asking, and on which legal basis.".into(),
                fields: vec![
                    field("case.internal_ref", "Your case number", "Your own file number, e.g. PPO-2026-0412.", PRACTICE, Text),
                    field("req_auth.name", "Requesting authority", "Official name of the authority making the request, e.g. Public Prosecution Office of Arden.", UNTOC_A, Text),
                    field("req_auth.address", "Postal address", "Full postal address of the requesting authority.", UNTOC_A, Multiline),
                    field("req_auth.contact_person", "Contact officer", "Name and function of the officer the requested State can call, e.g. Ms Lena Ortiz, Senior Prosecutor.", UNTOC_A, Text),
                    field("req_auth.email", "E-mail", "Direct e-mail of the contact officer.", UNTOC_A, Email),
                    field("req_auth.phone", "Telephone", "Direct line, with the international prefix, e.g. +99 20 555 0142.", UNTOC_A, Phone).optional(),
                    field("req_auth.ref_no", "Reference to quote", "The reference the requested State should quote in its replies.", PRACTICE, Text).optional(),
                    field("req_state", "Requested State", "The State asked to assist, e.g. Norland.", PRACTICE, Text),
                    field("recv_auth.name", "Receiving authority", "Usually the central authority of the requested State, e.g. Ministry of Justice, International Cooperation Department.", Some("UNTOC art. 18(13)"), Text),
                    field("basis.primary", "Legal basis", "The treaty or other basis on which you ask. If a bilateral treaty binds both States, it usually governs.", Some("UNTOC art. 18(7)"),
                        Choice { options: Instrument::ALL.iter().map(|i| ChoiceOption { value: i.key().into(), label: i.title().into() }).collect() }),
                    field("basis.treaty_citation", "Treaty citation", "Title, date and article of the treaty, e.g. Treaty between Arden and Norland on Mutual Legal Assistance in Criminal Matters, 3 May 2011, art. 4.", Some("UNTOC art. 18(7)"), Text)
                        .shown_when("basis.primary", &["BILATERAL"]),
                ],
            },
            Step {
                id: "case".into(),
                title: "Case and facts".into(),
                intro: "What the case is about, what happened, and which offences are concerned.".into(),
                fields: vec![
                    field("proc.nature", "Nature of the proceedings", "The kind of proceedings in which you need assistance.", UNTOC_B,
                        Choice { options: ProceedingsNature::ALL.iter().map(|n| ChoiceOption { value: n.key().into(), label: n.label().into() }).collect() }),
                    field("proc.stage", "Current stage", "Where the proceedings stand now, e.g. investigation opened on 2 March 2026; no charges yet.", UNTOC_B, Text),
                    field("proc.subject_matter", "Subject matter", "One line on what the case is about, e.g. investment fraud through a fake trading platform.", UNTOC_B, Text),
                    field("proc.conducting_auth.name", "Authority conducting the proceedings", "May differ from the requesting authority, e.g. Investigating Judge of the Arden District Court.", UNTOC_B, Text),
                    field("proc.conducting_auth.functions", "Its function", "What that authority does in the case, e.g. directs the investigation and may order searches.", UNTOC_B, Text),
                    field("facts.summary", "Summary of the facts", "Who did what, when, where and how, in plain chronological sentences. Avoid local jargon.", UNTOC_C, Multiline),
                    field("facts.time_place", "Time and place of the offence", "Dates and places, e.g. between 1 June and 30 September 2025, in Arden City.", UNTOC_C, Text).optional(),
                    field("facts.link_to_req_state", "Link to the requested State", "Why the evidence, persons or assets are in the requested State.", Some("UNTOC art. 18(1), 18(15)(f)"), Multiline),
                    field("offences", "Offences", "Each offence as named in your law, with its provision and maximum penalty.", UNTOC_B,
                        Group { item_label: "Offence".into(), fields: vec![
                            field("name", "Offence", "As named in your law, e.g. aggravated fraud.", UNTOC_B, Text),
                            field("provision", "Legal provision", "Article or section, e.g. Criminal Code of Arden, s. 214(2).", Some("GA res. 45/117 art. 5(1)(c)"), Text),
                            field("max_penalty", "Maximum penalty", "E.g. 10 years' imprisonment.", PRACTICE, Text),
                            field("provision_text", "Text of the provision", "Paste the text of the provision; it is annexed to the request.", Some("GA res. 45/117 art. 5(1)(c)"), Multiline).optional(),
                        ] }),
                ],
            },
            Step {
                id: "persons".into(),
                title: "Persons".into(),
                intro: "Everyone the request concerns: suspects, witnesses, victims, account holders.".into(),
                fields: vec![
                    field("persons", "Persons concerned", "Give identity, nationality and whereabouts where possible.", UNTOC_E,
                        Group { item_label: "Person".into(), fields: vec![
                            field("role", "Role", "The person's role in the case.", UNTOC_E,
                                choice(PersonRole::ALL.iter().map(|r| (r.key(), r.label())))),
                            field("family_name", "Family name", "Or the registered name of a company.", UNTOC_E, Text),
                            field("given_names", "Given names", "All given names, as in identity documents.", UNTOC_E, Text).optional(),
                            field("birth_date", "Date of birth", "If known.", PRACTICE, Date).optional(),
                            field("nationalities", "Nationalities", "All known nationalities, separated by commas.", UNTOC_E, Text),
                            field("location", "Whereabouts in the requested State", "Address or last known whereabouts.", UNTOC_E, Multiline),
                            field("location_unknown_reason", "Why nationality or whereabouts are unknown", "Only if you cannot give them.", UNTOC_E, Text).optional(),
                        ] }).optional(),
                ],
            },
            Step {
                id: "assistance".into(),
                title: "Assistance and purpose".into(),
                intro: "What you ask the requested State to do, why, and who signs.".into(),
                fields: vec![
                    field("measures", "Assistance sought", "One entry per measure, described by its result, e.g. obtain certified copies of the statements of account no. NL-44 0001 2345 67 from 1 June to 30 September 2025.", UNTOC_D,
                        Group { item_label: "Measure".into(), fields: vec![
                            field("description", "Measure", "What the requested State is asked to do.", UNTOC_D, Multiline),
                        ] }),
                    field("purpose.statement", "Purpose of the request", "What the evidence will achieve in the case, e.g. to identify who received the stolen funds.", UNTOC_F, Multiline),
                    field("sign.name", "Signatory", "Name of the person who signs.", Some("UNTOC art. 18(14)"), Text),
                    field("sign.title", "Signatory's title", "E.g. Chief Prosecutor.", Some("UNTOC art. 18(14)"), Text),
                    field("sign.place", "Place", "Place of signature.", PRACTICE, Text),
                    field("sign.date", "Date", "Date of signature.", PRACTICE, Date),
                ],
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Request;
    use serde_json::Value;

    fn resolve<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
        path.split('.').try_fold(value, |v, key| v.get(key))
    }

    fn assert_paths(fields: &[Field], scope: &Value, scope_name: &str) {
        for f in fields {
            let target = resolve(scope, &f.path);
            assert!(target.is_some(), "wizard field {scope_name}{} is not in the request model", f.path);
            if let Some(cond) = &f.show_when {
                assert!(resolve(scope, &cond.path).is_some(), "condition path {} unknown", cond.path);
            }
            if let Input::Group { fields, .. } = &f.input {
                // An item of the group, with every field present (defaults).
                let item = item_template(&f.path);
                assert_paths(fields, &item, &format!("{}[].", f.path));
            }
        }
    }

    fn item_template(group: &str) -> Value {
        use crate::model::*;
        match group {
            "offences" => serde_json::to_value(Offence::default()).unwrap(),
            "persons" => serde_json::to_value(Person::default()).unwrap(),
            "measures" => serde_json::to_value(AssistanceMeasure::default()).unwrap(),
            other => panic!("no item template for group {other}"),
        }
    }

    #[test]
    fn every_field_path_exists_in_the_model() {
        let request = serde_json::to_value(Request::default()).unwrap();
        for step in definition().steps {
            assert_paths(&step.fields, &request, "");
        }
    }
}
