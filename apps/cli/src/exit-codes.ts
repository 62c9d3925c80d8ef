// Exit statuses, following the BSD sysexits convention where one fits (70 = internal software error).
export const exitCodes = {
  ok: 0,
  /** The input (tables, rule set, results folder) has problems, or Notify refused a send. */
  inputProblems: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** A bug: something the program did not expect. */
  internal: 70,
  /** Stopped by Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;
