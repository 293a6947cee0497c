/** Test support: load a model, and load generated TypeScript as a module. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, loadWorkspace, type Model } from '@oj/language';
import { generateEvaluatorFiles } from '../src/generator.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function loadExample(): Promise<Model[]> {
    const { shared } = createOjServices(NodeFileSystem);
    const workspace = await loadWorkspace(shared, [path.join(root, 'examples/oj2019')]);
    return workspace.documents.map((d) => d.parseResult.value);
}

export async function loadText(texts: string[]): Promise<Model[]> {
    const { shared } = createOjServices(EmptyFileSystem);
    const documents = texts.map((t, i) =>
        shared.workspace.LangiumDocumentFactory.fromString<Model>(t, URI.file(`/mem/m${i}.oj`)),
    );
    documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const errors = documents.flatMap((d) => (d.diagnostics ?? []).filter((x) => x.severity === 1));
    if (errors.length > 0) throw new Error(`model has errors: ${errors.map((e) => e.message).join('; ')}`);
    return documents.map((d) => d.parseResult.value);
}

export interface GeneratedResult {
    indicator: number;
    group?: string;
    status: string;
    trace: unknown[];
    numerator?: number;
    denominator?: number;
}

export interface GeneratedEvaluator {
    evaluate(row: Record<string, unknown>): GeneratedResult[];
    explain(row: Record<string, unknown>): GeneratedResult[];
    /** Present when the model has background measures. */
    measures?(row: Record<string, unknown>): Array<GeneratedResult & { value?: number }>;
}

/** Transpiles the generated runtime and evaluator to JavaScript in a temp folder and imports them. */
export async function importGenerated(models: Model[]): Promise<GeneratedEvaluator> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-generated-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    for (const file of generateEvaluatorFiles(models).filter(
        (f) => f.path === 'src/runtime.ts' || f.path === 'src/evaluate.ts',
    )) {
        const js = ts.transpileModule(file.content, {
            compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        }).outputText;
        fs.writeFileSync(path.join(dir, path.basename(file.path).replace(/\.ts$/, '.js')), js);
    }
    try {
        return await (import(pathToFileURL(path.join(dir, 'evaluate.js')).href) as Promise<GeneratedEvaluator>);
    } finally {
        // Loaded modules stay in memory; the files are no longer needed.
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** A model with alternatives, variants, items, quantifiers, negation, exclusions, exceptions, counts and ratios. */
export const CONSTRUCTS = `enkät S2020 "Syntetisk" {
    år 2020
    variabelmönster "S{indikator:02}_{fråga}{del}[_{grupp}]"
    datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun, län, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }
svarsalternativ JNB { Ja = 1 "Ja" Nej = 2 "Nej" NejBehovs = 3 "Nej, behövs inte" EjAktuellt = 4 "Ej aktuellt" området saknas }
svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }
fråga Delad: "Har ni en delad rutin?" svar JN variabel "DELAD"
indikator 1 "Alternativ och delade frågor" {
    områden EB
    fråga i = Delad
    fråga ii Innehall: "Innehåller?" svar JN alternativ A "a" alternativ B "b" alternativ C "c"
    fråga iii Uppf: "Följt upp?" svar JNB
    krävs: Ja på fråga i och Ja på fråga ii A, B och Ja på fråga iii ELLER Ja på fråga i och Ja på samtliga alternativ av fråga ii och NejBehovs på fråga iii
}
indikator 2 "Varianter per område" {
    områden EB, BU, LSS
    redovisas för EB, BU, LSSB, LSSV
    fråga i Plan: "Plan?" svar JNE per område EB, BU, LSSB, LSSV
    fråga ii Former: "Former?" svar VAL flerval per område EB, BU, LSSB, LSSV alternativ A "a" alternativ B "b" alternativ C "c" alternativ D "d"
    fråga iii Uppf2: "Följt upp?" svar JNB per område EB, BU, LSSB, LSSV
    krävs: Ja på fråga i och Vald på något alternativ av fråga ii och (Ja eller NejBehovs på fråga iii)
    för BU, LSSB krävs: Ja på fråga i och Vald på fråga ii A, B, C och inte Nej på fråga iii
}
indikator 3 "Uteslutning och undantag" {
    områden EB
    fråga i R3: "Rutin?" svar JNB
    fråga ii U3: "Uppföljd?" svar JNE
    krävs: Ja eller NejBehovs på fråga i och fråga ii är Ja
    utesluts: EjAktuellt på fråga i eller EjAktuellt på fråga ii
    undantas: Nej på fråga ii
}
indikator 4 "Antal" {
    områden EB
    fråga i Personal: "Hur många handläggare?" antal
    fråga ii Utbildade: "Hur många har utbildning?" antal
    krävs: antal på fråga i > 0 och antal på fråga ii >= 2 och inte antal på fråga ii > 40
}
indikator 5 "Andel" {
    områden EB
    fråga i Barn: "Antal barn med insats?" antal
    fråga ii BarnTotalt: "Antal barn totalt?" antal
    andel: fråga i / fråga ii
}
indikator 6 "Minst två av" {
    områden EB
    fråga i Plan6: "Plan?" svar JNE
    fråga ii Former6: "Former?" svar VAL flerval alternativ A "a" alternativ B "b" alternativ C "c" alternativ D "d"
    fråga iii Delar6: "Delar?" svar JN alternativ A "a" alternativ B "b" alternativ C "c"
    krävs: Ja på fråga i och (Vald på minst två av alternativen A–D på fråga ii eller inte Nej på minst 2 av alternativen A, C på fråga iii)
    undantas: Vald på minst tre av alternativen på fråga ii
}
svarsalternativ KRYSS { Vald = 1 "Vald" EjVald = 0 "Ej vald" tom ruta räknas som EjVald när någon ruta är ikryssad }
indikator 7 "Kryssrutor och egna uteslutningar" {
    områden EB, BU, LSS
    redovisas för EB, BU, LSSB, LSSV
    fråga i Finns7: "Finns verksamheten?" svar JNE per område EB, BU, LSSB, LSSV
    fråga ii Kryss7: "Vilka former?" svar KRYSS flerval per område EB, BU, LSSB, LSSV alternativ A "a" alternativ B "b" alternativ C "c"
    krävs: Ja på fråga i och Vald på fråga ii A och inte Vald på minst två av alternativen B–C på fråga ii
    för BU utesluts: EjAktuellt på fråga i eller EjVald på fråga ii A
    för LSSB, LSSV undantas: Vald på fråga ii B
}
indikator 8 "Räkna med antal" {
    områden EB
    fråga i Alla8: "Hur många?" antal enhet "personer"
    fråga ii Med8: "Hur många av dem?" antal enhet "personer" alternativ A "a" alternativ B "b"
    krävs: (antal på fråga ii) / (antal på fråga i) är minst 50 % och antal på fråga ii A är högst antal på fråga ii B ELLER antal på fråga i - antal på fråga ii A > 40
}
`;
