// People grouped into classes of equal values in every field a rule set reads on their side: the
// classes that pair-classes.ts scores (one stand-in per class) and the row templates of scoring
// (row-templates.ts, classes under the rules other than a row's own exclusions).
import type { Cell } from '@mentor-matcher/tabular';
import { ruleSetFields } from './fields.js';
import type { Participant, Role } from './model.js';
import { participantValue } from './participants.js';
import type { RuleSet } from './rules/schema.js';

export interface ClassGrouping {
  /** Class of each person, by index. */
  readonly classOf: Int32Array;
  readonly count: number;
  /** Members of class k, in index order: members[start[k] .. start[k + 1]). */
  readonly start: Int32Array;
  readonly members: Int32Array;
}

/** The fields the rules read on one side (a capacity column alone does not change a score). */
function fieldsReadBy(ruleSet: RuleSet, side: Role): string[] {
  return ruleSetFields(ruleSet)
    .filter((field) => field.sides.includes(side) && field.requiredBy.some((id) => id !== 'capacity'))
    .map((field) => field.field);
}

function cellKey(cell: Cell): string {
  return cell === null ? 'n' : `${typeof cell === 'string' ? 's' : typeof cell === 'number' ? 'd' : 'b'}${cell}`;
}

/**
 * People with equal values in every field the rules read on their side share a class. Classes are
 * numbered in the order of their values, compared field by field from the field with the fewest
 * distinct values (grade before organisation in the presets): a hard rule on such a field then
 * leaves long runs of ineligible class pairs in each row, which the scans skip (eligibleBlocks).
 */
export function groupByRuleFields(people: readonly Participant[], ruleSet: RuleSet, side: Role): ClassGrouping {
  const fields = fieldsReadBy(ruleSet, side);
  // Each field's values numbered by first appearance, and the classes by their numbers' first
  // appearance; both are then renumbered in value order.
  const valueIds = fields.map(() => new Map<string, number>());
  const classOfKey = new Map<string, number>();
  const idsOfClass: number[] = [];
  const classOf = new Int32Array(people.length);
  const ids = new Array<number>(fields.length);
  people.forEach((person, index) => {
    for (let f = 0; f < fields.length; f++) {
      const value = cellKey(participantValue(person, fields[f]));
      let id = valueIds[f].get(value);
      if (id === undefined) {
        id = valueIds[f].size;
        valueIds[f].set(value, id);
      }
      ids[f] = id;
    }
    const key = ids.join(',');
    let k = classOfKey.get(key);
    if (k === undefined) {
      k = classOfKey.size;
      classOfKey.set(key, k);
      idsOfClass.push(...ids);
    }
    classOf[index] = k;
  });
  const rankOfId = valueIds.map((values) => {
    const ranks = new Int32Array(values.size);
    [...values.keys()].sort().forEach((value, rank) => (ranks[values.get(value)!] = rank));
    return ranks;
  });
  const fieldOrder = fields.map((_, f) => f).sort((f, g) => valueIds[f].size - valueIds[g].size || f - g);
  const width = fields.length;
  const inValueOrder = Array.from({ length: classOfKey.size }, (_, k) => k).sort((k, l) => {
    for (const f of fieldOrder) {
      const difference = rankOfId[f][idsOfClass[k * width + f]] - rankOfId[f][idsOfClass[l * width + f]];
      if (difference !== 0) return difference;
    }
    return 0;
  });
  const renumbered = new Int32Array(inValueOrder.length);
  inValueOrder.forEach((k, place) => (renumbered[k] = place));
  for (let index = 0; index < people.length; index++) classOf[index] = renumbered[classOf[index]];
  const count = classOfKey.size;
  const start = new Int32Array(count + 1);
  for (const k of classOf) start[k + 1]++;
  for (let k = 0; k < count; k++) start[k + 1] += start[k];
  const fill = start.slice(0, count);
  const members = new Int32Array(people.length);
  for (let index = 0; index < people.length; index++) members[fill[classOf[index]]++] = index;
  return { classOf, count, start, members };
}
