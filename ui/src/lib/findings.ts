/** Grouping and locating findings of the checks. */
import type { Finding } from './generated/Finding';
import type { Severity } from './generated/Severity';
import type { Step } from './generated/Step';
import { isWithin } from './paths';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The `ui.*` key naming one finding's severity. */
export const SEVERITY_KEYS: Record<Severity, string> = {
  error: 'ui.severity.error',
  warning: 'ui.severity.warning',
  info: 'ui.severity.info',
};

/** The `ui.*` key heading the findings of a severity. */
export const SEVERITY_HEADING_KEYS: Record<Severity, string> = {
  error: 'ui.severity.error_heading',
  warning: 'ui.severity.warning_heading',
  info: 'ui.severity.info_heading',
};

/** The `ui.*` key counting the findings of a severity. */
export const SEVERITY_COUNT_KEYS: Record<Severity, string> = {
  error: 'ui.review.count_error',
  warning: 'ui.review.count_warning',
  info: 'ui.review.count_info',
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

/**
 * The step among `steps` (the shown ones) whose fields hold `path`, or null
 * when none asks for it.
 */
export function stepIdForPath(steps: readonly Step[], path: string): string | null {
  for (const step of steps) {
    if (step.fields.some((f) => isWithin(path, f.path))) return step.id;
  }
  return null;
}
