/** Promotion packets: the model, what leaves the machine, its checks, formats and signature. */
export * from './bias-words';
export * from './calibration';
export * from './checks';
export * from './content';
export * from './criteria';
export * from './exchange';
export * from './model';
export * from './render';
export * from './signing';
