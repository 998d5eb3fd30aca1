/**
 * The names of the request's persons, as the wizard offers them to an
 * answer that names one (the person to be heard, served, transferred; an
 * account's holder): family and given names, or, for a person not named,
 * the first line of the description; each once, in the list's order.
 */
import type { Person } from './generated/Person';

/** The name by which `person` is picked, or '' when it has neither name nor description. */
export function personName(person: Person): string {
  const name = [person.family_name, person.given_names].map((part) => (part ?? '').trim()).filter(Boolean).join(' ');
  if (name) return name;
  return (person.description ?? '').split('\n')[0].trim();
}

/** The names offered for the persons of a request. */
export function personNames(persons: readonly Person[]): string[] {
  return [...new Set(persons.map(personName).filter(Boolean))];
}

/** The words of a name, in lower case and in order, for comparing names whatever order they are written in. */
function nameWords(text: string): string {
  return text.toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ');
}

/**
 * Whether `typed` names one of `persons`: their family and given names in
 * either order ("Ingrid Solberg" and "Solberg Ingrid"), whatever the case,
 * or the first line of a description.
 */
export function namesAPerson(persons: readonly Person[], typed: string): boolean {
  const wanted = nameWords(typed);
  return wanted !== '' && persons.some((p) => nameWords(personName(p)) === wanted);
}
