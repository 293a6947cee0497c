export * from './emit.js';
export * from './duckdb.js';
export * from './engine.js';
