export declare const demo: { readonly mentors: number; readonly mentees: number; readonly seed: number };
