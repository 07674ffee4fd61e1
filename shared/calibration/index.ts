/** Calibration sessions: the model, decision rules, anonymised reading, distribution views and the decisions export. */
export * from './candidates';
export * from './checks';
export * from './decisions';
export * from './distribution';
export * from './export';
export * from './model';
export * from './pronouns';
