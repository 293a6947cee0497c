export * from './emit.js';
export * from './duckdb.js';
export * from './engine.js';
export * from './register-emit.js';
export * from './register-duckdb.js';
