/** Moving focus to a field named by its full path. */
import { isWithin } from './paths';

/** A stable element id for the control of a field path. */
export function controlId(path: string): string {
  return 'field-' + path.replace(/[^A-Za-z0-9_-]/g, '-');
}

function byAttribute(root: ParentNode, attribute: string, match: (value: string) => boolean): HTMLElement | null {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(`[${attribute}]`))) {
    if (match(el.getAttribute(attribute) ?? '')) return el;
  }
  return null;
}

/**
 * The element to focus for `path`: its control, else the "Add" button of the
 * group it names, else the first control under it.
 */
export function findFieldElement(root: ParentNode, path: string): HTMLElement | null {
  const control = byAttribute(root, 'data-field', (v) => v === path);
  if (control) return control;
  const group = byAttribute(root, 'data-group', (v) => v === path);
  if (group) {
    // A finding about the list itself ("add at least one") is acted on by adding.
    return group.querySelector<HTMLElement>(':scope > [data-group-actions] [data-add]') ?? group;
  }
  return byAttribute(root, 'data-field', (v) => isWithin(v, path));
}

/**
 * The element that takes the focus for `el`: a group of checkboxes (a
 * multiple choice) is entered at its first box.
 */
function focusTarget(el: HTMLElement): HTMLElement {
  if (el.tagName === 'FIELDSET' && el.hasAttribute('data-field')) {
    return el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
  }
  return el;
}

/** Focuses and reveals the field at `path`; false when it is not on screen. */
export function focusField(path: string, root: ParentNode = document): boolean {
  const found = findFieldElement(root, path);
  if (!found) return false;
  const el = focusTarget(found);
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
  return true;
}
