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
