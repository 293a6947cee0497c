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

let main;
try {
    ({ main } = await import('../out/main.js'));
} catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.url ?? error.message).includes('/out/')) throw error;
    process.stderr.write('oj är inte byggt: kör "npm ci" (som bygger) eller "npm run build" i projektmappen.\n');
    process.exit(2);
}
main(process.argv).then(
    code => { process.exitCode = code; },
    error => { console.error(`Internt fel i oj: ${error instanceof Error ? error.stack ?? error.message : String(error)}`); process.exitCode = 2; }
);
