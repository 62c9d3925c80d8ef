// A tiny element builder: the pane is a handful of forms and lists, so plain DOM with this helper
// keeps it small and fast to start, with no framework or JSX toolchain.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Button classes drawn as Fluent buttons, and the Fluent appearance of each. */
const appearances: Record<string, string> = { primary: 'primary', secondary: 'outline', link: 'transparent' };

/**
 * A button with one of the appearance classes (primary, secondary, link) is a `fluent-button`; other
 * buttons (tabs of a segmented choice, list rows, the game's cells) stay native. The role and
 * aria-disabled attributes repeat what the element says through ElementInternals, for tools that
 * read attributes (the tests' locators, axe-core).
 */
function create(tag: string, attributes: Attributes): HTMLElement {
  const appearance = tag === 'button' ? appearances[String(attributes.class ?? '').split(' ')[0]] : undefined;
  if (!appearance) return document.createElement(tag);
  const button = document.createElement('fluent-button');
  button.setAttribute('appearance', appearance);
  button.setAttribute('role', 'button');
  if (attributes.disabled === true) button.setAttribute('aria-disabled', 'true');
  return button;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = create(tag, attributes) as HTMLElementTagNameMap[K];
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'value' && 'value' in element) {
      (element as HTMLInputElement).value = String(value);
    } else if (name === 'checked' && element instanceof HTMLInputElement) {
      element.checked = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

let counter = 0;
/** A unique id for label/for pairs. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * Fluent's text controls label their own `<input>` or `<textarea>` (in their shadow root) from a
 * slot: the default slot of `fluent-text-input`, the `label` slot of `fluent-textarea`. A `<label
 * for>` outside could not reach it.
 */
const fluentTextLabelSlots: Record<string, string | null> = { 'fluent-text-input': null, 'fluent-textarea': 'label' };

/** A Fluent text control in a `fluent-field`, the label in the control's slot, the hint as its message. */
function fluentTextField(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const slot = fluentTextLabelSlots[control.localName];
  control.setAttribute('slot', 'input');
  control.append(h('span', slot ? { slot } : {}, label));
  return h(
    'fluent-field' as 'div',
    { class: 'field' },
    control,
    hint ? h('small', { slot: 'message', id: uid('hint') }, hint) : null,
  );
}

/**
 * A Fluent dropdown in a `fluent-field` with a <label> in its label slot and the hint in its message
 * slot: the dropdown is labelled and described by them, and hands both to its combobox button.
 */
function fluentDropdownField(label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id ||= uid('field');
  control.setAttribute('slot', 'input');
  const labelId = `${control.id}--label`;
  control.setAttribute('aria-labelledby', labelId);
  const hintId = hint ? uid('hint') : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'fluent-field' as 'div',
    { class: 'field' },
    h('label', { slot: 'label', for: control.id, id: labelId }, label),
    control,
    hint ? h('small', { slot: 'message', id: hintId }, hint) : null,
  );
}

/** A labelled form control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  if (control.localName in fluentTextLabelSlots) return fluentTextField(label, control, hint);
  if (control.localName === 'fluent-dropdown') return fluentDropdownField(label, control, hint);
  const id = control.id || uid('field');
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('small', { id: hintId }, hint) : null,
  );
}

export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren(
    ...children
      .flat()
      .filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false)
      .map((c) => (c instanceof Node ? c : String(c))),
  );
}

/** An event handler that awaits: its promise is the handler's own business (it reports its errors). */
export function later(handler: (event: Event) => Promise<void>): EventListener {
  return (event) => void handler(event);
}
