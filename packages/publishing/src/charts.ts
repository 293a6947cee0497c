/**
 * Charts for the reports: Vega-Lite specifications compiled to Vega and rendered to SVG on the
 * server (`View.toSVG()`, no browser, no canvas). The marked respondent or län is set apart by a
 * dark bar among light ones (a difference of lightness that survives grey print and every kind of
 * colour blindness) and by its bold label; a dashed rule shows the reference share, named in text.
 */
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

export interface BarDatum {
    label: string;
    /** 0–1; undefined when nothing could be decided (then no bar, and the label says so). */
    share?: number;
    marked: boolean;
    /** The text at the end of the bar, e.g. "63 % (5 av 8)". */
    text: string;
}

export interface BarChart {
    svg: string;
    width: number;
    height: number;
}

export const MARKED_COLOUR = '#1f3a5f';
export const OTHER_COLOUR = '#a9bdd3';
const RULE_COLOUR = '#b3541e';
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';

/** Horizontal bars, one per datum in the order given, shares on a 0–100 % axis. */
export async function barChart(
    data: BarDatum[],
    axisTitle: string,
    reference?: { share: number; label: string },
): Promise<BarChart> {
    const rows = data.map((d, i) => ({
        key: `${String(i).padStart(3, '0')}${d.marked ? '*' : ' '}${d.label}`,
        label: d.label,
        share: d.share ?? null,
        marked: d.marked ? 'ja' : 'nej',
        text: d.text,
    }));
    const y = {
        field: 'key',
        type: 'nominal',
        sort: null,
        title: null,
        // The key keeps the given order, tells equal names apart and marks the unit; the axis shows the name.
        axis: {
            labelExpr: 'substring(datum.value, 4)',
            labelLimit: 190,
            labelFontWeight: { condition: { test: "indexof(datum.value, '*') === 3", value: 'bold' }, value: 'normal' },
        },
    };
    const spec = {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        width: 300,
        // Long lists (Västra Götaland's 49 kommuner and more) get thinner bars.
        height: { step: data.length > 40 ? 12 : 15 },
        background: 'white',
        data: { values: rows },
        layer: [
            {
                mark: { type: 'bar', height: { band: 0.72 } },
                encoding: {
                    y,
                    x: {
                        field: 'share',
                        type: 'quantitative',
                        scale: { domain: [0, 1] },
                        title: axisTitle,
                        axis: {
                            values: [0, 0.25, 0.5, 0.75, 1],
                            labelExpr: "format(datum.value * 100, 'd') + ' %'",
                            grid: true,
                            gridColor: '#e4e4e4',
                        },
                    },
                    color: {
                        field: 'marked',
                        type: 'nominal',
                        scale: { domain: ['nej', 'ja'], range: [OTHER_COLOUR, MARKED_COLOUR] },
                        legend: null,
                    },
                },
            },
            // Each bar's value in a column right of the axis (never crossed by a bar or the rule), bold
            // for the marked bar (two layers: font weight is no encoding channel).
            ...(['nej', 'ja'] as const).map((marked) => ({
                transform: [{ filter: `datum.marked === '${marked}'` }],
                mark: {
                    type: 'text',
                    align: 'left',
                    baseline: 'middle',
                    dx: 8,
                    fontSize: 9,
                    fontWeight: marked === 'ja' ? 'bold' : 'normal',
                },
                encoding: {
                    y,
                    x: { datum: 1, type: 'quantitative', scale: { domain: [0, 1] } },
                    text: { field: 'text' },
                },
            })),
            ...(reference
                ? [
                      {
                          data: { values: [{ share: reference.share, label: reference.label }] },
                          layer: [
                              {
                                  mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 1.5, color: RULE_COLOUR },
                                  encoding: { x: { field: 'share', type: 'quantitative' } },
                              },
                              {
                                  mark: {
                                      type: 'text',
                                      align: 'left',
                                      baseline: 'bottom',
                                      dx: 3,
                                      dy: -2,
                                      fontSize: 9,
                                      color: RULE_COLOUR,
                                      y: 0,
                                  },
                                  encoding: { x: { field: 'share', type: 'quantitative' }, text: { field: 'label' } },
                              },
                          ],
                      },
                  ]
                : []),
        ],
        config: {
            font: FONT,
            axis: { labelFontSize: 9, titleFontSize: 10, labelColor: '#222222', titleColor: '#222222' },
            view: { stroke: null },
        },
    };
    const compiled = vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    const size = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
    return { svg, width: size ? Number(size[1]) : 500, height: size ? Number(size[2]) : 300 };
}
