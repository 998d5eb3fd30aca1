/**
 * The state shown beside each step of the stepper, computed from the step's
 * required fields and the findings that concern its fields.
 *
 * - not started: nothing in the step is filled in yet;
 * - has errors: an error finding concerns an answer that was given (it is
 *   wrong, not merely missing);
 * - incomplete: a required answer is still missing, or an error finding
 *   concerns a missing answer;
 * - complete: every shown required field is answered and no error finding
 *   concerns the step (warnings and advice do not hold a step back).
 */
import type { Field } from './generated/Field';
import type { Finding } from './generated/Finding';
import type { Step } from './generated/Step';
import { isShown } from './conditions';
import { isAnswered, isBlank } from './fields';
import { getPath, isWithin, joinPath } from './paths';

export type StepStatus = 'not-started' | 'incomplete' | 'complete' | 'errors';

/** The `ui.*` key wording each state. */
export const STATUS_KEYS: Record<StepStatus, string> = {
  'not-started': 'ui.status.not_started',
  incomplete: 'ui.status.incomplete',
  complete: 'ui.status.complete',
  errors: 'ui.status.errors',
};

/** Full paths of the step's own fields (groups by their list path). */
export function stepFieldPaths(step: Step): string[] {
  return step.fields.map((f) => f.path);
}

/** Findings whose path lies under one of the step's fields. */
export function findingsForStep(step: Step, findings: readonly Finding[]): Finding[] {
  const paths = stepFieldPaths(step);
  return findings.filter((f) => paths.some((p) => isWithin(f.path, p)));
}

/**
 * The number of problems shown beside a step: its findings that are errors
 * or warnings (advice is not counted).
 */
export function problemCount(step: Step, findings: readonly Finding[]): number {
  return findingsForStep(step, findings).filter((f) => f.severity === 'error' || f.severity === 'warning').length;
}

/** The number of errors and warnings among all the findings, for the review step. */
export function totalProblemCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
}

/**
 * Full paths of the shown, required fields under `scope` that are not
 * answered, descending into every item of a group.
 */
export function missingRequired(fields: readonly Field[], root: unknown, scope = ''): string[] {
  const missing: string[] = [];
  for (const field of fields) {
    if (!isShown(field, root, scope)) continue;
    const path = joinPath(scope, field.path);
    const value = getPath(root, path);
    if (field.required && !isAnswered(field, value)) missing.push(path);
    if (field.input.type === 'group' && Array.isArray(value)) {
      const sub = field.input.fields;
      value.forEach((_, index) => missing.push(...missingRequired(sub, root, joinPath(path, index))));
    }
  }
  return missing;
}

/** Whether any shown field of the step has an answer. */
export function isStarted(step: Step, root: unknown): boolean {
  return step.fields.some((f) => isShown(f, root) && isAnswered(f, getPath(root, f.path)));
}

/** The stepper state of one step. */
export function stepStatus(step: Step, root: unknown, findings: readonly Finding[]): StepStatus {
  if (!isStarted(step, root)) return 'not-started';
  const errors = findingsForStep(step, findings).filter((f) => f.severity === 'error');
  if (errors.some((f) => !isBlank(getPath(root, f.path)))) return 'errors';
  if (errors.length > 0 || missingRequired(step.fields, root).length > 0) return 'incomplete';
  return 'complete';
}

/**
 * The stepper state of the final review step: errors while any error finding
 * remains, complete once every step is, not started while every step is.
 */
export function reviewStatus(statuses: readonly StepStatus[], findings: readonly Finding[]): StepStatus {
  if (statuses.every((s) => s === 'not-started')) return 'not-started';
  if (findings.some((f) => f.severity === 'error')) return 'errors';
  if (statuses.every((s) => s === 'complete')) return 'complete';
  return 'incomplete';
}
