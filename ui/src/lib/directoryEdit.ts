/**
 * An authority's roles and contact details as the directory's edit form
 * holds them: its roles, plain texts, e-mail addresses and telephone numbers one per line, and
 * back into the authority, every other field of it kept as it was.
 *
 * The core leaves an empty text or list out of an entry it sends, so each
 * is read here as possibly absent.
 */
import type { Authority } from './generated/Authority';
import type { AuthorityRole } from './generated/AuthorityRole';
import type { DirectoryFieldChange } from './generated/DirectoryFieldChange';
import type { PhoneNumber } from './generated/PhoneNumber';

/** What the form edits of an authority. */
export interface AuthorityForm {
  /** What it is designated for: at least one role. */
  roles: AuthorityRole[];
  name: string;
  name_local: string;
  parent_body: string;
  street: string;
  postal_code: string;
  city: string;
  /** One address per line. */
  emails: string;
  /** One number per line, "label: number" when it has a label. */
  phones: string;
  available_24_7: boolean;
  hours: string;
  notes: string;
}

/** The lines of `text` that hold something, trimmed. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A telephone number as a line of the form. */
function phoneLine(phone: PhoneNumber): string {
  return phone.label ? `${phone.label}: ${phone.number}` : phone.number;
}

/** A line of the form as a telephone number: "label: number", or the number alone. */
export function phoneOf(line: string): PhoneNumber {
  const colon = line.indexOf(':');
  if (colon < 0) return { label: '', number: line.trim() };
  return { label: line.slice(0, colon).trim(), number: line.slice(colon + 1).trim() };
}

/** A text the core may have left out. */
const text = (value: string | undefined): string => value ?? '';

/** The e-mail addresses of `authority`. */
export function emailsOf(authority: Authority): string[] {
  return authority.email ?? [];
}

/** The telephone numbers of `authority`, as lines ("label: number"). */
export function phonesOf(authority: Authority): string[] {
  return (authority.phone ?? []).map(phoneLine);
}

/** The form for `authority`. */
export function formOf(authority: Authority): AuthorityForm {
  const address = authority.postal_address;
  return {
    roles: [...(authority.roles ?? [])],
    name: text(authority.name),
    name_local: text(authority.name_local),
    parent_body: text(authority.parent_body),
    street: text(address?.street),
    postal_code: text(address?.postal_code),
    city: text(address?.city),
    emails: emailsOf(authority).join('\n'),
    phones: phonesOf(authority).join('\n'),
    available_24_7: authority.available_24_7 ?? false,
    hours: text(authority.hours),
    notes: text(authority.notes),
  };
}

/**
 * `authority` with the form's values; an address left empty is none, and
 * the address keeps its country (else the State's, `stateId`).
 */
export function withForm(authority: Authority, form: AuthorityForm, stateId: string): Authority {
  const [street, postal_code, city] = [form.street.trim(), form.postal_code.trim(), form.city.trim()];
  const hasAddress = street !== '' || postal_code !== '' || city !== '';
  const country = authority.postal_address?.country || stateId;
  return {
    ...authority,
    roles: [...form.roles],
    name: form.name.trim(),
    name_local: form.name_local.trim(),
    parent_body: form.parent_body.trim(),
    postal_address: hasAddress ? { street, postal_code, city, country } : undefined,
    email: lines(form.emails),
    phone: lines(form.phones).map(phoneOf),
    available_24_7: form.available_24_7 ? true : authority.available_24_7 === undefined ? undefined : false,
    hours: form.hours.trim(),
    notes: form.notes.trim(),
  };
}

/** The changes of one record (the State's own fields, or an authority) in a change of the history. */
export interface RecordChange {
  /** The authority, or '' for the State's own fields. */
  authorityId: string;
  /** Whether the record was new, changed or removed. */
  record: DirectoryFieldChange['record'];
  fields: DirectoryFieldChange[];
}

/**
 * A change of the history, record by record in the order they first
 * appear: a record added is read as one line (its fields folded away), a
 * record changed field by field.
 */
export function recordChanges(fields: readonly DirectoryFieldChange[]): RecordChange[] {
  const out: RecordChange[] = [];
  for (const f of fields) {
    const last = out.find((r) => r.authorityId === f.authority_id && r.record === f.record);
    if (last) last.fields.push(f);
    else out.push({ authorityId: f.authority_id, record: f.record, fields: [f] });
  }
  return out;
}
