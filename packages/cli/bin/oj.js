#!/usr/bin/env node
// Langium 4 needs Node 21 or later (Object.groupBy); say so instead of failing deep inside it.
const major = Number(process.versions.node.split('.')[0]);
if (major < 21) {
    process.stderr.write(`oj behöver Node 22 (du kör Node ${process.versions.node}). Kör "npx oj …" i projektmappen: npx använder Node 22 från node_modules.\n`);
    process.exit(2);
}

// Output piped into head or less that closes early is not an error.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', error => { if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw error; });
}

const { main } = await import('../out/main.js');
main(process.argv).then(
    code => { process.exitCode = code; },
    error => { console.error(`Internt fel i oj: ${error instanceof Error ? error.stack ?? error.message : String(error)}`); process.exitCode = 2; }
);
