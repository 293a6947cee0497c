export * from './new-year.js';
export * from './diff.js';
export * from './behaviour.js';
export * from './structure.js';
export * from './words.js';
export * from './render.js';
export * from './comparability.js';
