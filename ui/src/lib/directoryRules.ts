/**
 * A State's own record in the directory as its editor holds it: the entry
 * with every list present (the core leaves an empty one out), a new row of
 * each kind, the lists typed one item per line, and the problems the core
 * found, each at the field it concerns. The rules themselves (what a code,
 * a language or a period must be) are the core's: the editor asks it
 * (`directory_entry_problems`) before saving.
 */
import type { AcceptedLanguage } from './generated/AcceptedLanguage';
import type { Authority } from './generated/Authority';
import type { AuthorityRole } from './generated/AuthorityRole';
import type { BilateralTreaty } from './generated/BilateralTreaty';
import type { ChannelRule } from './generated/ChannelRule';
import type { DirectoryProblem } from './generated/DirectoryProblem';
import type { Instrument } from './generated/Instrument';
import type { InstrumentStatus } from './generated/InstrumentStatus';
import type { LanguageRule } from './generated/LanguageRule';
import type { Reservation } from './generated/Reservation';
import type { SourceType } from './generated/SourceType';
import type { StateEntry } from './generated/StateEntry';
import type { WizardDefinition } from './generated/WizardDefinition';

/** The instruments a status or a rule may name (the core's list), besides `BILATERAL:{treaty id}`. */
export const INSTRUMENTS = ['UNTOC', 'UNCAC', 'DRUG88', 'BUDAPEST', 'CETS_224', 'ETS_30', 'ETS_73', 'HARARE', 'EIO', 'EU_2024_3011'] as const;

/**
 * The legal basis of a request each instrument of the directory stands
 * for (the core's `directory_instrument`, read the other way; UNTOC for
 * its articles 18 and 21 alike, by the first), so that the editor names it
 * as the wizard's choice of basis does, from the same catalogue; none for
 * an instrument the wizard does not offer as a basis, shown by its code.
 */
export const INSTRUMENT_BASIS: Record<(typeof INSTRUMENTS)[number], Instrument | null> = {
  UNTOC: 'UNTOC_18',
  UNCAC: 'UNCAC_46',
  DRUG88: 'DRUG88_7',
  BUDAPEST: 'BUDAPEST',
  CETS_224: 'CETS_224',
  ETS_30: 'ETS_30',
  ETS_73: 'ETS_73',
  HARARE: 'HARARE',
  EIO: null,
  EU_2024_3011: null,
};

/** The kinds of request a rule may be scoped to, besides `any`. */
export const KINDS = ['mla_evidence', 'preservation', 'emergency_disclosure', 'transfer_of_proceedings'] as const;

/** The measures (module codes) a rule or a requirement may name. */
export const MEASURES = Array.from({ length: 15 }, (_, i) => `M${i + 1}`);

/** The six languages the app prints, offered first in the pick-list of accepted languages. */
const SIX = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;

/** What names a language: the core's CLDR names in the interface language (`lib/languages.svelte`). */
export interface NamesLanguages {
  choices: ReadonlyArray<{ code: string; name: string }>;
  has: (code: string) => boolean;
  name: (code: string) => string;
}

/**
 * Languages offered in the pick-list of accepted languages (ISO 639): the
 * six the app prints first, then every other language the core names, in
 * the order of its list (sorted by name); any other code can be typed.
 */
export function languageCodes(names: NamesLanguages): string[] {
  return [...SIX, ...names.choices.map((l) => l.code).filter((code) => !(SIX as readonly string[]).includes(code))];
}

/** The name of language `code` as the core names it in the interface language, with its code; the code alone when no name is known. */
export function languageLabel(code: string, names: NamesLanguages): string {
  return names.has(code) ? `${names.name(code)} (${code})` : code;
}

/** The label keys of each closed list, one map per list (the i18n test reads every key literally). */
export const PARTY_KEYS: Record<InstrumentStatus['party'], string> = {
  yes: 'ui.directory.party.yes',
  no: 'ui.directory.party.no',
  signatory: 'ui.directory.party.signatory',
  unknown: 'ui.directory.party.unknown',
};

export const SOURCE_TYPE_KEYS: Record<SourceType, string> = {
  user_entry: 'ui.directory.source_type.user_entry',
  import_official_directory: 'ui.directory.source_type.import_official_directory',
  import_country_form: 'ui.directory.source_type.import_country_form',
  national_guide: 'ui.directory.source_type.national_guide',
  counterpart_confirmation: 'ui.directory.source_type.counterpart_confirmation',
  depositary_notification: 'ui.directory.source_type.depositary_notification',
  other: 'ui.directory.source_type.other_source',
};

export const ATTACHMENTS_KEYS: Record<NonNullable<LanguageRule['attachments_rule']>, string> = {
  all: 'ui.directory.attachments.all',
  key_documents: 'ui.directory.attachments.key_documents',
  none: 'ui.directory.attachments.none',
};

