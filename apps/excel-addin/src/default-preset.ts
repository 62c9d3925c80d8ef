// The rule set a new workbook or page starts from: the reference Mentor Match rules, solved exactly
// (the `optimal` strategy is the default of the engine, the CLI and the apps).
export const defaultPreset = 'mentor-match-optimal';
