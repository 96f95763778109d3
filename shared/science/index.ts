/**
 * Backchain's sports-science calculations: pure functions, no Node, DOM, Electron or React.
 * Every formula, default and caveat is documented in the team's REFERENCE.md (section numbers in
 * each doc comment) and checked against its worked vectors in tests/shared/science/.
 */
export * from './stats';
export * from './reliability';
export * from './change';
export * from './asymmetry';
export * from './scores';
export * from './jump';
export * from './sprint';
export * from './load';
export * from './strength';
export * from './deload';
export * from './wellness';
export * from './balance';