export const DUAL_CRIMINALITY_KEYS: Record<NonNullable<StateEntry['requirements']['dual_criminality']>, string> = {
  not_required: 'ui.directory.dual_criminality.not_required',
  required_for_coercive: 'ui.directory.dual_criminality.required_for_coercive',
  required_all: 'ui.directory.dual_criminality.required_all',
  case_by_case: 'ui.directory.dual_criminality.case_by_case',
  unknown: 'ui.directory.dual_criminality.unknown',
};

export const USE_LIMITATION_KEYS: Record<NonNullable<StateEntry['requirements']['use_limitation']>, string> = {
  standard: 'ui.directory.use_limitation.standard',
  strict: 'ui.directory.use_limitation.strict',
  none_stated: 'ui.directory.use_limitation.none_stated',
  unknown: 'ui.directory.use_limitation.unknown',
};

export const AUTHENTICATION_KEYS: Record<NonNullable<StateEntry['requirements']['authentication']>, string> = {
  none: 'ui.directory.authentication.none',
  signature: 'ui.directory.authentication.signature',
  seal: 'ui.directory.authentication.seal',
  apostille: 'ui.directory.authentication.apostille',
  legalisation: 'ui.directory.authentication.legalisation',
};

export const ROLES: readonly AuthorityRole[] = [
  'central_authority_mla',
  'central_authority_extradition',
  'point_of_contact_24_7',
  'asset_recovery_focal_point',
  'receiving_authority',
  'executing_authority',
  'ministry_of_justice_transfer',
  'cets224_direct',
  'prevention_authority',
  'civil_admin_focal_point',
  'interpol_ncb',
  'diplomatic',
];

/** The wording of the values the wizard also asks for (kinds, channels, means, yes/no/not known, the measures, the instruments), taken from its definition: one source for each. */
export interface WizardWords {
  /** Each instrument of the directory's name, as the wizard's choice of basis words it ({@link INSTRUMENT_BASIS}). */
  instruments: Map<string, string>;
  kinds: Map<string, string>;
  routes: Map<string, string>;
  means: Map<string, string>;
  yesNo: Map<string, string>;
  /** Each measure's name by its module code (`M3`): the wizard offers the modules in the order of their codes. */
  measures: Map<string, string>;
}

/** The wording of the wizard's options at `path`. */
function options(definition: WizardDefinition | null, path: string): Map<string, string> {
  const field = definition?.steps.flatMap((s) => s.fields).find((f) => f.path === path);
  const input = field?.input;
  return input?.type === 'choice' || input?.type === 'multi_choice' ? new Map(input.options.map((o) => [o.value, o.label])) : new Map();
}

/** The words of {@link WizardWords} from the wizard's definition (empty maps before it has arrived: values then show as their keys). */
export function wizardWords(definition: WizardDefinition | null): WizardWords {
  const bases = options(definition, 'basis.primary');
  const instruments = new Map<string, string>();
  for (const code of INSTRUMENTS) {
    const label = bases.get(INSTRUMENT_BASIS[code] ?? '');
    if (label !== undefined) instruments.set(code, label);
  }
  return {
    instruments,
    kinds: options(definition, 'kind'),
    routes: options(definition, 'channel.route'),
    means: options(definition, 'channel.means'),
    yesNo: options(definition, 'basis.transnational'),
    measures: new Map([...options(definition, 'mla.modules').values()].map((label, i) => [`M${i + 1}`, label])),
  };
}

/** `entry` with every list and record its editor binds to present. */
export function editable(entry: StateEntry): StateEntry {
  const e = structuredClone(entry);
  e.name_local ??= '';
  e.notes ??= '';
  e.official_languages ??= [];
  e.links ??= [];
  e.instrument_status = (e.instrument_status ?? []).map((s) => ({
    ...s,
    reservations: (s.reservations ?? []).map((r) => ({ ...r, text_ref: r.text_ref ?? '' })),
    bilateral_treaties: (s.bilateral_treaties ?? []).map((t) => ({ ...t, profile_id: t.profile_id ?? '' })),
    cets224_direct_authorities: s.cets224_direct_authorities ?? '',
  }));
  e.channels = (e.channels ?? []).map((c) => ({ ...c, allowed: c.allowed ?? [], means: c.means ?? [], encryption_note: c.encryption_note ?? '', e_signature_note: c.e_signature_note ?? '' }));
  e.languages = (e.languages ?? []).map((l) => ({ ...l, measure: l.measure ?? '', accepted: l.accepted ?? [], basis_note: l.basis_note ?? '' }));
  const r = e.requirements ?? ({} as StateEntry['requirements']);
  e.requirements = {
    ...r,
    dual_criminality_note: r.dual_criminality_note ?? '',
    use_limitation_note: r.use_limitation_note ?? '',
    confidentiality_note: r.confidentiality_note ?? '',
    validation_issuers: r.validation_issuers ?? [],
    domestic_order_required: r.domestic_order_required ?? [],
    special_measure_docs: r.special_measure_docs ?? {},
    costs_practice: r.costs_practice ?? '',
    typical_response_note: r.typical_response_note ?? '',
    procedural_requirements: r.procedural_requirements ?? '',
  };
  e.authorities ??= [];
  return e;
}

