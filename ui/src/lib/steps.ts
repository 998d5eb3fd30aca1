/**
 * Which steps of the wizard apply to a request: a step belongs to the kinds
 * of request it lists, and may further depend on an answer (a module step is
 * shown only while its module is selected). Hidden steps keep their answers.
 */
import type { Request } from './generated/Request';
import type { Stage } from './generated/Stage';
import type { Step } from './generated/Step';
import { conditionHolds } from './conditions';

/** Id of the final step, which is not part of the definition. */
export const REVIEW_STEP_ID = 'review';

/** Whether `step` is shown for `request`. */
export function isStepShown(step: Step, request: Request): boolean {
  return step.kinds.includes(request.kind) && conditionHolds(step.show_when, request);
}

/**
 * The shown steps, in order: those the request's kind leads with (the
 * emergency, for an emergency disclosure) straight after the choice of kind,
 * as the core's wizard test orders them.
 */
export function visibleSteps(steps: readonly Step[], request: Request): Step[] {
  const shown = steps.filter((s) => isStepShown(s, request));
  const leading = shown.filter((s) => s.leads_for.includes(request.kind));
  return shown.filter((s) => !leading.includes(s)).flatMap((s) => (s.id === 'kind' ? [s, ...leading] : [s]));
}

/** The stage a shown step is grouped under: the first for a step its kind leads with. */
export function stageOf(step: Step, kind: Request['kind']): Stage {
  return step.leads_for.includes(kind) ? 'case' : step.stage;
}

/**
 * The step to show when `wanted` is no longer among `ids`: the one now at the
 * position it had, or the last one.
 */
export function resolveStep(ids: readonly string[], wanted: string, lastPosition: number): string {
  if (ids.includes(wanted)) return wanted;
  if (ids.length === 0) return wanted;
  return ids[Math.max(0, Math.min(lastPosition, ids.length - 1))];
}
