export * from './at-rest';
export * from './coverage';
export * from './exchange';
export * from './privacy';
export * from './refs';
