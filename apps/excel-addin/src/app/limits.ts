// Sizes the pane refuses up front, with a message, rather than freezing or crashing Excel.

/** Scores are Float64 plus a Uint8 flag per pair: 25 million pairs is about 225 MB in the worker. */
export const maxPairs = 25_000_000;

export function sizeProblem(mentors: number, mentees: number): string | null {
  const pairs = mentors * mentees;
  if (pairs <= maxPairs) return null;
  return `${mentors.toLocaleString('en-GB')} mentors × ${mentees.toLocaleString('en-GB')} mentees is ${pairs.toLocaleString('en-GB')} pairs, more than the ${maxPairs.toLocaleString('en-GB')} the task pane can score in memory. Split the programme into groups, or run the command-line tool (mentor-matcher) on this machine.`;
}
