export * from './csv.js';
export * from './generator.js';
export * from './runtime/aggregate.js';
