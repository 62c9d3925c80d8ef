// Fluent UI web components (v3) for the controls that make the pane look and behave like Office:
// buttons, the step tabs, the status message, the confirmation dialog, the checkboxes and radios
// (src/ui/fluent-fields.ts) and the text fields (h.ts's `field`). Each element is registered once,
// here; the theme's tokens go into one constructed style sheet (allowed by the pages' `style-src
// 'self'`: constructed sheets are not inline styles), light or dark as the system.
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/checkbox.js';
import '@fluentui/web-components/dialog.js';
import '@fluentui/web-components/dialog-body.js';
import '@fluentui/web-components/dropdown.js';
import '@fluentui/web-components/field.js';
import '@fluentui/web-components/listbox.js';
import '@fluentui/web-components/message-bar.js';
import '@fluentui/web-components/option.js';
import '@fluentui/web-components/radio.js';
import '@fluentui/web-components/radio-group.js';
import '@fluentui/web-components/tab.js';
import '@fluentui/web-components/tablist.js';
import '@fluentui/web-components/text-input.js';
import '@fluentui/web-components/textarea.js';
import { setTheme } from '@fluentui/web-components/theme/index.js';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';

/** Follows the system's light or dark setting (Office passes its own theme to the webview the same way). */
export function applyTheme(): void {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = () => {
    setTheme(dark?.matches ? webDarkTheme : webLightTheme);
    document.documentElement.dataset.theme = dark?.matches ? 'dark' : 'light';
  };
  apply();
  dark?.addEventListener('change', apply);
}
