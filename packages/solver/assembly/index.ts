// The solver module's exports: raw memory helpers and one entry point per algorithm.
export * from './memory';
export * from './lsap';
export * from './capacitated';
