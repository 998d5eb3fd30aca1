//! Kind (a), the MLA request for evidence: the types of assistance (modules
//! M1–M15 of the domain reference), each a repeatable list of items.

use super::{part, vocabulary, DataCategory, DataSpec, RangeStart, TimeRange};

vocabulary! {
    /// Types of assistance (UNTOC art. 18(3)).
    pub enum Module {
        /// M1: taking statements or testimony.
        Statements = "statements",
        /// M2: service of judicial documents.
        Service = "service",
        /// M3: search and seizure.
        SearchSeizure = "search_seizure",
        /// M4: freezing and provisional measures.
        Freezing = "freezing",
        /// M5: production of records, including bank records.
        Records = "records",
        /// M6: stored electronic data.
        StoredData = "stored_data",
        /// M7: real-time collection.
        RealTime = "real_time",
        /// M8: hearing by videoconference.
        Videoconference = "videoconference",
        /// M9: temporary transfer of a detained person.
        DetaineeTransfer = "detainee_transfer",
        /// M10: identifying and tracing proceeds.
        Tracing = "tracing",
        /// M11: voluntary appearance with safe conduct.
        Appearance = "appearance",
        /// M12: joint investigation team.
        JointTeam = "joint_team",
        /// M13: controlled delivery.
        ControlledDelivery = "controlled_delivery",
        /// M14: examination of objects and sites, expert evaluations.
        Examination = "examination",
        /// M15: any other assistance.
        Other = "other",
    }
}

impl Mla {
    /// The JSON path of a module's list of items, and how many it holds.
    pub fn items(&self, module: Module) -> (&'static str, usize) {
        match module {
            Module::Statements => ("mla.statements", self.statements.len()),
            Module::Service => ("mla.service", self.service.len()),
            Module::SearchSeizure => ("mla.searches", self.searches.len()),
            Module::Freezing => ("mla.freezing", self.freezing.len()),
            Module::Records => ("mla.records", self.records.len()),
            Module::StoredData => ("mla.stored_data", self.stored_data.len()),
            Module::RealTime => ("mla.real_time", self.real_time.len()),
            Module::Videoconference => ("mla.videoconference", self.videoconference.len()),
            Module::DetaineeTransfer => ("mla.detainee_transfer", self.detainee_transfer.len()),
            Module::Tracing => ("mla.tracing", self.tracing.len()),
            Module::Appearance => ("mla.appearance", self.appearance.len()),
            Module::JointTeam => ("mla.joint_team", self.joint_team.len()),
            Module::ControlledDelivery => ("mla.controlled_delivery", self.controlled_delivery.len()),
            Module::Examination => ("mla.examination", self.examination.len()),
            Module::Other => ("mla.other", self.other.len()),
        }
    }
}

impl Module {
    /// Whether the module asks for a coercive measure (UNTOC art. 18(9)).
    pub fn coercive(self) -> bool {
        matches!(
            self,
            Module::SearchSeizure
                | Module::Freezing
                | Module::Records
                | Module::StoredData
                | Module::RealTime
                | Module::DetaineeTransfer
                | Module::ControlledDelivery
        )
    }
}

part! {
    /// The assistance sought in an MLA request for evidence.
    pub struct Mla {
        /// Types of assistance selected; a module's step is shown only when selected.
        pub modules: Vec<Module>,
        /// Whether the request follows an earlier preservation request.
        pub follows_preservation: bool,
        /// M1.
        pub statements: Vec<Statement>,
        /// M2.
        pub service: Vec<Service>,
        /// M3.
        pub searches: Vec<Search>,
        /// M4.
        pub freezing: Vec<Freezing>,
        /// M5.
        pub records: Vec<Records>,
        /// M6.
        pub stored_data: Vec<StoredData>,
        /// M7.
        pub real_time: Vec<RealTime>,
        /// M8.
        pub videoconference: Vec<Videoconference>,
        /// M9.
        pub detainee_transfer: Vec<DetaineeTransfer>,
        /// M10.
        pub tracing: Vec<Tracing>,
        /// M11.
        pub appearance: Vec<Appearance>,
        /// M12.
        pub joint_team: Vec<JointTeam>,
        /// M13.
        pub controlled_delivery: Vec<ControlledDelivery>,
        /// M14.
        pub examination: Vec<Examination>,
        /// M15.
        pub other: Vec<OtherAssistance>,
    }
}

part! {
    /// M1: a statement or testimony to take.
    pub struct Statement {
        /// Person to be heard (name as in the persons list).
        pub person_ref: String,
        /// Capacity.
        pub capacity: Option<HearingCapacity>,
        /// Numbered questions or topics, one per line.
        pub questions: String,
        /// Oath or affirmation.
        pub oath: Option<Oath>,
        /// Caution or rights to be given (suspects and accused).
        pub rights_notice: String,
        /// How the statement is recorded.
        pub recording: Option<Recording>,
        /// Interpreter language, by ISO 639 code (text of an older draft
        /// that names no language stays as typed).
        pub interpreter_lang: String,
        /// Exhibits to show the person.
        pub documents_to_show: String,
        /// Statement to be signed or certified by the person.
        pub signature_of_statement: bool,
        /// Why it is needed (relevance to the facts).
        pub relevance: String,
    }
}

