export * from './results.js';
export * from './labels.js';
export * from './sheets.js';
export * from './workbook.js';
export * from './publish.js';
