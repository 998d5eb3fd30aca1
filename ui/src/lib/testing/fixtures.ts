/**
 * Test data shaped like the core's: a wizard definition with the same steps,
 * paths and kinds of control as the real one, and requests built on it.
 */
import type { Field } from '../generated/Field';
import type { Input } from '../generated/Input';
import type { Request } from '../generated/Request';
import type { WizardDefinition } from '../generated/WizardDefinition';

function field(path: string, label: string, input: Input, extra: Partial<Field> = {}): Field {
  return {
    path,
    label,
    help: `Help for ${label.toLowerCase()}.`,
    provision: 'UNTOC art. 18(15)(a)',
    required: true,
    show_when: null,
    input,
    ...extra,
  };
}

const text: Input = { type: 'text' };
const multiline: Input = { type: 'multiline' };

function choice(...values: string[]): Input {
  return { type: 'choice', options: values.map((v) => ({ value: v, label: v.replace(/_/g, ' ') })) };
}

export function wizardDefinition(): WizardDefinition {
  return {
    steps: [
      {
        id: 'authorities',
        title: 'Authorities and legal basis',
        intro: 'Who is asking, whom you are asking, and on which legal basis.',
        fields: [
          field('case.internal_ref', 'Your case number', text, { provision: null }),
          field('req_auth.name', 'Requesting authority', text),
          field('req_auth.address', 'Postal address', multiline),
          field('req_auth.email', 'E-mail', { type: 'email' }),
          field('req_auth.phone', 'Telephone', { type: 'phone' }, { required: false }),
          field('req_state', 'Requested State', text, { provision: null }),
          field('basis.primary', 'Legal basis', choice('UNTOC_18', 'BILATERAL', 'RECIPROCITY'), {
            provision: 'UNTOC art. 18(7)',
          }),
          field('basis.treaty_citation', 'Treaty citation', text, {
            provision: 'UNTOC art. 18(7)',
            show_when: { path: 'basis.primary', one_of: ['BILATERAL'] },
          }),
        ],
      },
      {
        id: 'case',
        title: 'Case and facts',
        intro: 'What the case is about.',
        fields: [
          field('proc.nature', 'Nature of the proceedings', choice('investigation', 'trial')),
          field('proc.subject_matter', 'Subject matter', text),
          field('facts.summary', 'Summary of the facts', multiline),
          field('offences', 'Offences', {
            type: 'group',
            item_label: 'Offence',
            fields: [
              field('name', 'Offence', text),
              field('provision', 'Legal provision', text),
              field('provision_text', 'Text of the provision', multiline, { required: false }),
            ],
          }),
        ],
      },
      {
        id: 'persons',
        title: 'Persons',
        intro: 'Everyone the request concerns.',
        fields: [
          field(
            'persons',
            'Persons concerned',
            {
              type: 'group',
              item_label: 'Person',
              fields: [
                field('role', 'Role', choice('suspect', 'witness', 'victim')),
                field('family_name', 'Family name', text),
                field('birth_date', 'Date of birth', { type: 'date' }, { required: false }),
                field('location', 'Whereabouts', multiline),
                field('location_unknown_reason', 'Why whereabouts are unknown', text, {
                  required: false,
                  show_when: { path: 'role', one_of: ['suspect', 'witness'] },
                }),
              ],
            },
            { required: false },
          ),
        ],
      },
      {
        id: 'assistance',
        title: 'Assistance and purpose',
        intro: 'What you ask the requested State to do.',
        fields: [
          field('measures', 'Assistance sought', {
            type: 'group',
            item_label: 'Measure',
            fields: [field('description', 'Measure', multiline)],
          }),
          field('purpose.statement', 'Purpose of the request', multiline),
          field('sign.date', 'Date', { type: 'date' }, { provision: null }),
        ],
      },
    ],
  };
}

/** A request with every answer empty, as `Request::default()` serialises. */
export function emptyRequest(): Request {
  return {
    format_version: 1,
    kind: 'mla_evidence',
    case: { internal_ref: '' },
    req_auth: { name: '', address: '', contact_person: '', email: '', phone: '', ref_no: '' },
    req_state: '',
    recv_auth: { name: '' },
    basis: { primary: null, treaty_citation: '' },
    proc: { nature: null, stage: '', subject_matter: '', conducting_auth: { name: '', functions: '' } },
    facts: { summary: '', time_place: '', link_to_req_state: '' },
    offences: [],
    persons: [],
    measures: [],
    purpose: { statement: '' },
    sign: { name: '', title: '', place: '', date: '' },
  };
}
