/**
 * The semantic diff, as a specification: what a change of one option moves, that formatting and
 * internal names move nothing, and what examples/oj2019 → examples/oj2020 reports, case by case.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, loadWorkspace, type Model } from '@oj/language';
import { diffModels, renderTerminal, type IndicatorDiff, type ModelDiff } from '../src/index.js';

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(__dirname, 'fixtures');

async function models(dir: string): Promise<Model[]> {
    const { shared } = createOjServices(NodeFileSystem);
    const loaded = await loadWorkspace(shared, [dir]);
    const errors = [...loaded.diagnostics.values()].flat().filter((d) => d.severity === 1);
    expect(errors.map((e) => e.message)).toEqual([]);
    return loaded.documents.map((d) => d.parseResult.value);
}

async function diff(before: string, after: string): Promise<ModelDiff> {
    return diffModels(await models(before), await models(after));
}

/** A copy of a folder with every .oj file's text passed through `edit`. */
function copyWith(dir: string, edit: (text: string, file: string) => string): string {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-diff-'));
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.oj'))) {
        fs.writeFileSync(path.join(out, file), edit(fs.readFileSync(path.join(dir, file), 'utf-8'), file));
    }
    return out;
}

function indicator(d: ModelDiff, number: number): IndicatorDiff {
    const found = d.indicators.find((i) => (i.after ?? i.before)!.number === number && i.status !== 'removed');
    expect(found, `indicator ${number}`).toBeDefined();
    return found!;
}

