/**
 * Templates of whole declarations, offered by the completion only where the grammar expects the
 * declaration's first keyword at the start of a line. They were VS Code snippets contributed by the
 * extension, which the editor offers everywhere (inside a rule too, where they break it): the
 * language server knows where a declaration may start.
 */

/** Where a template may be inserted: at the top level of a file, or among an indicator's parts. */
export type SnippetPlace = 'top' | 'indicator';

export interface OjSnippet {
    /** What the list shows and filters on; a keyword, so that typing the keyword finds it. */
    label: string;
    /** The keyword the template starts with, as the grammar offers it next. */
    keyword: string;
    /** The parser rule that keyword belongs to (another rule's same word, as in "på fråga", gets no template). */
    rule: string;
    where: SnippetPlace;
    /** Shown beside the label: "Mall: …". */
    title: string;
    description: string;
    /** LSP snippet syntax, lines joined by \n, indented with \t. */
    body: string;
}

const QUALITY_AREAS = [
    'Kunskapsbaserad',
    'Säker',
    'Individanpassad',
    'Självbestämmande och integritet',
    'Tillgänglig',
    'Effektiv',
    'Jämlik',
    'Helhetssyn och samordning',
    'Trygghet',
    'God kvalitet',
];

export const OJ_SNIPPETS: readonly OjSnippet[] = [
    {
        label: 'indikator',
        keyword: 'indikator',
        rule: 'Indicator',
        where: 'top',
        title: 'ny indikator',
        description: 'En ny indikator: områden, beskrivning, typ, kvalitetsområde, en fråga och kravet för att uppnå den.',
        body: [
            'indikator ${1:11} "${2:Indikatorns namn}" {',
            '\tområden ${3:EB}',
            '\tbeskrivning "${4:Kommunen/stadsdelen har en aktuell, skriftlig rutin för …}"',
            '\ttyp ${5|struktur,process,resultat|}',
            `\tkvalitetsområde "\${6|${QUALITY_AREAS.join(',')}|}"`,
            '\tfråga i ${7:RutinId}: "${8:Har ni en aktuell, skriftlig rutin för …?}" svar ${9:JN}',
            '\tkrävs: ${10:Ja} på fråga i',
            '\t$0',
            '}',
        ].join('\n'),
    },
    {
        label: 'svarsalternativ',
        keyword: 'svarsalternativ',
        rule: 'AnswerSet',
        where: 'top',
        title: 'nya svarsalternativ',
        description: 'En uppsättning svarsalternativ med koder och etiketter som i enkätexporten.',
        body: ['svarsalternativ ${1:JN} {', '\t${2:Ja} = ${3:1} "${4:Ja}"', '\t${5:Nej} = ${6:2} "${7:Nej}"', '\t$0', '}'].join(
            '\n',
        ),
    },
    {
        label: 'område',
        keyword: 'område',
        rule: 'Area',
        where: 'top',
        title: 'nytt område',
        description: 'Ett område inom socialtjänsten med rubrik och redovisningsgrupper.',
        body: [
            'område ${1:LSS} "${2:LSS}" {',
            '\trubrik "${3:Stöd till personer med funktionsnedsättning LSS}"',
            '\tgrupp ${4:LSSB} "${5:LSS barn}"',
            '\tgrupp ${6:LSSV} "${7:LSS vuxna}"',
            '}$0',
        ].join('\n'),
    },
    {
        label: 'fråga',
        keyword: 'fråga',
        rule: 'Question',
        where: 'top',
        title: 'ny delad fråga',
        description:
            'En fråga som flera indikatorer delar, med sitt eget variabelnamn; en indikator använder den som "fråga ii = Namn".',
        body: 'fråga ${1:DeladRutin}: "${2:Har ni …?}" svar ${3:JN} variabel "${4:G01_1}"$0',
    },
    {
        label: 'fråga',
        keyword: 'fråga',
        rule: 'IndicatorQuestion',
        where: 'indicator',
        title: 'ny fråga',
        description: 'En fråga i indikatorn, numrerad i, ii, iii, med sina svarsalternativ.',
        body: 'fråga ${1:ii} ${2:FråganId}: "${3:Har ni …?}" svar ${4:JN}$0',
    },
    {
        label: 'fråga med alternativ',
        keyword: 'fråga',
        rule: 'IndicatorQuestion',
        where: 'indicator',
        title: 'ny fråga med alternativ',
        description: 'En fråga med delfrågor (alternativ A, B, …), t.ex. flerval.',
        body: [
            'fråga ${1:ii} ${2:FråganId}: "${3:Vilka av följande …?}" svar ${4:JN}',
            '\talternativ ${5:A} "${6:Första alternativet}"',
            '\talternativ ${7:B} "${8:Andra alternativet}"$0',
        ].join('\n'),
    },
    {
        label: 'exempel',
        keyword: 'exempel',
        rule: 'Example',
        where: 'indicator',
        title: 'nytt exempel',
        description: 'Ett räknat exempel: svar och förväntat utfall, som kontrolleras medan du skriver.',
        body: 'exempel "${1:Ja på i ger uppnådd}" { fråga ${2:i} = ${3:Ja}  ger ${4|uppnådd,ej uppnådd,utesluten,saknas|} }$0',
    },
];

/**
 * What the editor inserts when every placeholder is accepted as offered (defaults, first choices),
 * indented with four spaces: for the documentation shown beside a template, and for tests.
 */
export function expandSnippet(body: string): string {
    return body
        .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '')
        .replace(/\t/g, '    ');
}
