// What the Data step keeps between sessions, beside the rule set: the column choices for each table
// layout (by its exact header, so a new export of the same form gets them again), the accepted value
// aliases, the duplicates policy and whether rows with errors are left out. Saved where the rule set
// is: with the workbook in Excel, in the browser on the page. Nothing here names a person.
import {
  duplicatesPolicySchema,
  valueAliasesSchema,
  type DuplicatesPolicy,
  type ValueAliases,
} from '@mentor-matcher/engine';
import { z } from 'zod';

/** Field → header, or null for "no column": one table's choices. */
export type ColumnChoicesData = Readonly<Record<string, string | null>>;

/** Tables of different forms over the years: the oldest layouts are forgotten first. */
export const rememberedLayouts = 20;

export const dataSettingsSchema = z.object({
  /** Column choices by table layout (columnsKey). */
  columns: z.record(z.string(), z.record(z.string(), z.string().nullable())).default({}),
  aliases: valueAliasesSchema.default({}),
  duplicates: duplicatesPolicySchema.default('error'),
  skipInvalidRows: z.boolean().default(false),
});

export interface DataSettings {
  readonly columns: Readonly<Record<string, ColumnChoicesData>>;
  readonly aliases: ValueAliases;
  readonly duplicates: DuplicatesPolicy;
  readonly skipInvalidRows: boolean;
}

export const emptyDataSettings: DataSettings = {
  columns: {},
  aliases: {},
  duplicates: 'error',
  skipInvalidRows: false,
};

/** The key a table's column choices are remembered under: its role and its header, exactly. */
export function columnsKey(role: string, header: readonly string[]): string {
  return JSON.stringify([role, ...header]);
}

/** Saved data settings; anything missing or not understood starts as new (a bad alias never blocks the pane). */
export function parseDataSettings(value: unknown): DataSettings {
  const parsed = dataSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : emptyDataSettings;
}

/** `columns` with one layout's choices set (most recent last), at most rememberedLayouts of them. */
export function rememberColumns(
  columns: DataSettings['columns'],
  key: string,
  choices: ColumnChoicesData,
): DataSettings['columns'] {
  const rest = Object.entries(columns).filter(([k]) => k !== key);
  const kept = Object.keys(choices).length > 0 ? [...rest, [key, choices] as const] : rest;
  return Object.fromEntries(kept.slice(-rememberedLayouts));
}
