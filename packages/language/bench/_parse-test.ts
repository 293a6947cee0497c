import { inject, URI, EmptyFileSystem } from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { OjGeneratedModule, OjGeneratedSharedModule, OjModule } from '@oj/language';
import { generateWorkspace, WORKSPACE_SIZES } from '@oj/synthetic';
import * as fs from 'node:fs';

const files = generateWorkspace({ seed: 1, ...WORKSPACE_SIZES.tenfold });
const extra = [...fs.readdirSync('examples/oj2019').map(f => fs.readFileSync('examples/oj2019/' + f, 'utf-8'))];
function make(config: object | undefined) {
    const shared = inject(createDefaultSharedModule(EmptyFileSystem), OjGeneratedSharedModule);
    const Oj = inject(createDefaultModule({ shared }), OjGeneratedModule, OjModule, config ? { parser: { ParserConfig: () => config } } : {});
    return Oj;
}
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const strip = (n: unknown): unknown => JSON.stringify(n, (k, v) => (k.startsWith('$') && k !== '$type' ? undefined : (v && typeof v === 'object' && '$refText' in v) ? (v as {$refText: string}).$refText : v));
const configs: Array<[string, object | undefined]> = [['allstar', undefined], ['LL(3)', { maxLookahead: 3 }], ['allstar', undefined], ['LL(3)', { maxLookahead: 3 }]];
const results: string[][] = [];
for (const [name, config] of configs) {
    const t0 = performance.now();
    const Oj = make(config);
    const t1 = performance.now(); const c1 = cpu();
    const out: string[] = [];
    let errors = 0;
    for (const f of [...files.map(f => f.text), ...extra]) {
        const r = Oj.parser.LangiumParser.parse(f);
        errors += r.parserErrors.length + r.lexerErrors.length;
        out.push(strip(r.value) as string);
    }
    console.log(name, 'create', (t1 - t0).toFixed(0), 'parse wall', (performance.now() - t1).toFixed(0), 'cpu', (cpu() - c1).toFixed(0), 'errors', errors);
    results.push(out);
}
console.log('identical ASTs:', results[0].every((t, i) => t === results[1][i]));
