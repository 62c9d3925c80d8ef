// Form fields as Fluent UI web components (v3): a checkbox and a group of radios, each
// inside a `fluent-field` that ties its visible label (and hint) to the control. Fluent sets the
// controls' role and state through ElementInternals, which tools that read attributes do not see
// (axe-core, the tests' locators); the builders repeat them as attributes and keep them in step.
import { h, uid } from './h.js';

type Handler<T> = (value: T, event: Event) => void;

/** Fluent's checkbox and radio: form-associated elements with a `checked` property. */
interface CheckedElement extends HTMLElement {
  checked: boolean;
  disabled: boolean;
}

function labelled(control: HTMLElement, label: string, position: 'above' | 'after', hint?: string): HTMLElement {
  control.id ||= uid('field');
  control.setAttribute('slot', 'input');
  const labelId = `${control.id}--label`;
  control.setAttribute('aria-labelledby', labelId);
  const hintId = hint ? `${control.id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'fluent-field' as 'div',
    { 'label-position': position, class: position === 'after' ? 'fluent-choice' : 'field' },
    h('label', { slot: 'label', for: control.id, id: labelId }, label),
    control,
    hint ? h('small', { slot: 'message', id: hintId }, hint) : null,
  );
}

function syncChecked(control: CheckedElement, checked: boolean): void {
  control.setAttribute('aria-checked', String(checked));
}

/** A checkbox with its label after it. `onChange` hears the new state. */
export function checkboxField(
  label: string,
  options: {
    checked: boolean;
    disabled?: boolean;
    id?: string;
    focus?: string;
    onChange: Handler<boolean>;
  },
): HTMLElement {
  const box = document.createElement('fluent-checkbox') as CheckedElement;
  if (options.id) box.id = options.id;
  if (options.focus) box.dataset.focus = options.focus;
  box.setAttribute('role', 'checkbox');
  box.checked = options.checked;
  if (options.checked) box.setAttribute('checked', '');
  syncChecked(box, options.checked);
  if (options.disabled) {
    box.setAttribute('disabled', '');
    box.setAttribute('aria-disabled', 'true');
  }
  box.addEventListener('change', (event) => {
    syncChecked(box, box.checked);
    options.onChange(box.checked, event);
  });
  return labelled(box, label, 'after');
}

/** Sets a Fluent checkbox's state from code (a choice refused), keeping its attributes in step. */
export function setChecked(box: Element, checked: boolean): void {
  (box as CheckedElement).checked = checked;
  syncChecked(box as CheckedElement, checked);
}

/** One choice of several: a `fluent-radio-group` named by `legend`, each radio with its label after it. */
export function radioGroupField<T extends string>(
  legend: string,
  options: {
    value: T;
    choices: readonly (readonly [T, string])[];
    focus?: (value: T) => string;
    onChange: Handler<T>;
  },
): HTMLElement {
  const legendId = uid('radio-legend');
  const radios = options.choices.map(([value, label]) => {
    const radio = document.createElement('fluent-radio') as CheckedElement;
    radio.setAttribute('value', value);
    radio.setAttribute('role', 'radio');
    if (options.focus) radio.dataset.focus = options.focus(value);
    if (value === options.value) radio.setAttribute('checked', '');
    syncChecked(radio, value === options.value);
    return { value, radio, field: labelled(radio, label, 'after') };
  });
  const group = h(
    'fluent-radio-group' as 'div',
    { role: 'radiogroup', 'aria-labelledby': legendId, orientation: 'vertical', class: 'radio-choices' },
    radios.map((r) => r.field),
  );
  group.addEventListener('change', (event) => {
    const chosen = radios.find((r) => r.radio === event.target);
    if (!chosen || !chosen.radio.checked) return;
    for (const r of radios) syncChecked(r.radio, r === chosen);
    options.onChange(chosen.value, event);
  });
  return h('fieldset', {}, h('legend', { id: legendId }, legend), group);
}

/** Fluent's dropdown: `value` is the chosen option's value. */
export interface FluentDropdown extends HTMLElement {
  value: string | null;
}

/**
 * A `fluent-dropdown` of `choices` ([value, text]) with `value` chosen, for `field()` to label. The
 * options carry role="option" as an attribute too, for the tools that read attributes. `change`
 * comes from the dropdown when a person picks an option (click or keyboard).
 */
export function dropdown(options: {
  choices: readonly (readonly [string, string])[];
  value: string;
  id?: string;
  focus?: string;
  disabled?: boolean;
  /** Marks the choice as wrong (a field a rule needs with no column). */
  invalid?: boolean;
  onChange: Handler<string>;
}): FluentDropdown {
  const list = h(
    'fluent-listbox' as 'div',
    {},
    options.choices.map(([value, text]) => {
      const option = h('fluent-option' as 'div', { role: 'option', selected: value === options.value }, text);
      option.setAttribute('value', value);
      return option;
    }),
  );
  const control = h('fluent-dropdown' as 'div', {}, list) as unknown as FluentDropdown;
  // Fluent 3.1's dropdown draws its combobox <button> when connected, and neither passes the label
  // and hint on to it (its editable variant passes the label) nor says aria-expanded="false" when
  // closed (it drops the attribute, which a combobox must have): the button is given them once
  // drawn, and kept so.
  new MutationObserver((_, observer) => {
    const button = control.querySelector(':scope > [slot="control"]');
    if (!button) return;
    observer.disconnect();
    for (const name of ['aria-labelledby', 'aria-describedby']) {
      const ids = control.getAttribute(name);
      if (ids) button.setAttribute(name, ids);
    }
    if (options.invalid) button.setAttribute('aria-invalid', 'true');
    const sayClosed = () => {
      if (!button.hasAttribute('aria-expanded')) button.setAttribute('aria-expanded', 'false');
    };
    sayClosed();
    new MutationObserver(sayClosed).observe(button, { attributes: true, attributeFilter: ['aria-expanded'] });
  }).observe(control, { childList: true });
  // The dropdown's id is a Fluent property that reaches the attribute a moment later: the pane finds
  // a control again after drawing by its data-focus, which is there at once.
  if (options.id) control.id = options.id;
  if (options.focus) control.dataset.focus = options.focus;
  if (options.disabled) control.setAttribute('disabled', '');
  control.addEventListener('change', (event) => {
    if (control.value !== null) options.onChange(control.value, event);
  });
  return control;
}

/**
 * Focuses a control drawn anew. A Fluent dropdown draws its combobox button a moment after it is
 * connected (and its own focus() fails until then): focus goes to the button once it is there,
 * unless focus has gone elsewhere meanwhile.
 */
export function focusControl(control: HTMLElement): void {
  if (control.localName !== 'fluent-dropdown') return control.focus();
  const button = () => control.querySelector<HTMLElement>(':scope > [slot="control"]');
  const drawn = button();
  if (drawn) return drawn.focus();
  new MutationObserver((_, observer) => {
    const later = button();
    if (!later) return;
    observer.disconnect();
    const focused = document.activeElement;
    if (!focused || focused === document.body) later.focus();
  }).observe(control, { childList: true });
}
