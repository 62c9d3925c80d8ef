// Ready-made rule sets. `mentor-match` scores as the reference system does (the Python "Mentor
// Match": `base_rules()` in jonodrew/mentor-match, mentor_match_web/app/helpers.py, on the CSMentor
// and CSMentee fields of its app/classes.py), rule by rule, and runs its three rounds;
// `mentor-match-optimal` keeps those rules and asks for the exact optimum instead. Our kinder reading
// of the same columns (a mentee's "no" honoured, case and spacing ignored, characteristics split on
// any comma) is `mentor-match-adjusted`, never silently part of the reference presets.
import type { RuleSet, RuleSetInput } from './schema.js';
import { ruleSetSchema } from './schema.js';

const civilServiceGrades = ['AA', 'AO', 'EO', 'HEO', 'SEO', 'Grade 7', 'Grade 6', 'SCS1', 'SCS2', 'SCS3', 'SCS4'];

const gradeAliases: Record<string, string> = {
  'Administrative Assistant': 'AA',
  'Administrative Officer': 'AO',
  'Executive Officer': 'EO',
  'Higher Executive Officer': 'HEO',
  'Senior Executive Officer': 'SEO',
  '7': 'Grade 7',
  G7: 'Grade 7',
  '6': 'Grade 6',
  G6: 'Grade 6',
  'Deputy Director': 'SCS1',
  'SCS Pay Band 1': 'SCS1',
  Director: 'SCS2',
  'SCS Pay Band 2': 'SCS2',
  'Director General': 'SCS3',
  'SCS Pay Band 3': 'SCS3',
  'Permanent Secretary': 'SCS4',
};

/**
 * The reference's base rules. Text is compared `exact`, as its `==` and `in` on the CSV's strings
 * do: case and spacing count, two blank cells are equal (so two blank organisations exclude the
 * pair, as there), and a mentor's characteristics are split on ", " exactly. The identity rule
 * never reads `match with similar identity`: the reference's rule is
 * `mentee.characteristic in mentor.characteristics and mentee.characteristic != ""`.
 */
const referenceRules: RuleSetInput['rules'] = [
  {
    id: 'same-organisation',
    label: 'Same organisation',
    kind: 'exclude',
    when: { type: 'same', mentor: 'organisation', mentee: 'organisation', compare: 'exact' },
  },
  {
    id: 'grade-gap-outside-1-2',
    label: 'Mentor is not one or two grades above the mentee',
    kind: 'exclude',
    when: {
      type: 'not',
      condition: { type: 'gap', mentor: 'grade', mentee: 'grade', ladder: 'grade', atLeast: 1, atMost: 2 },
    },
  },
  {
    id: 'grade-gap-2',
    label: 'Mentor is two grades above',
    kind: 'score',
    when: { type: 'gap', mentor: 'grade', mentee: 'grade', ladder: 'grade', equals: 2 },
    points: 12,
  },
  {
    id: 'grade-gap-1',
    label: 'Mentor is one grade above',
    kind: 'score',
    when: { type: 'gap', mentor: 'grade', mentee: 'grade', ladder: 'grade', equals: 1 },
    points: 9,
  },
  {
    id: 'same-profession',
    label: 'Same profession',
    kind: 'score',
    when: { type: 'same', mentor: 'profession', mentee: 'profession', compare: 'exact' },
    points: 10,
  },
  {
    id: 'shared-identity',
    label: 'Mentor has the identity the mentee named',
    kind: 'score',
    when: {
      type: 'overlap',
      mentor: 'characteristics',
      mentee: 'identity to match',
      mentorSeparator: ', ',
      menteeSeparator: null,
      compare: 'exact',
    },
    points: 6,
  },
];

/**
 * The same points read more kindly: organisations and professions compared ignoring case and
 * spacing (a blank never matches), characteristics split on any comma, and the identity points only
 * for a mentee who answered "yes" to `match with similar identity`.
 */
const adjustedRules: RuleSetInput['rules'] = [
  {
    id: 'same-organisation',
    label: 'Same organisation',
    kind: 'exclude',
    when: { type: 'same', mentor: 'organisation', mentee: 'organisation' },
  },
  referenceRules[1],
  referenceRules[2],
  referenceRules[3],
  {
    id: 'same-profession',
    label: 'Same profession',
    kind: 'score',
    when: { type: 'same', mentor: 'profession', mentee: 'profession' },
    points: 10,
  },
  {
    id: 'shared-identity',
    label: 'Mentor shares the identity the mentee asked to match',
    kind: 'score',
    when: {
      type: 'all',
      of: [
        { type: 'equals', side: 'mentee', column: 'match with similar identity', value: 'yes' },
        {
          type: 'overlap',
          mentor: 'characteristics',
          mentee: 'identity to match',
          mentorSeparator: ',',
          menteeSeparator: null,
        },
      ],
    },
    points: 6,
  },
];

const mentorMatch: RuleSetInput = {
  version: 1,
  name: 'Mentor Match',
  description:
    'The reference Mentor Match base rules, scored as the reference does: different organisations, mentor 1 or 2 ' +
    'grades above the mentee, points for the grade gap, the same profession and the identity the mentee named; ' +
    'three rounds with an unmatched bonus of 6.',
  ladders: { grade: civilServiceGrades },
  ladderAliases: { grade: gradeAliases },
  rules: referenceRules,
  capacity: { mentor: { default: 3 }, mentee: { default: 3 } },
  lockedPairs: [],
  forbiddenPairs: [],
  strategy: { name: 'rounds', rounds: 3, unmatchedBonus: 6, ties: 'reference' },
};

const build = (input: RuleSetInput): RuleSet => Object.freeze(ruleSetSchema.parse(input));

export const presets: Readonly<Record<string, RuleSet>> = Object.freeze({
  'mentor-match': build(mentorMatch),
  'mentor-match-optimal': build({
    ...mentorMatch,
    name: 'Mentor Match (optimal)',
    description:
      'The Mentor Match base rules, solved exactly: as many mentees as possible get a mentor, then as many mentors as possible get a mentee, then the highest total score.',
    strategy: { name: 'optimal', mentorCoverage: true, alternates: 3 },
  }),
  'mentor-match-adjusted': build({
    ...mentorMatch,
    name: 'Mentor Match (adjusted)',
    description:
      'The Mentor Match points read more kindly: organisations and professions ignoring case and spacing, ' +
      'characteristics split on any comma, identity points only when the mentee asked for them; solved exactly.',
    rules: adjustedRules,
    strategy: { name: 'optimal', mentorCoverage: true, alternates: 3 },
  }),
});

/** A fresh, deep copy of a preset (safe to edit). Throws a RangeError naming the presets for an unknown name. */
export function getPreset(name: string): RuleSet {
  const preset = Object.hasOwn(presets, name) ? presets[name] : undefined;
  if (!preset) throw new RangeError(`no preset named "${name}" (presets: ${Object.keys(presets).join(', ')})`);
  return structuredClone(preset);
}
