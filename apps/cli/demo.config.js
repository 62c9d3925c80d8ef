// The seed and sizes of the bundled demo data (demo-data/), shared by the demo script and its test.
export const demo = { mentors: 200, mentees: 200, seed: 2024 };
