export * from './csv.js';
export * from './generator.js';
export * from './runtime/aggregate.js';
export * from './responses.js';
export * from './evaluate-file.js';
export * from './codebook-csv.js';
export * from './atomic-write.js';
export * from './plausibility.js';
