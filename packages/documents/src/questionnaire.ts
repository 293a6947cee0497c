/**
 * The questionnaire ("Wordformulär för insamling av uppgifter internt inom kommunen/stadsdelen"):
 * the survey's questions in survey order with answer boxes and the variable name of every answer,
 * built from the same models as the description document. A municipality fills it in internally
 * before entering the answers in the survey tool.
 */
import {
    type Indicator,
    type IndicatorQuestion,
    type Model,
    type Question,
    type QuestionItem,
    type ReportingUnit,
    type Survey,
    isIndicator,
    isPerArea,
    isPrintedDocument,
    optionsOf,
    printedOptionLabel,
    questionNumber,
    questionOf,
    surveyOfModel,
    unitLabel,
    unitsOfQuestion,
    variableFor,
} from '@oj/language';
import {
    AlignmentType,
    CheckBox,
    Document,
    HeadingLevel,
    Packer,
    Paragraph,
    Table,
    TableRow,
    TextRun,
    WidthType,
    TableLayoutType,
} from 'docx';
import { A4, MARGIN, TEXT_WIDTH, cell, coreProperties, footer, swedishSettings, wordStyles, bulletNumbering } from './docx.js';
import { renumberBookmarks, reproduciblePackage } from './docx-package.js';
import { type HtmlOptions, renderHtml } from './html.js';
import type { DataTable, DescriptionDocument, DocumentSection, SectionContent } from './model.js';
import { renderPdf } from './pdf.js';
import { cleanText, parseIsoDate, swedishDate } from './text.js';
import { COLOURS } from './theme.js';

/** One answer: a survey variable, and what its row is about (an area, a part of the question). */
export interface AnswerRow {
    /** "Ekonomiskt bistånd", "A. Att ni aktivt söker upp …", or both joined by " – "; empty for a single answer. */
    label: string;
    variable: string;
}

export interface QuestionnaireQuestion {
    id: string;
    /** "Indikator 2, fråga i" */
    heading: string;
    /** The indicators the answers are used for: "2. Aktuell rutin för …". */
    usedBy: string[];
    text: string;
    kind: 'options' | 'multipleChoice' | 'numeric';
    /**
     * Answer options of an options question: the label as this question prints it, and the short
     * label ("kort") that heads its column, so that no column header has to break inside a word.
     */
    options: Array<{ code: number; label: string; short: string }>;
    /** Options questions and numeric questions: one row per variable. */
    rows: AnswerRow[];
    /** Multiple choice: rows per area (or one row), a column per item, a variable per cell. */
    choices?: { columns: string[]; rows: Array<{ label: string; variables: string[] }> };
}

export interface QuestionnairePart {
    id: string;
    title: string;
    questions: QuestionnaireQuestion[];
}

export interface Questionnaire {
    language: 'sv-SE';
    title: string;
    subtitle?: string;
    publisher: string;
    description: string;
    runningTitle: string;
    date: Date;
    introduction: string[];
    parts: QuestionnairePart[];
}

export interface QuestionnaireOptions {
    title?: string;
    publisher?: string;
    date?: Date;
}

interface Use {
    question: Question;
    indicator: Indicator;
    slot: IndicatorQuestion;
}

/**
 * The survey's dates put into a question where it says "(mätdatum)" or "(12 mån)": a respondent
 * filling in the form reads the dates, not the placeholders the survey tool fills in.
 */
export function withSurveyDates(text: string, survey: Survey | undefined): string {
    const iso = cleanText(survey?.measurementDate);
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!match) return text;
    const measured = swedishDate(iso);
    const yearBefore = swedishDate(`${Number(match[1]) - 1}-${match[2]}-${match[3]}`);
    return text
        .replace(/\s*\(mätdatum\)/g, ` (${measured})`)
        .replace(/\s*\(12 (?:mån|månader)\)/g, ` (${yearBefore}–${measured})`)
        .replace(/\(datum 12 mån innan\)/g, yearBefore);
}