/** A new row of each list. */
export const newStatus = (): InstrumentStatus => ({ instrument: 'UNTOC', party: 'unknown', reservations: [], bilateral_treaties: [], cets224_direct_authorities: '' });
export const newReservation = (): Reservation => ({ article: '', summary: '', text_ref: '' });
export const newTreaty = (): BilateralTreaty => ({ partner_state: '', title: '', profile_id: '' });
export const newLanguageRule = (): LanguageRule => ({ instrument: 'any', kind: 'any', measure: '', accepted: [newAccepted()], basis_note: '' });
export const newAccepted = (): AcceptedLanguage => ({ lang: 'en', condition: 'always' });
export const newChannelRule = (): ChannelRule => ({ instrument: 'any', kind: 'any', allowed: [], means: [], encryption_note: '', e_signature_note: '' });

/** A new authority with `role`: the core gives it its id when it is saved. */
export function newAuthority(role: AuthorityRole): Authority {
  return {
    authority_id: '',
    roles: [role],
    instruments: [],
    name: '',
    name_local: '',
    parent_body: '',
    phone: [],
    fax: [],
    email: [],
    contact_person: '',
    secure_channel_ids: [],
    hours: '',
    time_zone: '',
    contact_languages: [],
    competence: { measures: [], stages: [], offence_types: [], territory: '' },
    request_types: [],
    networks: [],
    notes: '',
    redistribution: 'open',
  };
}

/** A new State: its code and name, and whether it is fictitious (an example or practice State). */
export function newState(stateId: string, name: string, fictitious: boolean): StateEntry {
  return editable({
    state_id: stateId.trim().toUpperCase(),
    name: name.trim(),
    fictitious,
    redistribution: 'open',
    provenance: { source_type: 'user_entry', source_title: '', entered_by: '' },
  } as StateEntry);
}

/** A list typed one item per line, or separated by commas or semicolons. */
export function itemsOf(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A whole number of days as typed, or none when the field is empty (anything else is kept for the core to name). */
export function daysOf(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : undefined;
}

/** A yes/no answer that may be unknown, as a select holds it (`''`, `'true'`, `'false'`). */
export const triOf = (value: boolean | undefined): string => (value === undefined ? '' : String(value));
export const boolOf = (value: string): boolean | undefined => (value === '' ? undefined : value === 'true');

/**
 * The problems at `path` or within it (`languages[0]` holds
 * `languages[0].accepted[1].lang`; `requirements.domestic_order_required`
 * holds its items).
 */
export function problemsAt(problems: readonly DirectoryProblem[], path: string): DirectoryProblem[] {
  return problems.filter((p) => p.at === path || p.at.startsWith(`${path}.`) || p.at.startsWith(`${path}[`));
}

/** The wording of each problem the core names (`what`), with its values as placeholders. */
export const PROBLEM_KEYS: Record<string, string> = {
  required: 'ui.directory.problem.required',
  state_code: 'ui.directory.problem.state_code',
  fictitious_code: 'ui.directory.problem.fictitious_code',
  user_assigned_code: 'ui.directory.problem.user_assigned_code',
  unassigned_code: 'ui.directory.problem.unassigned_code',
  date: 'ui.directory.problem.date',
  language_code: 'ui.directory.problem.language_code',
  instrument: 'ui.directory.problem.instrument',
  kind: 'ui.directory.problem.kind',
  measure: 'ui.directory.problem.measure',
  preservation_period: 'ui.directory.problem.preservation_period',
  country_code: 'ui.directory.problem.country_code',
  authority_id: 'ui.directory.problem.authority_id',
  roles: 'ui.directory.problem.roles',
  dialable_number: 'ui.directory.problem.dialable_number',
  email: 'ui.directory.problem.email',
  reserved_domain: 'ui.directory.problem.reserved_domain',
  contact_person: 'ui.directory.problem.contact_person',
  time_zone: 'ui.directory.problem.time_zone',
  phone: 'ui.directory.problem.phone',
  state_taken: 'ui.directory.problem.state_taken',
};

/** A problem in the interface language (`t`), or as the core words it in English when the interface has no wording for it. */
export function problemText(problem: DirectoryProblem, t: (key: string, params?: Record<string, string | number>) => string): string {
  const key = PROBLEM_KEYS[problem.what];
  if (!key) return problem.message;
  const args: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.args ?? {})) if (value !== undefined) args[name] = value;
  return t(key, args);
}

/** The section of the editor a problem's path belongs to, so that it opens on it. */
export type Section = 'record' | 'instruments' | 'languages' | 'channels' | 'requirements';

export function sectionOf(path: string): Section {
  if (path.startsWith('instrument_status')) return 'instruments';
  if (path.startsWith('languages')) return 'languages';
  if (path.startsWith('channels')) return 'channels';
  if (path.startsWith('requirements')) return 'requirements';
  return 'record';
}

/** `list` with `item` ticked or not. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}
