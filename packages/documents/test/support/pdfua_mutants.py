#!/usr/bin/env python3
"""Test PDFs for the PDF/UA checker: a conforming PDF with exactly one requirement broken per file.

    python3 pdfua_mutants.py GOOD.pdf OUT_DIR      # writes OUT_DIR/<check>.pdf for every check

Each mutant breaks the requirement its name gives and nothing else, so a test can assert that the
checker reports that check (and only that one) for it.
"""
import re
import sys
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name


def elements(pdf):
    """Every structure element, depth first."""
    out = []

    def visit(element):
        if not isinstance(element, Dictionary):
            return
        if '/S' in element:
            out.append(element)
        kids = element.get('/K')
        for kid in (list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []):
            if isinstance(kid, Dictionary) and '/S' in kid:
                visit(kid)

    visit(pdf.Root.StructTreeRoot)
    return out


def first(pdf, type_name):
    return next(e for e in elements(pdf) if str(e.S) == f'/{type_name}')


def marked(pdf):
    pdf.Root.MarkInfo.Marked = False


def struct_tree(pdf):
    del pdf.Root.StructTreeRoot['/ParentTree']


def role_map(pdf):
    # A private type that nothing maps to a standard type.
    first(pdf, 'P').S = Name('/Stycke')


def lang(pdf):
    del pdf.Root['/Lang']


def title(pdf):
    pdf.Root.ViewerPreferences.DisplayDocTitle = False


def pdfuaid(pdf):
    data = pdf.Root.Metadata.read_bytes().decode('utf-8')
    data = re.sub(r'<pdfuaid:part>\s*1\s*</pdfuaid:part>', '', data)
    pdf.Root.Metadata.write(data.encode('utf-8'))


def figure_alt(pdf):
    document = first(pdf, 'Document')
    figure = pdf.make_indirect(Dictionary(Type=Name('/StructElem'), S=Name('/Figure'), P=document, K=Array()))
    kids = document.K
    if not isinstance(kids, Array):
        document.K = Array([kids])
    document.K.append(figure)


def fonts(pdf):
    for page in pdf.pages:
        for _key, font in page.obj.Resources.Font.items():
            if '/ToUnicode' in font:
                del font['/ToUnicode']
                return


def tabs(pdf):
    for page in pdf.pages:
        if '/Annots' in page.obj and len(page.obj.Annots) > 0:
            del page.obj['/Tabs']
            return
    raise SystemExit('no page with annotations to break')


def tagged_content(pdf):
    # A rule drawn outside any marked-content sequence.
    page = pdf.pages[0]
    page.contents_add(pdf.make_stream(b'q 0 0 m 10 10 l S Q'), prepend=False)


def headings(pdf):
    # The first heading below the top level jumps two levels down.
    levels = [e for e in elements(pdf) if re.fullmatch(r'/H[1-6]', str(e.S))]
    top = min(int(str(e.S)[2]) for e in levels)
    deeper = next(e for e in levels if int(str(e.S)[2]) == top + 1)
    deeper.S = Name(f'/H{top + 3}')


def tables(pdf):
    th = first(pdf, 'TH')
    del th['/A']


MUTANTS = {
    'marked': marked,
    'struct-tree': struct_tree,
    'role-map': role_map,
    'lang': lang,
    'title': title,
    'pdfuaid': pdfuaid,
    'figure-alt': figure_alt,
    'fonts': fonts,
    'tabs': tabs,
    'tagged-content': tagged_content,
    'headings': headings,
    'tables': tables,
}


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    good, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for check, mutate in MUTANTS.items():
        with pikepdf.open(good) as pdf:
            mutate(pdf)
            pdf.save(out / f'{check}.pdf')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
