/**
 * A seeded synthetic indicator model of a given size for benchmarks: shared answer sets, per-area
 * questions with items, alternatives, area variants, exclusions and counts — the shapes of a real year.
 */
export function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const GROUPS = ['EB', 'MB', 'SP', 'VNR', 'BU', 'LSSB', 'LSSV', 'AO'];

export function syntheticModel(indicators: number, seed = 1): string[] {
    const random = mulberry32(seed);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    const header = `enkät SYN "Syntetisk enkät" {
    år 2030
    mätdatum "2030-02-01"
    variabelmönster "S{indikator:03}_{fråga}{del}[_{grupp}]"
    datakälla "Indikatorn baseras på enkätdata."
    målpopulation "Alla Sveriges kommuner samt stadsdelar i Göteborg och Stockholm."
    nämnare "De kommuner och stadsdelar som har svarat."
    redovisningsnivåer stadsdel, kommun, storstad, län, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE_NY { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, då rutinen upprättades nyligen" kort "Ej aktuellt" }
svarsalternativ JNE_OMR { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte i vår socialtjänst/kommun" kort "Ej aktuellt" området saknas }
svarsalternativ JNBE { Ja = 1 "Ja" Nej = 2 "Nej" NejBehovs = 3 "Nej, behövs inte" EjAktuellt = 4 "Ej aktuellt, området finns inte i vår socialtjänst/kommun" kort "Ej aktuellt" området saknas }
svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }
område EB "Ekonomiskt bistånd"
område MB "Missbruk" { rubrik "Missbruks- och beroendevården" }
område SP "Socialpsykiatri"
område VNR "Våld i nära relationer vuxen" { rubrik "Våld i nära relation" }
område BU "Barn och unga" { rubrik "Sociala barn- och ungdomsvården" }
område LSS "LSS" { rubrik "Stöd till personer med funktionsnedsättning LSS" grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }
område AO "Äldreomsorg"
`;
    const parts: string[] = [];
    for (let n = 1; n <= indicators; n++) {
        const shape = random();
        const groups = shape < 0.3 ? [] : GROUPS.filter(() => random() < 0.5).slice(0, 1 + Math.floor(random() * 4));
        const perArea = groups.length > 0 ? ` per område ${groups.join(', ')}` : '';
        const areas =
            groups.length > 0
                ? [...new Set(groups.map((g) => (g.startsWith('LSS') ? 'LSS' : g)))]
                : [pick(['EB', 'MB', 'SP', 'AO'])];
        const lines = [
            `indikator ${n} "Syntetisk indikator ${n} om rutiner och uppföljning" {`,
            `    områden ${areas.join(', ')}`,
            ...(groups.length > 0 ? [`    redovisas för ${groups.join(', ')}`] : []),
            `    beskrivning "Kommunen/stadsdelen har en aktuell rutin (${n})."`,
            '    syfte "Indikatorn belyser om rutiner finns och följs upp."',
            '    önskad riktning positiv "På kommunnivå är positivt resultat önskvärt."',
            `    typ ${pick(['struktur', 'process'])}`,
            `    kvalitetsområde "${pick(['Säker', 'Kunskapsbaserad', 'Individanpassad'])}"`,
        ];
        if (shape < 0.05) {
            lines.push(
                `    fråga i Antal${n}: "Hur många ärenden?" antal${perArea}`,
                `    fråga ii Total${n}: "Hur många totalt?" antal${perArea}`,
                '    andel: fråga i / fråga ii',
            );
        } else {
            const firstSet = pick(['JNE_OMR', 'JNBE', 'JN']);
            lines.push(`    fråga i Rutin${n}: "Har ni (mätdatum) en skriftlig rutin?" svar ${firstSet}${perArea}`);
            const withItems = random() < 0.4;
            if (withItems)
                lines.push(
                    `    fråga ii Delar${n}: "Innehåller rutinen följande delar?" svar ${pick(['JN', 'VAL'])}${perArea}`,
                    '        alternativ A "Del A"',
                    '        alternativ B "Del B"',
                    '        alternativ C "Del C"',
                );
            else lines.push(`    fråga ii Uppf${n}: "Har ni följt upp rutinen?" svar JNE_NY${perArea}`);
            const accept = firstSet === 'JNBE' ? 'Ja eller NejBehovs' : 'Ja';
            const itemSet = lines.some((l) => l.includes(`Delar${n}: "Innehåller rutinen följande delar?" svar VAL`))
                ? 'Vald'
                : 'Ja';
            const second = withItems ? `${itemSet} på fråga ii A, B` : 'Ja eller EjAktuellt på fråga ii';
            lines.push(
                `    krävs: ${accept} på fråga i och ${second}${random() < 0.2 ? ` ELLER ${accept} på fråga i och ${withItems ? `${itemSet} på samtliga alternativ av fråga ii` : 'Ja på fråga ii'}` : ''}`,
            );
            if (withItems && groups.includes('BU') && random() < 0.5)
                lines.push(`    för BU krävs: ${accept} på fråga i och ${itemSet} på samtliga alternativ av fråga ii`);
            if (firstSet !== 'JN') lines.push('    utesluts: EjAktuellt på fråga i');
        }
        lines.push('}');
        parts.push(lines.join('\n'));
    }
    return [header + '\n' + parts.join('\n\n') + '\n'];
}
