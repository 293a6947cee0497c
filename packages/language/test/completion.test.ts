/**
 * Completion for each construct of the rules (issue 12): what a methodologist is offered at each
 * point of "minst två av alternativen A–D på fråga ii", of counts and their arithmetic, of
 * per-area parts, of tick boxes in an answer set, and of shares and background measures; and the
 * templates (snippets) offered only where a declaration may start (issue 20).
 */
import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectCompletion, validationHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { CompletionItemKind, InsertTextFormat, type CompletionList } from 'vscode-languageserver';
import { createOjServices, type Model } from '../src/index.js';
import { expandSnippet, OJ_SNIPPETS } from '../src/lsp/oj-snippets.js';

const services = createOjServices(EmptyFileSystem).Oj;
// Completion as VS Code asks for it: snippets supported.
(services.lsp.CompletionProvider as unknown as { clientCapabilities: unknown }).clientCapabilities = {
    completionItem: { snippetSupport: true },
};

afterEach(() => clearDocuments(services.shared));

const HEAD = `enkät T2019 "Test 2019" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
område AO "Äldreomsorg"
område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }
`;

/** An indicator measured in EB and LSS (reported for LSS's groups), with a count question iii and a question of four items. */
const indicator = (part: string) => `${HEAD}
indikator 1 "Prov" {
    områden EB, LSS
    redovisas för EB, LSSB, LSSV
    fråga i Rutin: "Har ni en rutin?" svar JN
    fråga ii Former: "Vilka former?" svar VAL
        alternativ A "Handledning"
        alternativ B "Fortbildning"
        alternativ C "Nätverk"
        alternativ D "Litteratur"
    fråga iii Personer: "Hur många personer?" antal enhet "personer"
    fråga iv Timmar: "Hur många timmar?" antal enhet "timmar"
    ${part}
}`;

const labels = (list: CompletionList) => list.items.map((i) => i.label);
const snippets = (list: CompletionList) => list.items.filter((i) => i.kind === CompletionItemKind.Snippet);

async function complete(text: string): Promise<CompletionList> {
    let result: CompletionList | undefined;
    await expectCompletion(services)({ text, index: 0, assert: (list) => (result = list) });
    return result!;
}

describe('at least N of', () => {
    test('after "minst" the count words, after "minst två av" the word "alternativen"', async () => {
        const afterAtLeast = await complete(indicator('krävs: Vald på minst <|>'));
        expect(labels(afterAtLeast)).toEqual(expect.arrayContaining(['två', 'tre', 'fyra', 'tio']));
        expect(labels(afterAtLeast)).not.toContain('beskrivning');
        const afterOf = await complete(indicator('krävs: Vald på minst två av <|>'));
        expect(labels(afterOf)).toEqual(['alternativen']);
    });

    test('after "alternativen" the items of the question named after the cursor, and the range of all of them', async () => {
        const list = await complete(indicator('krävs: Vald på minst två av alternativen <|> på fråga ii'));
        expect(labels(list)).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D', 'A–D']));
        expect(list.items.find((i) => i.label === 'C')?.detail).toBe('Nätverk');
        expect(list.items.find((i) => i.label === 'A–D')?.detail).toBe('alternativ A till D');
        // With the question not yet written: the items of the indicator's questions that have items.
        const before = await complete(indicator('krävs: Vald på minst två av alternativen <|>'));
        expect(labels(before)).toEqual(expect.arrayContaining(['A', 'D', 'A–D']));
    });
});

describe('counts', () => {
    test('"antal på fråga" offers only the count questions, each with its text', async () => {
        const list = await complete(indicator('krävs: antal på fråga <|>'));
        expect(labels(list)).toEqual(['iii', 'iv']);
        expect(list.items[0].detail).toBe('Hur många personer?');
        const arithmetic = await complete(indicator('krävs: (antal på fråga iii) / (antal på fråga <|>'));
        expect(labels(arithmetic)).toEqual(['iii', 'iv']);
        // An answer condition still offers every question.
        const answer = await complete(indicator('krävs: Ja på fråga <|>'));
        expect(labels(answer)).toEqual(expect.arrayContaining(['i', 'ii', 'iii', 'iv']));
    });

    test('a share of counts ("andel:") offers only the count questions, on both sides of "/"', async () => {
        expect(labels(await complete(indicator('andel: fråga <|>')))).toEqual(['iii', 'iv']);
        expect(labels(await complete(indicator('andel: fråga iii / fråga <|>')))).toEqual(['iii', 'iv']);
    });

    test('a background measure ("mått:") offers only the count questions', async () => {
        expect(labels(await complete(indicator('mått: fråga <|>')))).toEqual(['iii', 'iv']);
        expect(labels(await complete(indicator('mått: (fråga iii + fråga <|>')))).toEqual(['iii', 'iv']);
    });
});

describe('per area', () => {
    test('after "för" in an indicator: its areas and groups, not every area of the survey', async () => {
        const list = await complete(indicator('krävs: Ja på fråga i\n    för <|>'));
        expect(labels(list).sort()).toEqual(['EB', 'LSS', 'LSSB', 'LSSV']);
        expect(list.items.find((i) => i.label === 'LSSB')?.detail).toBe('LSS barn');
        const exclusion = await complete(indicator('krävs: Ja på fråga i\n    för EB, <|>'));
        expect(labels(exclusion).sort()).toEqual(['EB', 'LSS', 'LSSB', 'LSSV']);
    });

    test('in an example answer, after "för": the areas the question is asked for', async () => {
        const text = indicator(
            'fråga v Per: "Per område?" svar JN per område EB, LSSB\n    exempel { fråga v för <|> = Ja  ger uppnådd }',
        );
        expect(labels(await complete(text)).sort()).toEqual(['EB', 'LSSB']);
    });

    test('the parts of the indicator themselves still offer every area ("områden", "redovisas för")', async () => {
        const list = await complete(indicator('redovisas för <|>'));
        expect(labels(list)).toEqual(expect.arrayContaining(['AO', 'BU', 'EB', 'LSSB']));
    });
});

