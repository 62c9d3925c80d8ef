// The rule set for a run: a JSON file, or a named preset (mentor-match by default), with the
// strategy chosen on the command line taking precedence.
import {
  getPreset,
  MAX_RULE_SET_BYTES,
  parseRuleSet,
  presets,
  type RuleSet,
  type StrategySettings,
} from '@mentor-matcher/engine';
import { basename } from 'node:path';
import { InputError, UsageError } from './cli-errors.js';
import { readBytes } from './read-table-file.js';

export const defaultPreset = 'mentor-match';

export interface RuleSetChoice {
  readonly rules?: string;
  readonly preset?: string;
  readonly strategy?: StrategySettings['name'];
}

const strategyDefaults: Record<StrategySettings['name'], StrategySettings> = {
  optimal: { name: 'optimal', mentorCoverage: true, alternates: 3 },
  rounds: { name: 'rounds', rounds: 3, unmatchedBonus: 6 },
};

/**
 * A rule-set file keeps its own strategy unless --strategy is given. A preset runs with the optimal
 * strategy unless --strategy says otherwise: the command-line default is the exact method.
 */
export function loadRuleSet(cwd: string, choice: RuleSetChoice, usage: string): RuleSet {
  const ruleSet =
    choice.rules !== undefined ? readRuleSetFile(cwd, choice.rules) : preset(choice.preset ?? defaultPreset, usage);
  const wanted = choice.strategy ?? (choice.rules !== undefined ? undefined : 'optimal');
  if (wanted === undefined || ruleSet.strategy?.name === wanted) return ruleSet;
  return { ...ruleSet, strategy: strategyDefaults[wanted] };
}

function preset(name: string, usage: string): RuleSet {
  if (!Object.hasOwn(presets, name))
    throw new UsageError(`--preset: no preset named "${name}" (presets: ${Object.keys(presets).join(', ')})`, usage);
  return getPreset(name);
}

function readRuleSetFile(cwd: string, path: string): RuleSet {
  // A character takes at most 4 bytes of UTF-8, so this lets the schema's own limit (in characters) decide.
  const text = new TextDecoder().decode(readBytes(cwd, path, 4 * MAX_RULE_SET_BYTES));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${basename(path)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = parseRuleSet(json);
  if (!parsed.ok) {
    throw new InputError(
      `${basename(path)}: the rule set has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}`,
      parsed.problems.map((p) => ({ ...p, table: p.table ?? basename(path) })),
    );
  }
  return parsed.ruleSet;
}
