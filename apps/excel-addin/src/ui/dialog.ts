// A confirmation inside the pane: window.confirm() is blocked in Office add-ins.
import { h } from './h.js';

export function confirmDialog(message: string, confirmLabel: string, cancelLabel = 'Cancel'): Promise<boolean> {
  return new Promise((resolve) => {
    const previous = document.activeElement as HTMLElement | null;
    const close = (answer: boolean) => {
      backdrop.remove();
      previous?.focus();
      resolve(answer);
    };
    const confirmButton = h('button', { class: 'primary', onclick: () => close(true) }, confirmLabel);
    const dialog = h(
      'div',
      { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'dialog-text' },
      h('p', { id: 'dialog-text' }, message),
      h('div', { class: 'actions' }, confirmButton, h('button', { class: 'secondary', onclick: () => close(false) }, cancelLabel)),
    );
    const backdrop = h('div', { class: 'dialog-backdrop' }, dialog);
    backdrop.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close(false);
    });
    document.body.append(backdrop);
    confirmButton.focus();
  });
}
