// Fills the wizard of the running app with the answers of a request
// document, step by step and field by field, the way a user types them. The
// wizard definition (from `mla wizard`) says which controls exist; the UI's
// `data-field` attributes find them.

import { ELEMENT, sleep } from './webdriver.mjs';

/** Value at a dotted path. */
export function at(value, path) {
  return path.split('.').reduce((v, k) => (v == null ? undefined : v[k]), value);
}

/**
 * The UI's condition semantics: a value, or any element of a list, is one of
 * the values; a negated condition holds when none is.
 */
export function holds(condition, scope) {
  if (!condition) return true;
  const v = at(scope, condition.path);
  const values = Array.isArray(v) ? v : [v];
  return values.some((x) => x !== null && x !== undefined && condition.one_of.includes(String(x))) !== Boolean(condition.negated);
}

function isEmpty(v) {
  return v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);
}

/** Types `text` into the control `css`, setting a picker's value as the picker would where it takes no keystrokes. */
export async function typeInto(s, css, text) {
  const id = await s.find(css);
  await s.reveal(id);
  try {
    await s.cmd('POST', `/element/${id}/clear`, {});
  } catch (e) {
    throw new Error(`clearing ${css}: ${e.message}`);
  }
  if (text !== '') await s.cmd('POST', `/element/${id}/value`, { text });
  const now = await s.cmd('GET', `/element/${id}/property/value`);
  if (now !== text) {
    // Date and time pickers of WebKitGTK do not all take keystrokes; set the
    // value as the picker would, with the input event the UI listens to.
    await s.cmd('POST', '/execute/sync', {
      script:
        'const [e, v] = arguments; const proto = Object.getPrototypeOf(e);' +
        "Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, v);" +
        "e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true }));",
      args: [{ [ELEMENT]: id }, text],
    });
  }
}

/**
 * Adds item `i` to the group at `full`. On a loaded machine a click can land
 * while the page is re-rendering and be lost; it is repeated only when the
 * group still has no item `i` after a while, so an item is never added twice.
 */
export async function addItem(s, full, i) {
  const item = `[data-field^="${full}.${i}."]`;
  for (let attempt = 0; ; attempt++) {
    await s.click(`[data-testid="add-${full}"]`);
    try {
      await s.waitFor(`element ${item}`, async () => (await s.findAll(item)).length > 0, 10000);
      return;
    } catch (e) {
      if (attempt === 2) throw e;
    }
  }
}

async function fillField(s, field, full, value, template) {
  const css = `[data-field="${full}"]`;
  const input = field.input;
  switch (input.type) {
    case 'group': {
      const items = value || [];
      for (let i = 0; i < items.length; i++) {
        await addItem(s, full, i);
        for (const sub of input.fields) {
          if (!holds(sub.show_when, items[i])) continue;
          await fillField(s, sub, `${full}.${i}.${sub.path}`, at(items[i], sub.path), at(input.item_template, sub.path));
        }
      }
      return;
    }
    case 'choice':
    case 'state':
    case 'language':
      if (value !== null && value !== undefined && value !== '') await s.choose(css, value);
      return;
    case 'multi_choice':
      for (const v of value || []) await s.click(`${css} [data-option="${v}"]`);
      return;
    case 'languages':
      // Each language is added from the list, in order.
      for (const v of value || []) await s.choose(`[data-add-language="${full}"]`, v);
      return;
    case 'boolean':
      if (value === true) await s.click(css);
      return;
    default:
      if (value === (template ?? '')) return;
      await typeInto(s, css, value ?? '');
  }
}

/** Fills every visible step of `wizard` with the answers of `request`. */
export async function fillWizard(s, wizard, request) {
  for (const step of wizard.steps) {
    if (!step.kinds.includes(request.kind) || !holds(step.show_when, request)) continue;
    await s.click(`[data-testid="step-${step.id}"]`);
    for (const field of step.fields) {
      if (!holds(field.show_when, request)) continue;
      const value = at(request, field.path);
      if (field.input.type !== 'group' && isEmpty(value)) continue;
      await fillField(s, field, field.path, value, undefined);
    }
    await sleep(50);
  }
}
