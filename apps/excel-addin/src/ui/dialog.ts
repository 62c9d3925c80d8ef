// A confirmation inside the pane (window.confirm() is blocked in Office add-ins): Fluent's dialog, a
// native modal <dialog> underneath, so the page behind is inert until it closes. Tab and Shift+Tab
// cycle between its two buttons (a native modal lets Tab leave for the browser's own controls).
// Escape answers "no"; focus goes back where it was.
import { h } from './h.js';

interface FluentDialog extends HTMLElement {
  show(): void;
  hide(): void;
}

export function confirmDialog(message: string, confirmLabel: string, cancelLabel = 'Cancel'): Promise<boolean> {
  return new Promise((resolve) => {
    const previous = document.activeElement as HTMLElement | null;
    let answer = false;
    const choose = (yes: boolean) => {
      answer = yes;
      dialog.hide();
    };
    const confirmButton = h('button', { class: 'primary', slot: 'action', onclick: () => choose(true) }, confirmLabel);
    const cancelButton = h('button', { class: 'secondary', slot: 'action', onclick: () => choose(false) }, cancelLabel);
    const dialog = h(
      'fluent-dialog' as 'div',
      // Named by aria-label: an id in this light DOM cannot name the <dialog> inside the element's shadow root.
      { type: 'alert', 'aria-label': confirmLabel },
      h(
        'fluent-dialog-body' as 'div',
        {},
        h('h2', { slot: 'title' }, confirmLabel),
        h('p', {}, message),
        confirmButton,
        cancelButton,
      ),
    ) as unknown as FluentDialog;
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      event.preventDefault();
      (document.activeElement === confirmButton ? cancelButton : confirmButton).focus();
    });
    dialog.addEventListener('toggle', (event) => {
      if ((event as unknown as CustomEvent<{ newState: string }>).detail?.newState !== 'closed') return;
      dialog.remove();
      previous?.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    customElements.whenDefined('fluent-dialog').then(
      () => {
        dialog.show();
        requestAnimationFrame(() => confirmButton.focus());
      },
      () => resolve(false),
    );
  });
}