vocabulary! {
    /// Capacity in which a person is heard.
    pub enum HearingCapacity {
        /// Witness.
        Witness = "witness",
        /// Victim.
        Victim = "victim",
        /// Expert.
        Expert = "expert",
        /// Suspect.
        Suspect = "suspect",
        /// Accused.
        Accused = "accused",
    }
}

vocabulary! {
    /// Oath or affirmation.
    pub enum Oath {
        /// Sworn.
        Sworn = "sworn",
        /// Affirmed.
        Affirmed = "affirmed",
        /// Unsworn.
        Unsworn = "unsworn",
        /// As the requested State's law provides.
        AsLawProvides = "as_law_provides",
    }
}

vocabulary! {
    /// How a statement is recorded.
    pub enum Recording {
        /// Verbatim transcript.
        Verbatim = "verbatim",
        /// Summary.
        Summary = "summary",
        /// Audio.
        Audio = "audio",
        /// Video.
        Video = "video",
    }
}

part! {
    /// M2: documents to serve.
    pub struct Service {
        /// Documents: title, date, language, translated; one per line.
        pub documents: String,
        /// Person to be served.
        pub addressee_ref: String,
        /// Address for service.
        pub address: String,
        /// Method of service.
        pub method: Option<ServiceMethod>,
        /// Form of proof of service to return.
        pub proof_required: String,
        /// Date the person is summoned for, if a summons, `YYYY-MM-DD`.
        pub appearance_date: String,
        /// Allowances offered to a summoned person.
        pub expenses_offered: String,
    }
}

vocabulary! {
    /// Method of service.
    pub enum ServiceMethod {
        /// Personal service.
        Personal = "personal",
        /// By post.
        Post = "post",
        /// As the requested State's law provides.
        AsLawProvides = "as_law_provides",
    }
}

part! {
    /// M3: a search and seizure.
    pub struct Search {
        /// Exact address and description of the premises, vehicle or person.
        pub place: String,
        /// Owner or occupant.
        pub occupant_ref: String,
        /// Items or categories of items to seize, one per line.
        pub items: String,
        /// Why the items are expected there.
        pub grounds: String,
        /// Domestic order attached.
        pub domestic_order: bool,
        /// Devices: seize originals, make forensic images, record hash values.
        pub digital_handling: String,
        /// Documentation of handling required.
        pub chain_of_custody: String,
        /// How seized items are to be sent; return undertaking.
        pub transfer_of_items: String,
        /// How the search relates to the facts and why it is needed (UNTOC art. 18(15)(f)).
        pub relevance: String,
    }
}

part! {
    /// M4: assets to freeze.
    pub struct Freezing {
        /// Assets (account, real estate, vehicle, shares, crypto-assets), one per line.
        pub assets: String,
        /// Institution, registry or holder.
        pub location_holder: String,
        /// Owner or beneficial owner.
        pub owner_ref: String,
        /// Estimated value and currency.
        pub value_estimate: String,
        /// Why the asset is proceeds, instrumentality or subject to confiscation.
        pub link_to_offence: String,
        /// Domestic freezing order attached.
        pub domestic_order: bool,
        /// Period for which freezing is sought.
        pub duration: String,
        /// The confiscation proceedings planned: court, stage, expected timing.
        pub confiscation_prospect: String,
        /// The provision of the requesting State's law under which
        /// confiscation is expected.
        pub confiscation_provision: String,
    }
}

part! {
    /// M5: records to produce.
    pub struct Records {
        /// Class of records.
        pub record_class: Option<RecordClass>,
        /// Institution holding the records: name and address.
        pub holder: String,
        /// Bank and branch (bank records).
        pub bank: String,
        /// Account numbers or IBANs, or identifiers to search on; one per line.
        pub accounts: String,
        /// Account holders, signatories, beneficial owners.
        pub holder_refs: String,
        /// Where the period starts when it has no start date: the opening
        /// of the account, or a date not known; empty when it starts at
        /// `period_from`.
        pub period_start: Option<RangeStart>,
        /// Period covered: from, `YYYY-MM-DD`; not asked when `period_start`
        /// is given.
        pub period_from: String,
        /// Period covered: to, `YYYY-MM-DD`.
        pub period_to: String,
        /// Types of document.
        pub doc_types: Vec<RecordDocType>,
        /// Format: certified copies, originals, electronic.
        pub format: String,
        /// Business-records certificate requested.
        pub certification: bool,
        /// Institution must not inform the customer.
        pub no_tipping_off: bool,
        /// Why the records are needed.
        pub relevance: String,
    }
}

