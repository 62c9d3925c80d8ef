export {
  generateMentorMatchData,
  generatePeopleTable,
  mentorHeader,
  menteeHeader,
  peopleHeader,
} from './mentor-match.js';
export type { MentorMatchDataOptions } from './mentor-match.js';
export { createRandom, weightedTable } from './random.js';
export type { Random, WeightedTable } from './random.js';
export { grades } from './vocabulary.js';
export { generateFormsExport, formsHeader } from './forms-export.js';
export type { FormsExport, FormsExportOptions } from './forms-export.js';
