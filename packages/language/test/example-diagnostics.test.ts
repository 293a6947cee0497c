/**
 * A failing worked example is reported once per mistake: an outcome written once ("ger uppnådd")
 * is checked in every area the indicator is reported for, and failing alike in all of them it is one
 * error naming the areas, not one per area (issue 20 item 13).
 */
import { EmptyFileSystem } from 'langium';
import { clearDocuments, validationHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { AnalysisCodes, createOjServices, type Model } from '../src/index.js';

const services = createOjServices(EmptyFileSystem).Oj;
const validate = validationHelper<Model>(services);
afterEach(() => clearDocuments(services.shared));

const model = (body: string) => `enkät T2019 "Test" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }
indikator 1 "Prov" {
    områden EB, BU, LSS
    redovisas för EB, BU, LSSB, LSSV
    beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
    fråga i Rutin: "Har ni en rutin?" svar JN per område EB, BU, LSSB, LSSV
    fråga ii Uppf: "Följt upp?" svar JN
${body}
}`;

async function failures(body: string): Promise<Diagnostic[]> {
    const { diagnostics } = await validate(model(body));
    return diagnostics.filter((d) => (d.data as { code?: string } | undefined)?.code === AnalysisCodes.ExampleFailed);
}

describe('a failing worked example', () => {
    test('failing alike in every area: one error that lists the areas and the questions that decided', async () => {
        const failed = await failures(`    krävs: Ja på fråga i
    exempel { fråga i = Nej  ger uppnådd }`);
        expect(failed.map((d) => d.message)).toEqual([
            'Exemplet ger "ej uppnådd" för EB, BU, LSSB och LSSV, inte "uppnådd" (avgjort av fråga i=2).',
        ]);
    });

    test('failing differently in some areas: one error per way it fails', async () => {
        const failed = await failures(`    krävs: Ja på fråga i
    för BU krävs: Ja på fråga i och Ja på fråga ii
    exempel { fråga i = Ja  fråga ii = Nej  ger ej uppnådd }`);
        // EB, LSSB and LSSV meet the base rule; BU's own rule is not met, as expected.
        expect(failed.map((d) => d.message)).toEqual([
            'Exemplet ger "uppnådd" för EB, LSSB och LSSV, inte "ej uppnådd" (avgjort av fråga i=1).',
        ]);
    });

    test('failing in one area only: that area, and the variable that decided as the export names it', async () => {
        const failed = await failures(`    krävs: Ja på fråga i
    exempel { fråga i för BU = Nej  fråga i för EB = Ja  fråga i för LSSB = Ja  fråga i för LSSV = Ja  ger uppnådd }`);
        expect(failed.map((d) => d.message)).toEqual([
            'Exemplet ger "ej uppnådd" för BU, inte "uppnådd" (avgjort av T1_1_BU=2).',
        ]);
    });

    test('a passing example: no error', async () => {
        expect(await failures(`    krävs: Ja på fråga i\n    exempel { fråga i = Nej  ger ej uppnådd }`)).toEqual([]);
    });
});
