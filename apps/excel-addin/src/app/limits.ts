// Sizes the pane refuses up front, with a message, rather than freezing or crashing Excel.

/**
 * Scores take one byte per pair (a code: packages/engine/src/score-codes.ts), 25 MB at 25 million
 * pairs; the exact solve adds 21 bytes per eligible pair (packages/engine/src/memory-estimate.ts),
 * so even with every pair eligible a run stays near 0.6 GB in the worker.
 */
export const maxPairs = 25_000_000;

export function sizeProblem(mentors: number, mentees: number): string | null {
  const pairs = mentors * mentees;
  if (pairs <= maxPairs) return null;
  return `${mentors.toLocaleString('en-GB')} mentors × ${mentees.toLocaleString('en-GB')} mentees is ${pairs.toLocaleString('en-GB')} pairs, more than the ${maxPairs.toLocaleString('en-GB')} the task pane can score in memory. Split the programme into groups, or run the command-line tool (mentor-matcher) on this machine.`;
}