impl Records {
    /// The start date the period states: `period_from`, unless the period
    /// starts at the opening of the account or a date not known.
    pub fn period_from_date(&self) -> Option<&str> {
        match self.period_start {
            None => Some(&self.period_from),
            Some(_) => None,
        }
    }
}

vocabulary! {
    /// Classes of records.
    pub enum RecordClass {
        /// Bank records.
        Bank = "bank",
        /// Other financial records.
        Financial = "financial",
        /// Corporate records.
        Corporate = "corporate",
        /// Business records.
        Business = "business",
        /// Public government records.
        GovernmentPublic = "government_public",
        /// Non-public government records.
        GovernmentNonPublic = "government_non_public",
        /// Other.
        Other = "other",
    }
}

vocabulary! {
    /// Types of bank and business document.
    pub enum RecordDocType {
        /// Account-opening file.
        AccountOpening = "account_opening",
        /// Signature cards.
        SignatureCards = "signature_cards",
        /// KYC and beneficial-owner records.
        Kyc = "kyc",
        /// Statements.
        Statements = "statements",
        /// Transaction details.
        Transactions = "transactions",
        /// Cheques.
        Cheques = "cheques",
        /// Wire-transfer records.
        WireTransfers = "wire_transfers",
        /// Correspondence.
        Correspondence = "correspondence",
        /// Safe-deposit records.
        SafeDeposit = "safe_deposit",
        /// Loan files.
        Loans = "loans",
        /// Card records.
        Cards = "cards",
    }
}

part! {
    /// M6: stored electronic data.
    pub struct StoredData {
        /// Service provider or custodian.
        pub provider: String,
        /// Where it is established and where the data are stored, if known.
        pub provider_jurisdiction: String,
        /// Kind of service.
        pub service: Option<ServiceType>,
        /// Identifiers, categories and period.
        pub data: DataSpec,
        /// Earlier preservation reference and date.
        pub preservation_ref: String,
        /// Grounds that the data are especially vulnerable to loss or modification.
        pub vulnerability: String,
        /// Measure sought.
        pub measure: Option<DataMeasure>,
        /// Extra justification for content data.
        pub content_justification: String,
        /// Export format, hash values, certificate of authenticity.
        pub delivery_format: String,
        /// Provider must not notify the user.
        pub no_user_notice: bool,
        /// Why the data are needed.
        pub relevance: String,
    }
}

impl StoredData {
    /// Whether content data are sought.
    pub fn asks_content(&self) -> bool {
        self.data.categories.contains(&DataCategory::Content)
    }
}

vocabulary! {
    /// Kinds of electronic service.
    pub enum ServiceType {
        /// E-mail.
        Email = "email",
        /// Messaging.
        Messaging = "messaging",
        /// Social network.
        SocialNetwork = "social_network",
        /// Cloud storage.
        CloudStorage = "cloud_storage",
        /// Hosting.
        Hosting = "hosting",
        /// Domain registration.
        Domain = "domain",
        /// Telephony.
        Telephony = "telephony",
        /// Other.
        Other = "other",
    }
}

vocabulary! {
    /// Measures for stored data (Budapest art. 31(1)).
    pub enum DataMeasure {
        /// Search and seizure.
        SearchSeizure = "search_seizure",
        /// Production order.
        ProductionOrder = "production_order",
        /// Disclosure.
        Disclosure = "disclosure",
    }
}

part! {
    /// M7: real-time collection.
    pub struct RealTime {
        /// Traffic data or content (interception).
        pub data_type: Option<RealTimeType>,
        /// Identifiers to monitor, one per line.
        pub targets: String,
        /// Period.
        pub period: TimeRange,
        /// Home order authorising the measure.
        pub domestic_authorisation: String,
        /// Why less intrusive measures are insufficient.
        pub necessity: String,
        /// Live transmission or recorded and sent later.
        pub delivery: String,
        /// Technical contact, 24/7.
        pub tech_contact: String,
    }
}

vocabulary! {
    /// What real-time collection gathers.
    pub enum RealTimeType {
        /// Traffic data (Budapest art. 33).
        Traffic = "traffic",
        /// Content (interception, Budapest art. 34).
        Content = "content",
    }
}

