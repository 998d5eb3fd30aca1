/** Grouping and locating findings of the checks. */
import type { Finding } from './generated/Finding';
import type { Severity } from './generated/Severity';
import type { WizardDefinition } from './generated/WizardDefinition';
import { isWithin } from './paths';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Advice',
};

export const SEVERITY_HEADINGS: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Advice',
};

/** Findings about exactly the answer at `path`. */
export function findingsAt(findings: readonly Finding[], path: string): Finding[] {
  return findings.filter((f) => f.path === path);
}

/** Findings split by severity, each list in its original order. */
export function groupBySeverity(findings: readonly Finding[]): Record<Severity, Finding[]> {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) (groups[f.severity] ?? groups.info).push(f);
  return groups;
}

/** Counts by severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const g = groupBySeverity(findings);
  return { error: g.error.length, warning: g.warning.length, info: g.info.length };
}

/** The step whose fields hold `path`, or null when no step asks for it. */
export function stepIdForPath(definition: WizardDefinition, path: string): string | null {
  for (const step of definition.steps) {
    if (step.fields.some((f) => isWithin(path, f.path))) return step.id;
  }
  return null;
}
