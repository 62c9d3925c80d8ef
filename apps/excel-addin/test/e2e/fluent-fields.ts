// Driving the pane's Fluent form fields (src/ui/fluent-fields.ts) from the tests. A Fluent checkbox
// or radio is a custom element, not an <input>: each helper finds the control by its visible label,
// acts as a person would (a click), and waits until the control says its new state.
import type { Page } from 'playwright-core';
import { eventually } from './eventually.js';

/** Ticks (or clears) the Fluent checkbox labelled `label`, and waits until it says so. */
export async function setCheckbox(page: Page, label: string, checked = true): Promise<void> {
  const box = page.getByRole('checkbox', { name: label, exact: true });
  if ((await box.getAttribute('aria-checked')) !== String(checked)) await box.click();
  await eventually(() => box.getAttribute('aria-checked'), `the checkbox “${label}”`).toBe(String(checked));
}

/** Chooses the Fluent radio labelled `label`, and waits until it is the group's choice. */
export async function chooseRadio(page: Page, label: string): Promise<void> {
  const radio = page.getByRole('radio', { name: label, exact: true });
  await radio.click();
  await eventually(() => radio.getAttribute('aria-checked'), `the radio “${label}”`).toBe('true');
}

/**
 * Types `text` into the Fluent text field labelled `label` (the `nth` of that name), replacing what
 * was there, and waits until the field holds it. Fluent's label sits in its shadow root with the
 * <input> it names, through a slot: Playwright's getByLabel does not follow the slot, its role
 * locator (the accessible name, as a screen reader hears it) does.
 */
export async function fillField(page: Page, label: string, text: string, nth = 0): Promise<void> {
  const input = page.getByRole('textbox', { name: label, exact: true }).nth(nth);
  await input.fill(text);
  await eventually(() => input.inputValue(), `the field “${label}”`).toBe(text);
}

/** The Fluent dropdown labelled `label`: its combobox button, named by the label. */
export function dropdownNamed(page: Page, label: string) {
  return page.getByRole('combobox', { name: label, exact: true });
}

/** The value of the Fluent dropdown labelled `label`. */
export async function dropdownValue(page: Page, label: string): Promise<string | null> {
  return dropdownNamed(page, label).evaluate((button) => {
    const control = button.closest('fluent-dropdown') as (Element & { value: string | null }) | null;
    return control?.value ?? null;
  });
}

/** Opens the Fluent dropdown labelled `label`, clicks the option `option`, and waits until it is chosen. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  const button = dropdownNamed(page, label);
  await button.click();
  const list = page.locator(`#${await button.getAttribute('aria-controls')}`);
  await list.getByRole('option', { name: option, exact: true }).click();
  await eventually(() => button.innerText(), `the dropdown “${label}”`).toBe(option);
}

/** The value of the Fluent dropdown that `selector` finds (e.g. by its data-focus). */
export async function dropdownValueAt(page: Page, selector: string): Promise<string | null> {
  return page
    .locator(selector)
    .first()
    .evaluate((control) => (control as unknown as { value: string | null }).value);
}

/** The options' texts of the Fluent dropdown labelled `label`, in order. */
export async function optionTexts(page: Page, label: string): Promise<string[]> {
  const list = page.locator(`#${await dropdownNamed(page, label).getAttribute('aria-controls')}`);
  return (await list.locator('fluent-option').allTextContents()).map((text) => text.trim());
}