/** The questionnaire of the models' survey: every question an indicator uses, once, in survey order. */
export function buildQuestionnaire(models: Model[], options: QuestionnaireOptions = {}): Questionnaire {
    let survey: Survey | undefined;
    let publisher: string | undefined;
    const indicators: Indicator[] = [];
    for (const model of models) {
        survey ??= surveyOfModel(model);
        indicators.push(...model.elements.filter(isIndicator));
        publisher ??= model.elements.find(isPrintedDocument)?.publisher;
    }
    indicators.sort((a, b) => a.number - b.number);

    // Each question once, with every indicator that uses it, in the order indicators and numerals give.
    const uses = new Map<Question, Use[]>();
    for (const indicator of indicators) {
        for (const slot of [...indicator.questions].sort((a, b) => questionNumber(a) - questionNumber(b))) {
            const question = questionOf(slot);
            if (!question) continue;
            const list = uses.get(question) ?? [];
            list.push({ question, indicator, slot });
            uses.set(question, list);
        }
    }
    const surveyParts = survey?.parts ?? [];
    const groups = new Map<string, QuestionnairePart>();
    const partOrder = (id: string) => {
        const index = surveyParts.findIndex((p) => p.name === id);
        return index < 0 ? surveyParts.length : index;
    };
    const anyPart = [...uses.keys()].some((q) => q.part?.ref);
    let n = 0;
    for (const [question, list] of uses) {
        const part = question.part?.ref;
        const key = part?.name ?? '';
        let group = groups.get(key);
        if (!group) {
            group = {
                id: part ? `del-${part.name.toLowerCase()}` : 'fragor',
                title: part ? cleanText(part.title) : anyPart ? 'Övriga frågor' : 'Frågor',
                questions: [],
            };
            groups.set(key, group);
        }
        group.questions.push(questionEntry(question, list, ++n, survey));
    }
    const parts = [...groups.entries()].sort(([a], [b]) => partOrder(a) - partOrder(b)).map(([, g]) => g);

    const surveyTitle = cleanText(survey?.title);
    const year = survey?.year;
    const title =
        cleanText(options.title) ||
        `Formulär för insamling av uppgifter internt inom kommunen/stadsdelen${surveyTitle ? ` – ${surveyTitle}` : ''}`;
    const introduction = [
        'Formuläret kan användas för att samla in uppgifter internt inom kommunen eller stadsdelen innan svaren lämnas i enkäten. Frågorna står i enkätens ordning.',
        'Kryssa i ett svar per rad. Variabelnamnet anger var svaret hör hemma när det förs in i enkäten och i resultatfilerna.',
    ];
    if (survey?.measurementDate)
        introduction.push(
            `Mätdatum är den ${swedishDate(cleanText(survey.measurementDate))}.${survey.period ? ` Frågor om en period avser ${cleanText(survey.period)}.` : ''}`,
        );
    return {
        language: 'sv-SE',
        title,
        subtitle: surveyTitle || undefined,
        // The description document's publisher publishes its form too.
        publisher: cleanText(options.publisher) || cleanText(publisher) || 'Öppna jämförelser',
        description: `Frågorna i ${surveyTitle || 'enkäten'} med svarsrutor och variabelnamn`,
        runningTitle: (surveyTitle ? `FORMULÄR – ${surveyTitle}` : 'FORMULÄR').toLocaleUpperCase('sv'),
        date: options.date ?? parseIsoDate(survey?.measurementDate) ?? new Date(Date.UTC(year ?? 2000, 0, 1)),
        introduction,
        parts,
    };
}

