/**
 * Title of a draft, derived from its request the way the store derives it
 * (`store::draft_title`), so the header follows the answers as they are typed.
 */
import type { Request } from './generated/Request';

export function draftTitle(request: Request): string {
  const caseRef = request.case.internal_ref.trim();
  const state = request.req_state.trim();
  const subject = request.proc.subject_matter.trim();
  const parts = [caseRef, subject].filter((p) => p !== '');
  const head = parts.length === 0 ? 'Untitled request' : parts.join(' · ');
  return state === '' ? head : `${head} → ${state}`;
}
