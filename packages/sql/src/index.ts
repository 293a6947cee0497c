export * from './emit.js';
export * from './duckdb.js';
