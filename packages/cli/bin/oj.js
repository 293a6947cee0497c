#!/usr/bin/env node
import { main } from '../out/main.js';

main(process.argv).then(
    code => { process.exitCode = code; },
    error => { console.error(error instanceof Error ? error.message : String(error)); process.exitCode = 2; }
);