describe('behaviour', () => {
    test('accepting one more option moves exactly the combinations with that answer, per area', async () => {
        const d = await diff(path.join(fixtures, 'one-option/2019'), path.join(fixtures, 'one-option/2020'));
        const one = indicator(d, 1);
        expect(one.matchedBy).toBe('link');
        expect(one.behaviour.map((u) => u.unit)).toEqual(['EB', 'BU']);
        for (const unit of one.behaviour) {
            // i: Ja, Nej, Ej aktuellt, blank × ii: Ja, Nej, Ej aktuellt, blank
            expect(unit.combinations).toBe(16);
            expect(unit.changed).toBe(1);
            expect(unit.rows).toEqual([{ values: [['Ja'], ['Ej aktuellt']], from: 'not_met', to: 'met', count: 1 }]);
        }
        expect(one.comparable).toBe(false);
        expect(one.reasons).toEqual(['Utfallet för Ekonomiskt bistånd och Barn och unga ändras för 1 av 16 svarskombinationer.']);
        expect(renderTerminal(d)).toContain(
            'fråga i = Ja, fråga ii = Ej aktuellt: 2019 ej uppnådd → 2020 uppnådd (1 kombination)',
        );
    });

    test('a changed indicator that says it is comparable, or says nothing, is warned about; the example year says why not', async () => {
        const said = copyWith(path.join(fixtures, 'one-option/2020'), (text) =>
            text.replace('tidigare 2019 "Aktuell rutin"', 'tidigare 2019 "Aktuell rutin" jämförbar'),
        );
        const wrong = indicator(await diff(path.join(fixtures, 'one-option/2019'), said), 1);
        expect(wrong.stated).toBe(true);
        expect(wrong.finding).toMatchObject({ code: 'comparable-but-changed', severity: 'warning' });
        expect(wrong.finding!.message).toMatch(/^Indikator 1 anges som jämförbar med 2019, men den har ändrats: Utfallet för/);
        const silent = indicator(await diff(path.join(fixtures, 'one-option/2019'), path.join(fixtures, 'one-option/2020')), 1);
        expect(silent.finding?.code).toBe('comparability-missing');
        const honest = copyWith(path.join(fixtures, 'one-option/2020'), (text) =>
            text.replace('tidigare 2019 "Aktuell rutin"', 'tidigare 2019 "Aktuell rutin" ej jämförbar "Ej aktuellt räcker nu."'),
        );
        expect(indicator(await diff(path.join(fixtures, 'one-option/2019'), honest), 1).finding).toBeUndefined();
        const examples = await diff(path.join(root, 'examples/oj2019'), path.join(root, 'examples/oj2020'));
        expect(examples.indicators.filter((i) => i.finding)).toEqual([]);
    });

    test('a model compared with itself has no change at all', async () => {
        const d = await diff(path.join(root, 'examples/oj2019'), path.join(root, 'examples/oj2019'));
        expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 0, behaviourChanged: 0, notComparable: 0 });
        expect(d.summary.unchanged).toBe(d.before.indicators);
    });

    test('a reformatted copy reports nothing: indentation, line breaks and reordered parts', async () => {
        const copy = copyWith(path.join(root, 'examples/oj2019'), (text) =>
            text
                .replace(/\n {4}/g, '\n\t')
                // A rule broken over lines (outside its strings: only rule lines are touched).
                .replace(/^( *(?:för [^:]+ )?(?:krävs|utesluts|undantas)\b[^\n"]*?) och /gm, '$1\n        och ')
                // The last two lines of the survey block change places.
                .replace(/( *del D7 [^\n]*\n)( *del D8 [^\n]*\n)/, '$2$1'),
        );
        const d = await diff(path.join(root, 'examples/oj2019'), copy);
        expect(d.indicators.filter((i) => i.status !== 'unchanged')).toEqual([]);
    });

    test('an internally renamed copy (answer sets, options, questions) reports no change of behaviour or text', async () => {
        const copy = copyWith(path.join(root, 'examples/oj2019'), (text) =>
            text
                .replace(/\bJNE_NY\b/g, 'JaNejNyligen')
                .replace(/\bEjAktuellt\b/g, 'EjAkt')
                .replace(/\bSkyddadeRutin\b/g, 'RutinSkyddade'),
        );
        const d = await diff(path.join(root, 'examples/oj2019'), copy);
        expect(d.summary.behaviourChanged).toBe(0);
        expect(d.indicators.flatMap((i) => [...i.parts, ...i.questions])).toEqual([]);
        expect(d.summary.changed).toBe(0);
    });
});

describe('examples/oj2019 → examples/oj2020', () => {
    const load = () => diff(path.join(root, 'examples/oj2019'), path.join(root, 'examples/oj2020'));

    test('summary', async () => {
        const d = await load();
        expect(d.before).toMatchObject({ survey: 'OJ2019', year: 2019 });
        expect(d.after).toMatchObject({ survey: 'OJ2020', year: 2020 });
        expect(d.summary).toMatchObject({ added: 1, removed: 1, behaviourChanged: 1 });
    });

    test('renamed, matched through its link to 2019, comparable', async () => {
        const one = indicator(await load(), 1);
        expect(one).toMatchObject({
            status: 'changed',
            matchedBy: 'link',
            renamed: true,
            renumbered: false,
            comparable: true,
            behaviour: [],
            questions: [],
        });
        expect(one.after!.name).toBe('Aktuell rutin för att förebygga avhysning av barnfamiljer');
    });

    test('a question reworded, word by word', async () => {
        const two = indicator(await load(), 2);
        expect(two.questions).toHaveLength(1);
        expect(two.questions[0]).toMatchObject({ question: 'ii', status: 'changed', substantive: true });
        expect(two.questions[0].text!.filter((w) => w.kind !== 'same').map((w) => [w.kind, w.text.trim()])).toEqual([
            ['added', 'och vid behov reviderat'],
        ]);
        expect(two.behaviour).toEqual([]);
        expect(two.comparable).toBe(false);
    });

    test('a stricter rule relaxed: the exact combinations per area', async () => {
        const three = indicator(await load(), 3);
        expect(three.behaviour).toHaveLength(8);
        for (const unit of three.behaviour)
            expect(unit.rows).toEqual([{ values: [['Ja'], ['Ej aktuellt']], from: 'not_met', to: 'met', count: 1 }]);
        expect(three.parts.map((p) => p.part)).toEqual(['Krav för att uppnå indikatorn']);
    });

    test('a printed part reworded', async () => {
        const four = indicator(await load(), 4);
        expect(four.parts.map((p) => p.part)).toEqual(['Beskrivning']);
        expect(four.parts[0].words.filter((w) => w.kind !== 'same').map((w) => [w.kind, w.text.trim()])).toEqual([
            ['removed', 'intern'],
        ]);
        expect(four.comparable).toBe(true);
    });

    test('an area dropped: areas, reporting units and per-area questions', async () => {
        const five = indicator(await load(), 5);
        expect(five.areas).toEqual({ added: [], removed: ['AO'], reportedAdded: [], reportedRemoved: ['AO'] });
        expect(five.questions.map((q) => q.changes)).toEqual([
            ['Frågan ställs inte längre för AO.'],
            ['Frågan ställs inte längre för AO.'],
        ]);
        expect(five.behaviour).toEqual([]);
    });

    test('an item added to a multiple-choice question', async () => {
        const six = indicator(await load(), 6);
        expect(six.questions.map((q) => q.changes)).toEqual([
            ['Alternativ E ("Introduktion för nyanställda handläggare") har lagts till.'],
        ]);
    });

    test('renumbered with its variables, an option recoded (followed by its label) and one added', async () => {
        const audit = indicator(await load(), 10);
        expect(audit).toMatchObject({ matchedBy: 'link', renumbered: true, before: { number: 9 } });
        const changes = audit.questions[0].changes;
        expect(changes).toContain(
            'Svarsalternativet "Ej aktuellt, området finns inte i vår socialtjänst/kommun" har fått koden 9 (var 3).',
        );
        expect(changes).toContain('Svarsalternativet "Vet ej" (kod 8) har lagts till.');
        expect(changes).toContain('Variabeln I09_1_EB heter nu I10_1_EB.');
        // The recoded option is the same answer: no combination changes status.
        expect(audit.behaviour).toEqual([]);
        expect(audit.reasons).toEqual(['Fråga i: Svarsalternativet "Vet ej" (kod 8) har lagts till.']);
    });

    test('added and removed', async () => {
        const d = await load();
        expect(d.indicators.filter((i) => i.status === 'added').map((i) => i.after!.name)).toEqual([
            'Aktuell rutin för att upptäcka spelproblem',
        ]);
        expect(d.indicators.filter((i) => i.status === 'removed').map((i) => i.before!.name)).toEqual([
            'Använder DUDIT för att upptäcka drogrelaterade problem',
        ]);
    });

    test('indicators with only internal renames stay unchanged', async () => {
        const d = await load();
        expect(d.indicators.filter((i) => i.status === 'unchanged').map((i) => i.after!.number)).toEqual([7, 8]);
    });
});

describe('behaviour of arithmetic over counts', () => {
    // 78 % → 79 %: only quotients in [0.78, 0.79) move (11 of 14, 15 of 19, …), counts no sample of
    // 0–5, 10 and 100 holds; the witnesses of both years' comparisons find them.
    test('a threshold moved by one per cent is a change of behaviour, found exactly', async () => {
        const dir = path.join(root, 'examples/constructs');
        const at = (percent: number) => copyWith(dir, (text) => text.replace('är minst 80 %', `är minst ${percent} %`));
        const d = await diff(at(78), at(79));
        const changed = d.indicators.filter((i) => i.behaviour.some((u) => u.changed > 0));
        expect(changed.map((i) => i.after!.number)).toEqual([7]);
        const rows = changed[0].behaviour.flatMap((u) => u.rows);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.from === 'met' && r.to === 'not_met')).toBe(true);
    });

    test('the same threshold written again is no change', async () => {
        const dir = path.join(root, 'examples/constructs');
        const d = await diff(
            dir,
            copyWith(dir, (text) => text),
        );
        expect(d.indicators.filter((i) => i.behaviour.some((u) => u.changed > 0))).toEqual([]);
    });
});
