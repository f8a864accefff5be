// Whether the focus is in a text field (or Monaco): command-mode keys leave it alone then.
export function isTyping(el: Element | null): boolean {
  return !!el && (el.matches('input, textarea, select, [contenteditable="true"]') || !!el.closest('.monaco-host'));
}