function questionEntry(question: Question, uses: Use[], n: number, survey: Survey | undefined): QuestionnaireQuestion {
    const first = uses[0];
    const context = first.slot.declared ? { indicator: first.indicator, slot: first.slot } : {};
    const units: Array<ReportingUnit | undefined> = isPerArea(question) ? unitsOfQuestion(question) : [undefined];
    const items: Array<QuestionItem | undefined> = question.items.length > 0 ? question.items : [undefined];
    const unitText = (u: ReportingUnit | undefined) => (u ? cleanText(unitLabel(u)) : '');
    const itemText = (i: QuestionItem | undefined) => (i ? `${i.name}. ${cleanText(i.text)}` : '');
    const variable = (item: QuestionItem | undefined, unit: ReportingUnit | undefined) =>
        variableFor(question, item, unit, context) ?? '';
    const numerals = [...new Set(uses.map((u) => u.slot.name))];
    const heading =
        uses.length === 1 || first.slot.declared
            ? `Indikator ${first.indicator.number}, fråga ${first.slot.name}`
            : `Fråga ${numerals.join('/')} för indikator ${[...new Set(uses.map((u) => u.indicator.number))].join(', ')}`;
    const entry: QuestionnaireQuestion = {
        id: `fraga-${n}`,
        heading,
        usedBy: [
            ...new Map(uses.map((u) => [u.indicator.number, `${u.indicator.number}. ${cleanText(u.indicator.name)}`])).values(),
        ],
        text: withSurveyDates(cleanText(question.text), survey),
        kind: question.multipleChoice ? 'multipleChoice' : question.numeric ? 'numeric' : 'options',
        options: optionsOf(question).map((o) => ({
            code: o.code,
            label: cleanText(printedOptionLabel(question, o)),
            short: cleanText(o.shortLabel ?? o.label),
        })),
        rows: [],
    };
    if (entry.kind === 'multipleChoice') {
        entry.choices = {
            columns: items.map((i) => itemText(i) || 'Vald'),
            rows: units.map((u) => ({ label: unitText(u), variables: items.map((i) => variable(i, u)) })),
        };
    } else {
        for (const unit of units) {
            for (const item of items) {
                entry.rows.push({
                    label: [unitText(unit), itemText(item)].filter(Boolean).join(' – '),
                    variable: variable(item, unit),
                });
            }
        }
    }
    return entry;
}

// ---------------------------------------------------------------- Word

const small = (text: string, options: { bold?: boolean; color?: string; align?: 'right' | 'center' } = {}) =>
    new Paragraph({
        style: 'Tabelltext',
        alignment:
            options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : undefined,
        children: [new TextRun({ text, bold: options.bold || undefined, color: options.color })],
    });

/** A checkbox content control; its alias is what a screen reader announces. */
function box(alias: string, caption?: string): Paragraph {
    return new Paragraph({
        style: 'Tabelltext',
        alignment: AlignmentType.CENTER,
        children: [
            new CheckBox({ alias }),
            ...(caption ? [new TextRun({ text: ` ${caption}`, size: 14, color: COLOURS.muted })] : []),
        ],
    });
}

