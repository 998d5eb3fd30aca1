/**
 * Small, synthetic test data shaped like the core's: a wizard definition
 * with every kind of control, steps bound to kinds of request and to a
 * selected module, conditions on choices, lists and yes/no answers, and
 * groups with nested paths; and requests built on the model's types.
 */
import type { Field } from '../generated/Field';
import type { Input } from '../generated/Input';
import type { JsonValue } from '../generated/serde_json/JsonValue';
import type { Lang } from '../generated/Lang';
import type { Request } from '../generated/Request';
import type { RequestKind } from '../generated/RequestKind';
import type { Step } from '../generated/Step';
import type { WizardDefinition } from '../generated/WizardDefinition';

function field(path: string, label: string, input: Input, extra: Partial<Field> = {}): Field {
  return {
    path,
    label,
    help: `Help for ${label.toLowerCase()}.`,
    provision: 'UNTOC art. 18(15)(a)',
    required: true,
    show_when: null,
    translatable: input.type === 'multiline',
    input,
    ...extra,
  };
}

const text: Input = { type: 'text' };
const multiline: Input = { type: 'multiline' };
const boolean: Input = { type: 'boolean' };

function options(values: string[]) {
  return values.map((v) => ({ value: v, label: v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ') }));
}

function choice(...values: string[]): Input {
  return { type: 'choice', options: options(values) };
}

function multi(...values: string[]): Input {
  return { type: 'multi_choice', options: options(values) };
}

function group(itemLabel: string, template: JsonValue, fields: Field[]): Input {
  return { type: 'group', item_label: itemLabel, item_template: template, fields };
}

const ALL: RequestKind[] = ['mla_evidence', 'preservation', 'emergency_disclosure', 'transfer_of_proceedings'];

function step(id: string, title: string, kinds: RequestKind[], fields: Field[], extra: Partial<Step> = {}): Step {
  return { id, title, intro: `About ${title.toLowerCase()}.`, kinds, show_when: null, fields, ...extra };
}

/** Empty items, as the model serialises them. */
export const OFFENCE_TEMPLATE = { name: '', provision: '', provision_text: '', max_penalty: '', category_flags: [] };
export const STORED_DATA_TEMPLATE = {
  provider: '',
  provider_jurisdiction: '',
  service: null,
  data: { identifiers: '', categories: [], range: { from: '', to: '', tz: 'UTC' } },
  preservation_ref: '',
  vulnerability: '',
  measure: null,
  content_justification: '',
  delivery_format: '',
  no_user_notice: false,
  relevance: '',
};

/** The definition in English; other languages mark each wording with their code. */
export function wizardDefinition(lang: Lang = 'en'): WizardDefinition {
  const def: WizardDefinition = {
    lang: 'en',
    steps: [
      step('kind', 'Kind of request', ALL, [
        field('kind', 'Kind of request', choice('mla_evidence', 'preservation', 'emergency_disclosure', 'transfer_of_proceedings'), {
          provision: null,
        }),
        field('mla.modules', 'Assistance sought', multi('statements', 'stored_data', 'other'), {
          provision: 'UNTOC art. 18(3)',
          show_when: { path: 'kind', one_of: ['mla_evidence'] },
        }),
        field('mla.follows_preservation', 'Follows a preservation request', boolean, {
          required: false,
          show_when: { path: 'kind', one_of: ['mla_evidence'] },
        }),
        field('consult.preservation_ref', 'Preservation reference', text, {
          show_when: { path: 'mla.follows_preservation', one_of: ['true'] },
        }),
      ]),
      step('authorities', 'Authorities and legal basis', ALL, [
        field('case.internal_ref', 'Your case number', text, { provision: null }),
        field('req_auth.name', 'Requesting authority', text),
        field('req_auth.address', 'Postal address', multiline),
        field('req_auth.email', 'E-mail', { type: 'email' }),
        field('req_auth.phone', 'Telephone', { type: 'phone' }, { required: false }),
        field('req_state', 'Requested State', text, { provision: null }),
        field('basis.primary', 'Legal basis', choice('UNTOC_18', 'BILATERAL', 'RECIPROCITY'), { provision: 'UNTOC art. 18(7)' }),
        field('basis.treaty_citation', 'Treaty citation', text, {
          provision: 'UNTOC art. 18(7)',
          show_when: { path: 'basis.primary', one_of: ['BILATERAL'] },
        }),
      ]),
      step('case', 'Case and facts', ['mla_evidence', 'transfer_of_proceedings'], [
        field('proc.nature', 'Nature of the proceedings', choice('investigation', 'trial')),
        field('proc.subject_matter', 'Subject matter', text),
        field('facts.summary', 'Summary of the facts', multiline),
        field(
          'offences',
          'Offences',
          group('Offence', OFFENCE_TEMPLATE, [
            field('name', 'Offence', text),
            field('provision', 'Legal provision', text),
            field('provision_text', 'Text of the provision', multiline, { required: false }),
            field('category_flags', 'Categories', multi('fiscal', 'cyber'), { required: false }),
          ]),
        ),
      ]),
      step('persons', 'Persons', ['mla_evidence', 'transfer_of_proceedings'], [
        field(
          'persons',
          'Persons concerned',
          group('Person', null, [
            field('role', 'Role', choice('suspect', 'witness', 'victim')),
            field('family_name', 'Family name', text),
            field('birth_date', 'Date of birth', { type: 'date' }, { required: false }),
            field('location', 'Whereabouts', multiline),
            field('location_unknown_reason', 'Why whereabouts are unknown', text, {
              required: false,
              show_when: { path: 'role', one_of: ['suspect', 'witness'] },
            }),
          ]),
          { required: false },
        ),
      ]),
      step(
        'm6',
        'Stored data',
        ['mla_evidence'],
        [
          field(
            'mla.stored_data',
            'Stored data',
            group('Data request', STORED_DATA_TEMPLATE, [
              field('provider', 'Provider', text),
              field('data.categories', 'Categories of data', multi('subscriber', 'traffic', 'content')),
              field('data.range.from', 'From', { type: 'date_time' }),
              field('data.range.to', 'To', { type: 'date_time' }),
              field('data.range.tz', 'Time zone', { type: 'time_zone' }),
              field('content_justification', 'Why content is needed', multiline, {
                show_when: { path: 'data.categories', one_of: ['content'] },
              }),
              field('no_user_notice', 'Do not notify the user', boolean, { required: false }),
            ]),
          ),
        ],
        { show_when: { path: 'mla.modules', one_of: ['stored_data'] } },
      ),
      step(
        'm15',
        'Other assistance',
        ['mla_evidence'],
        [
          field(
            'mla.other',
            'Other assistance',
            group('Measure', { description: '', relevance: '' }, [
              field('description', 'Measure', multiline),
              field('relevance', 'Why it is needed', multiline),
            ]),
          ),
        ],
        { show_when: { path: 'mla.modules', one_of: ['other'] } },
      ),
      step('preservation', 'Preservation', ['preservation'], [
        field('preservation.custodian', 'Custodian of the data', multiline),
        field('preservation.no_user_notice', 'Do not notify the user', boolean, { required: false }),
      ]),
      step('handling', 'Handling and signature', ALL, [
        field('urgency.flag', 'Urgent', boolean, { required: false }),
        field('urgency.reasons', 'Reasons for urgency', multi('custody_limit', 'risk_to_life', 'other'), {
          show_when: { path: 'urgency.flag', one_of: ['true'] },
        }),
        field('purpose.statement', 'Purpose of the request', multiline),
        field('sign.date', 'Date', { type: 'date' }, { provision: null }),
      ]),
    ],
  };
  return lang === 'en' ? def : localise(def, lang);
}

/** The definition "worded" in `lang`: each label, help and title marked `[lang]`. */
function localise(def: WizardDefinition, lang: Lang): WizardDefinition {
  const mark = (s: string) => `${s} [${lang}]`;
  const word = (f: Field): Field => {
    const input: Input =
      f.input.type === 'group'
        ? { ...f.input, item_label: mark(f.input.item_label), fields: f.input.fields.map(word) }
        : f.input.type === 'choice' || f.input.type === 'multi_choice'
          ? { ...f.input, options: f.input.options.map((o) => ({ ...o, label: mark(o.label) })) }
          : f.input;
    return { ...f, label: mark(f.label), help: mark(f.help), input };
  };
  return {
    lang,
    steps: def.steps.map((s) => ({ ...s, title: mark(s.title), intro: mark(s.intro), fields: s.fields.map(word) })),
  };
}

/** A few `ui.*` strings in other languages; missing keys fall back to English. */
export const UI_STRINGS: Partial<Record<Lang, Record<string, string>>> = {
  fr: {
    'ui.nav.next': 'Suivant',
    'ui.nav.back': 'Retour',
    'ui.save.saved': 'Enregistré',
    'ui.save.unsaved': 'Modifications non enregistrées',
    'ui.review.title': 'Vérification et export',
    'ui.field.choose': '— choisir —',
    'ui.review.export_draft': 'Exporter comme brouillon (marqué DRAFT)',
    'ui.status.problems': '{count} problèmes',
  },
  ar: {
    'ui.nav.next': 'التالي',
    'ui.nav.back': 'السابق',
    'ui.save.saved': 'تم الحفظ',
  },
};

/** A request with every answer empty, as `Request::default()` serialises. */
export function emptyRequest(): Request {
  return {
    format_version: 2,
    kind: 'mla_evidence',
    case: { internal_ref: '' },
    req_auth: {
      name: '',
      type: null,
      address: '',
      contact_person: '',
      email: '',
      phone: '',
      languages: '',
      ref_no: '',
    },
    own_central_auth: '',
    req_state: '',
    recv_auth: { name: '', role: null },
    channel: { route: null, copy_to_central_auth: false, means: null },
    basis: { primary: null, treaty_citation: '', secondary: [], scope_statement: '', reciprocity_undertaking: false },
    lang: { drafting: '', request: '' },
    translation: { status: null, covers_attachments: false, translator: '' },
    proc: {
      nature: null,
      stage: '',
      subject_matter: '',
      conducting_auth: { name: '', functions: '' },
      next_hearing_date: '',
      custody: { in_custody: false, expiry_date: '' },
      limitation_date: '',
      related_requests: [],
    },
    facts: { summary: '', time_place: '', link_to_req_state: '', evidence_so_far: '', brief: '' },
    offences: [],
    dual_crim: { statement: '' },
    persons: [],
    mla: {
      modules: [],
      follows_preservation: false,
      statements: [],
      service: [],
      searches: [],
      freezing: [],
      records: [],
      stored_data: [],
      real_time: [],
      videoconference: [],
      detainee_transfer: [],
      tracing: [],
      appearance: [],
      joint_team: [],
      controlled_delivery: [],
      examination: [],
      other: [],
    },
    preservation: {
      poc_24_7_own: '',
      mla_auth_contact: '',
      data: [],
      data_relationship: '',
      custodian: '',
      necessity: '',
      mla_intent_measure: null,
      mla_expected_date: '',
      path_disclosure: false,
      no_user_notice: false,
      preserved_at: '',
      preservation_ref: '',
    },
    emergency: {
      route: null,
      electronic: false,
      providers: '',
      emergency_facts: '',
      data_link: '',
      data: [],
      special_instructions: '',
      other_info: '',
    },
    transfer: {
      act_description: '',
      investigation_results: '',
      suspect_ref: '',
      suspect_custody: '',
      grounds: [],
      grounds_explanation: '',
      forum: {
        territory: '',
        active_personality: '',
        passive_personality: '',
        suspect_location: '',
        victims_location: '',
        witnesses_location: '',
        evidence_location: '',
        parallel_proceedings: '',
        limitation_requesting: '',
        limitation_requested: '',
        sentencing: '',
        proceeds: '',
        costs: '',
      },
      suspect_views: '',
      victims: '',
      provisional_measures: '',
      file_index: '',
      exhibits: '',
    },
    purpose: { statement: '', intended_uses: '' },
    procedure: { requested: '', reasons: '', elastic_clause: false },
    participation: { officials: '', may_question: false },
    urgency: { flag: false, reasons: [], reason_text: '' },
    deadline: { date: '', reason: '' },
    conf: { required: false, scope: null, reasons: '', no_notice_to_subject: false, if_not_possible: '' },
    use: { ack: false, advance_consent_for: '' },
    dp: { safeguards: '' },
    costs: { extraordinary_expected: null, items: '', undertaking: false },
    consult: { preservation_ref: '', prior_informal: '', draft_shared: '' },
    attachments: [],
    sign: {
      name: '',
      title: '',
      place: '',
      date: '',
      seal: false,
      e_signature: false,
      authentication: null,
      validating_auth: '',
    },
  };
}

/** A request for expedited preservation of one set of data, confirmed under a reference. */
export function preservationRequest(): Request {
  const r = emptyRequest();
  r.kind = 'preservation';
  r.case.internal_ref = 'PPO-2026-0412';
  r.req_state = 'Norland';
  r.req_auth.name = 'Public Prosecution Office';
  r.req_auth.ref_no = 'ARD-PRES-2026-015';
  r.facts.brief = 'Ransomware attack on the city hospital.';
  r.offences = [{ ...OFFENCE_TEMPLATE, name: 'Unauthorised access to a computer system' }];
  r.preservation.data = [
    { identifiers: 'account vestria-ops@example.org', categories: ['subscriber', 'traffic'], range: { from: '2026-02-01T00:00', to: '2026-02-28T23:59', tz: 'UTC' } },
  ];
  r.preservation.data_relationship = 'The account was used to negotiate the ransom.';
  r.preservation.preservation_ref = 'NP-2026-0441';
  return r;
}

/** An MLA request that the fake checks find no error in. */
export function requestWithoutErrors(): Request {
  const r = emptyRequest();
  r.case.internal_ref = 'PPO-2026-0412';
  r.req_state = 'Norland';
  r.req_auth.name = 'Public Prosecution Office';
  r.basis.primary = 'UNTOC_18';
  r.facts.summary = 'Funds from a fraud were moved through accounts in Norland.';
  r.offences = [{ ...OFFENCE_TEMPLATE, name: 'Fraud' }];
  return r;
}

/** An empty person, as the model serialises one. */
export function emptyPerson(): Request['persons'][number] {
  return {
    type: null,
    role: null,
    family_name: '',
    given_names: '',
    aliases: '',
    birth_date: '',
    birth_place: '',
    nationalities: '',
    id_documents: '',
    location: '',
    location_unknown_reason: '',
    phone: '',
    email: '',
    language_understood: '',
    in_custody: '',
    lawyer: '',
    legal_form: '',
    registration_no: '',
    register: '',
  };
}