part! {
    /// M8: hearing by videoconference (UNTOC art. 18(18)).
    pub struct Videoconference {
        /// Person to be heard.
        pub person_ref: String,
        /// Capacity.
        pub capacity: Option<HearingCapacity>,
        /// Why appearance in the requesting State is impossible or undesirable.
        pub why_not_in_person: String,
        /// Judicial authority of the requesting State conducting the hearing.
        pub conducting_auth: String,
        /// Requested-State authority to attend.
        pub attending_auth: String,
        /// Proposed date and time, `YYYY-MM-DDTHH:MM`.
        pub datetime: String,
        /// Time zone of the proposed date and time (and of the alternative).
        pub tz: String,
        /// An alternative date and time, `YYYY-MM-DDTHH:MM`, in the same time zone.
        pub alt_datetime: String,
        /// Platform, test call, technical contacts.
        pub tech: String,
        /// Interpreter: language and where the interpreter sits.
        pub interpreter: String,
        /// The person's consent (suspects and accused).
        pub consent: bool,
        /// Oath or affirmation (the vocabulary of M1).
        pub oath: Option<Oath>,
        /// The wording of the oath or affirmation to be administered, when
        /// the requesting State's law prescribes one.
        pub oath_text: String,
        /// Whether the hearing is recorded, and who keeps the record.
        pub recording: String,
        /// Questions, one per line.
        pub questions: String,
    }
}

part! {
    /// M9: temporary transfer of a detained person (UNTOC art. 18(10)–(12)).
    pub struct DetaineeTransfer {
        /// Person in custody.
        pub detainee_ref: String,
        /// Where detained.
        pub detention_place: String,
        /// Where the person will be held in custody in the requesting State.
        pub custody_place: String,
        /// On what title (remand or sentence) and until when.
        pub custody_status: String,
        /// Identification, testimony or other help with evidence.
        pub purpose: String,
        /// Consent: obtained (attached) or to be obtained.
        pub consent: bool,
        /// Proposed transfer and return dates.
        pub dates: String,
        /// Escort, transport and costs.
        pub escort_logistics: String,
        /// Undertaking to keep the person in custody unless the requested
        /// State authorises release (UNTOC art. 18(11)(a)).
        pub custody_undertaking: bool,
        /// Undertaking to return the person as agreed, without any request
        /// for extradition (UNTOC art. 18(11)(b)-(c)).
        pub return_undertaking: bool,
        /// Undertaking that the time spent in custody counts toward the
        /// person's sentence (UNTOC art. 18(11)(d)).
        pub credit_undertaking: bool,
        /// Safe conduct: no prosecution, detention or punishment for acts
        /// or convictions before the transfer (UNTOC art. 18(12)).
        pub safe_conduct: bool,
    }
}

part! {
    /// M10: identifying and tracing proceeds.
    pub struct Tracing {
        /// Persons or companies whose assets are sought.
        pub subjects: String,
        /// Known accounts, properties, companies.
        pub known_leads: String,
        /// How the assets relate to the offence; estimated proceeds.
        pub link_to_offence: String,
        /// Registers to consult.
        pub registries: String,
        /// Freezing, confiscation or return planned.
        pub follow_up: String,
    }
}

part! {
    /// M11: voluntary appearance with safe conduct (UNTOC art. 18(27)).
    pub struct Appearance {
        /// Person asked to appear.
        pub person_ref: String,
        /// Witness or expert.
        pub capacity: Option<HearingCapacity>,
        /// Why presence is needed.
        pub purpose: String,
        /// Hearing dates.
        pub dates: String,
        /// Venue.
        pub place: String,
        /// Travel, accommodation, subsistence and fees offered.
        pub allowances: String,
        /// Whether the person is known to be willing.
        pub willingness: bool,
    }
}

part! {
    /// M12: joint investigation team.
    pub struct JointTeam {
        /// States and authorities proposed.
        pub parties: String,
        /// Specific investigation goal.
        pub purpose: String,
        /// Proposed period.
        pub duration: String,
        /// Where the team operates and who leads.
        pub lead_location: String,
        /// How information gathered may be used.
        pub info_use_rules: String,
    }
}

part! {
    /// M13: controlled delivery.
    pub struct ControlledDelivery {
        /// Goods, quantity, packaging, markers.
        pub consignment: String,
        /// Origin, transit States, destination, transport.
        pub route: String,
        /// Expected window.
        pub dates: String,
        /// Intact, substituted or partly removed.
        pub handling: String,
        /// Operational contacts, 24/7.
        pub ops_contacts: String,
        /// Home authorisation.
        pub domestic_authorisation: String,
    }
}

part! {
    /// M14: examination of objects or sites; expert evaluation.
    pub struct Examination {
        /// What to examine, and where.
        pub object_or_site: String,
        /// Questions the expert must answer, one per line.
        pub questions_for_expert: String,
        /// Required method or standard.
        pub method: String,
        /// How the examination relates to the facts and why it is needed (UNTOC art. 18(15)(f)).
        pub relevance: String,
    }
}

part! {
    /// M15: any other assistance not contrary to the requested State's law.
    pub struct OtherAssistance {
        /// The measure, described by its intended result.
        pub description: String,
        /// Why it is needed.
        pub relevance: String,
    }
}