function answerTable(q: QuestionnaireQuestion): Table {
    if (q.kind === 'multipleChoice' && q.choices) {
        const { columns, rows } = q.choices;
        const hasLabels = rows.some((r) => r.label);
        const labelWidth = hasLabels ? 2600 : 0;
        const colWidth = Math.floor((TEXT_WIDTH - labelWidth) / columns.length);
        const widths = [...(hasLabels ? [labelWidth] : []), ...columns.map(() => colWidth)];
        return new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            rows: [
                new TableRow({
                    tableHeader: true,
                    cantSplit: true,
                    children: [
                        ...(hasLabels
                            ? [cell([small('Område', { bold: true })], { fill: COLOURS.band, width: labelWidth })]
                            : []),
                        ...columns.map((c) => cell([small(c, { bold: true })], { fill: COLOURS.band, width: colWidth })),
                    ],
                }),
                ...rows.map(
                    (r) =>
                        new TableRow({
                            cantSplit: true,
                            children: [
                                ...(hasLabels ? [cell([small(r.label)], { width: labelWidth })] : []),
                                ...r.variables.map((v, i) =>
                                    cell([box(`${r.label ? `${r.label}: ` : ''}${columns[i]} (${v})`, v)], { width: colWidth }),
                                ),
                            ],
                        }),
                ),
            ],
        });
    }
    const hasLabels = q.rows.some((r) => r.label);
    const variableWidth = 1500;
    const answerColumns = q.kind === 'numeric' ? ['Antal'] : q.options.map((o) => o.short);
    const labelWidth = hasLabels ? Math.max(2200, TEXT_WIDTH - variableWidth - answerColumns.length * 1300) : 0;
    const answerWidth = Math.floor((TEXT_WIDTH - labelWidth - variableWidth) / Math.max(1, answerColumns.length));
    const widths = [...(hasLabels ? [labelWidth] : []), ...answerColumns.map(() => answerWidth), variableWidth];
    const header = new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
            ...(hasLabels ? [cell([small('Avser', { bold: true })], { fill: COLOURS.band, width: labelWidth })] : []),
            ...answerColumns.map((c) =>
                cell([small(c, { bold: true, align: 'center' })], { fill: COLOURS.band, width: answerWidth }),
            ),
            cell([small('Variabel', { bold: true })], { fill: COLOURS.band, width: variableWidth }),
        ],
    });
    const body = q.rows.map(
        (r) =>
            new TableRow({
                cantSplit: true,
                children: [
                    ...(hasLabels ? [cell([small(r.label)], { width: labelWidth })] : []),
                    ...(q.kind === 'numeric'
                        ? [cell([small('')], { width: answerWidth })]
                        : q.options.map((o) =>
                              cell([box(`${r.label ? `${r.label}: ` : ''}${o.label} (${r.variable} = ${o.code})`)], {
                                  width: answerWidth,
                              }),
                          )),
                    cell([small(r.variable, { color: COLOURS.muted })], { width: variableWidth }),
                ],
            }),
    );
    return new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        rows: [header, ...body],
    });
}

/** Renders the questionnaire as a Word form with checkbox controls. The same source gives the same bytes. */
export async function renderQuestionnaireDocx(questionnaire: Questionnaire): Promise<Buffer> {
    const children: Array<Paragraph | Table> = [
        new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 0 }, children: [new TextRun(questionnaire.title)] }),
        ...questionnaire.introduction.map((t) => new Paragraph({ children: [new TextRun(t)] })),
        new Paragraph({ children: [new TextRun({ text: 'Kommun/stadsdel: ', bold: true }), new TextRun('……………………………………')] }),
        new Paragraph({ children: [new TextRun({ text: 'Ifyllt av: ', bold: true }), new TextRun('……………………………………')] }),
    ];
    for (const part of questionnaire.parts) {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(part.title)] }));
        for (const q of part.questions) {
            children.push(
                new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(q.heading)] }),
                new Paragraph({ keepNext: true, children: [new TextRun({ text: q.text, bold: true })] }),
                ...(q.kind === 'options'
                    ? [new Paragraph({ keepNext: true, children: [new TextRun({ text: optionsLegend(q), size: 18 })] })]
                    : []),
                new Paragraph({
                    keepNext: true,
                    children: [new TextRun({ text: `Används för: ${q.usedBy.join('; ')}`, size: 18, color: COLOURS.muted })],
                }),
                answerTable(q),
                new Paragraph({ spacing: { after: 120 }, children: [] }),
            );
        }
    }
    const document = new Document({
        ...coreProperties(questionnaire),
        styles: wordStyles(),
        numbering: bulletNumbering,
        sections: [
            {
                properties: { page: { size: A4, margin: MARGIN } },
                footers: { default: footer(questionnaire.runningTitle) },
                children,
            },
        ],
    });
    const packed = await Packer.toBuffer(document);
    return reproduciblePackage(packed, {
        date: questionnaire.date,
        parts: { 'word/settings.xml': swedishSettings, 'word/document.xml': renumberBookmarks },
    });
}