describe('tick boxes', () => {
    test('inside an answer set: the whole phrase "tom ruta räknas som … när någon ruta är ikryssad", with the set\'s options to choose from', async () => {
        const list = await complete(
            `${HEAD}\nsvarsalternativ KRYSS {\n    Vald = 1 "Vald"\n    EjVald = 0 "Ej vald"\n    <|>\n}`,
        );
        const item = list.items.find((i) => i.label.startsWith('tom ruta räknas som'));
        expect(item, JSON.stringify(labels(list))).toBeDefined();
        expect(item!.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(item!.textEdit?.newText).toBe('tom ruta räknas som ${1|Vald,EjVald|} när någon ruta är ikryssad');
        // Not in an indicator.
        expect(labels(await complete(indicator('krävs: Ja på fråga i\n    <|>')))).not.toContain(item!.label);
    });
});

describe('snippets only where a declaration may start', () => {
    const snippetLabels = (list: CompletionList) => snippets(list).map((i) => i.label);

    test('at the top level: the declarations (indicator, answer set, area, shared question), not the parts of an indicator', async () => {
        const list = await complete(`${HEAD}\n<|>`);
        expect(snippetLabels(list).sort()).toEqual(['fråga', 'indikator', 'område', 'svarsalternativ']);
        for (const item of snippets(list)) {
            expect(item.insertTextFormat).toBe(InsertTextFormat.Snippet);
            expect(item.detail, item.label).toMatch(/^Mall: /);
            expect((item.documentation as { value: string }).value).toMatch(/[åäö]/);
        }
    });

    test('at the start of a line in an indicator: a question, a question with items, a worked example', async () => {
        const list = await complete(indicator('krävs: Ja på fråga i\n    <|>'));
        expect(snippetLabels(list).sort()).toEqual(['exempel', 'fråga', 'fråga med alternativ']);
    });

    test('inside a rule: no snippet, after "på fråga " the questions first, with their text', async () => {
        for (const rule of [
            'krävs: <|>',
            'krävs: Ja på fråga <|>',
            'krävs: Ja på fråga i och <|>',
            'utesluts: Nej på fråga <|>',
        ]) {
            const list = await complete(indicator(rule));
            expect(snippets(list), rule).toEqual([]);
        }
        const list = await complete(indicator('krävs: Ja på fråga <|>'));
        const sorted = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        expect(sorted.slice(0, 4).map((i) => i.label)).toEqual(['i', 'ii', 'iii', 'iv']);
        expect(sorted[0].detail).toBe('Har ni en rutin?');
    });

    test('after a word on the same line (a keyword written halfway), no snippet', async () => {
        const list = await complete(indicator('beskrivning "B." <|>'));
        expect(snippets(list)).toEqual([]);
    });

    test('without snippet support in the client, none is offered', async () => {
        const provider = services.lsp.CompletionProvider as unknown as { clientCapabilities: unknown };
        const saved = provider.clientCapabilities;
        provider.clientCapabilities = { completionItem: { snippetSupport: false } };
        try {
            expect(snippets(await complete(`${HEAD}\n<|>`))).toEqual([]);
        } finally {
            provider.clientCapabilities = saved;
        }
    });

    test('expanded as offered, every snippet makes a model without errors', async () => {
        const s = (label: string, where: 'top' | 'indicator') => {
            const snippet = OJ_SNIPPETS.find((x) => x.label === label && x.where === where);
            if (!snippet) throw new Error(`no snippet ${label} (${where})`);
            return expandSnippet(snippet.body);
        };
        const inIndicator = (text: string) => text.replace(/\n/g, '\n    ');
        const indicatorText = s('indikator', 'top').replace(
            /\n {4}\n\}$/,
            `\n    ${inIndicator(s('fråga med alternativ', 'indicator'))}\n    ${s('exempel', 'indicator')}\n}`,
        );
        const text = `enkät T2019 "Test 2019" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla kommuner." nämnare "Svarande kommuner." redovisningsnivåer kommun, riket
}
${s('svarsalternativ', 'top')}
område EB "Ekonomiskt bistånd"
${s('område', 'top')}
${s('fråga', 'top')}
${indicatorText}
`;
        const validate = validationHelper<Model>(services);
        const result = await validate(text);
        const errors = result.diagnostics.filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}: ${d.message}`);
        expect(errors, text).toEqual([]);
        expect(result.document.parseResult.value.elements.map((e) => e.$type)).toEqual([
            'AnswerSet',
            'Area',
            'Area',
            'Question',
            'Indicator',
        ]);
        expect(s('fråga', 'indicator')).toMatch(/^fråga ii \S+: ".*" svar JN$/);
        await clearDocuments(services.shared);
    });

    test('each template is one the grammar starts with its keyword, described in Swedish', () => {
        for (const snippet of OJ_SNIPPETS) {
            expect(expandSnippet(snippet.body).startsWith(snippet.keyword), snippet.label).toBe(true);
            expect(snippet.description, snippet.label).toMatch(/[a-zåäö]/);
        }
    });
});
