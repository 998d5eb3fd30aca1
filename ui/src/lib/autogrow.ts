/**
 * Svelte action: a textarea grows with its content. Heights are set through
 * the CSSOM, which the content security policy allows (unlike style
 * attributes in markup).
 */
export function autogrow(node: HTMLTextAreaElement, _value?: unknown) {
  const resize = () => {
    node.style.height = 'auto';
    node.style.height = `${node.scrollHeight + 2}px`;
  };
  node.addEventListener('input', resize);
  queueMicrotask(resize);
  return {
    update: () => resize(),
    destroy: () => node.removeEventListener('input', resize),
  };
}
