export { main } from './main.js';
export { check } from './commands/check.js';
export { codebookCsv, CODEBOOK_COLUMNS } from './commands/codebook.js';
export { coverage } from './commands/coverage.js';
export { generate } from './commands/generate.js';
export { evaluate, type EvaluateResult } from './commands/evaluate.js';
export { docs, type DocsFormat, type DocsKind, type DocsOptions, type DocsResult } from './commands/docs.js';