/** "Svarsalternativ: 1 Ja, 2 Nej, 3 Ej aktuellt, området finns inte i vår socialtjänst/kommun": the full labels with their codes. */
export function optionsLegend(q: QuestionnaireQuestion): string {
    return `Svarsalternativ: ${q.options.map((o) => `${o.code} = ${o.label}`).join('; ')}`;
}

// ---------------------------------------------------------------- the generic document: PDF and HTML

const BOX = '\u2610';

function answerDataTable(q: QuestionnaireQuestion): DataTable {
    if (q.kind === 'multipleChoice' && q.choices) {
        const { columns, rows } = q.choices;
        return {
            kind: 'table',
            id: `${q.id}-svar`,
            caption: `Svar på ${q.heading.charAt(0).toLocaleLowerCase('sv')}${q.heading.slice(1)} (kryssa i de alternativ som gäller)`,
            columns: ['Avser', ...columns],
            rows: rows.map((r) => [r.label || 'Svar', ...r.variables.map((v) => `${BOX} ${v}`)]),
            align: ['left', ...columns.map(() => 'left' as const)],
            widths: [0.24, ...columns.map(() => 0.76 / columns.length)],
        };
    }
    const answers = q.kind === 'numeric' ? ['Antal'] : q.options.map((o) => o.short);
    return {
        kind: 'table',
        id: `${q.id}-svar`,
        caption: `Svar på ${q.heading.charAt(0).toLocaleLowerCase('sv')}${q.heading.slice(1)}`,
        columns: ['Avser', ...answers, 'Variabel'],
        rows: q.rows.map((r) => [r.label || 'Svar', ...(q.kind === 'numeric' ? [''] : q.options.map(() => BOX)), r.variable]),
        align: ['left', ...answers.map(() => 'center' as const), 'left'],
        widths: [0.4, ...answers.map(() => 0.42 / answers.length), 0.18],
    };
}

/**
 * The questionnaire as the generic document model, so that it renders to PDF and HTML as the
 * description does (Word has its own form, renderQuestionnaireDocx, with real checkboxes).
 */
export function questionnaireDocument(questionnaire: Questionnaire): DescriptionDocument {
    const intro: DocumentSection = {
        id: 'om-formularet',
        level: 1,
        title: 'Om formuläret',
        newPage: true,
        subsections: [],
        content: [
            ...questionnaire.introduction.map((text) => ({ kind: 'paragraph' as const, text })),
            { kind: 'paragraph', text: 'Kommun/stadsdel: ……………………………………', emphasis: 'strong' },
            { kind: 'paragraph', text: 'Ifyllt av: ……………………………………', emphasis: 'strong' },
        ],
    };
    const parts = questionnaire.parts.map((part, i): DocumentSection => ({
        id: part.id,
        level: 1,
        title: part.title,
        newPage: i === 0,
        subsections: [],
        content: part.questions.flatMap((q): SectionContent[] => [
            { kind: 'heading', text: q.heading },
            { kind: 'paragraph', text: q.text, emphasis: 'strong' },
            ...(q.kind === 'options' ? [{ kind: 'paragraph' as const, text: optionsLegend(q) }] : []),
            { kind: 'paragraph', text: `Används för: ${q.usedBy.join('; ')}` },
            answerDataTable(q),
        ]),
    }));
    return {
        language: questionnaire.language,
        title: questionnaire.title,
        subtitle: questionnaire.subtitle,
        publisher: questionnaire.publisher,
        description: questionnaire.description,
        runningTitle: questionnaire.runningTitle,
        date: questionnaire.date,
        contents: false,
        sections: [intro, ...parts],
    };
}

/** The questionnaire as a tagged PDF/UA-1 file. */
export function renderQuestionnairePdf(questionnaire: Questionnaire): Promise<Buffer> {
    return renderPdf(questionnaireDocument(questionnaire));
}

/** The questionnaire as an HTML page (or fragment), with the description's style sheet and policy. */
export function renderQuestionnaireHtml(questionnaire: Questionnaire, options: HtmlOptions = {}): string {
    return renderHtml(questionnaireDocument(questionnaire), options);
}
