#!/usr/bin/env python3
"""The machine-checkable part of PDF/UA-1 (ISO 14289-1), checked on a PDF's own objects with pikepdf.

There is no veraPDF here; this covers what a program can decide without a person reading the
document (the Matterhorn Protocol's machine checks that matter for the documents this project
writes). Usage:

    python3 pdfua.py FILE.pdf [FILE.pdf ...]      # prints one JSON object per file, exit 1 on failures

Each failure is {"check": <id>, "message": <text>}; the check ids are listed in CHECKS.
"""
import json
import sys
from xml.etree import ElementTree

import pikepdf
from pikepdf import Array, Dictionary, Name

# The check ids, in the order they are reported, with what each one requires.
CHECKS = {
    'marked': 'the catalog has /MarkInfo with /Marked true',
    'struct-tree': 'the catalog has a /StructTreeRoot with a /ParentTree',
    'role-map': 'every structure type is a standard type or role-maps to one (no cycles)',
    'lang': 'the catalog has a non-empty /Lang',
    'title': '/ViewerPreferences /DisplayDocTitle true and a non-empty dc:title in the XMP',
    'pdfuaid': 'the XMP metadata declares pdfuaid:part 1',
    'figure-alt': 'every Figure has /Alt (or /ActualText)',
    'fonts': 'every font is embedded and has a /ToUnicode map',
    'tabs': 'every page with annotations has /Tabs /S',
    'tagged-content': 'every content item is in a marked-content sequence with an MCID in the structure tree, or an Artifact',
    'headings': 'headings (H1–H6) do not skip a level going down',
    'tables': 'every Table has a TH, and every TH has a /Scope',
}

# Standard structure types of ISO 32000-1, 14.8.4.
STANDARD_TYPES = {
    'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index',
    'NonStruct', 'Private', 'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody',
    'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot', 'Span', 'Quote', 'Note', 'Reference',
    'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP', 'Figure',
    'Formula', 'Form',
}

TEXT_OPERATORS = {'Tj', 'TJ', "'", '"'}
PAINT_OPERATORS = {'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'INLINE IMAGE'}


PDFUAID = 'http://www.aiim.org/pdfua/ns/id/'
DC = 'http://purl.org/dc/elements/1.1/'
RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'


def xmp_values(data):
    """pdfuaid:part and dc:title from an XMP packet, as element or as attribute (both are allowed)."""
    try:
        root = ElementTree.fromstring(data.strip().lstrip(b'\xef\xbb\xbf'))
    except ElementTree.ParseError:
        return None, None
    part = None
    for description in root.iter(f'{{{RDF}}}Description'):
        if f'{{{PDFUAID}}}part' in description.attrib:
            part = description.attrib[f'{{{PDFUAID}}}part'].strip()
    for element in root.iter(f'{{{PDFUAID}}}part'):
        part = (element.text or '').strip()
    title = None
    for element in root.iter(f'{{{DC}}}title'):
        title = ' '.join(t.strip() for t in element.itertext() if t.strip()) or None
    return part, title


def name_of(value):
    return str(value)[1:] if isinstance(value, Name) else None


def text_of(value):
    try:
        return str(value)
    except Exception:  # pragma: no cover - a broken string object
        return ''


class Checker:
    def __init__(self, pdf):
        self.pdf = pdf
        self.failures = []
        self.root = pdf.Root
        self.role_map = {}

    def fail(self, check, message):
        self.failures.append({'check': check, 'message': message})

    # ------------------------------------------------------------ document level

    def catalog(self):
        mark_info = self.root.get('/MarkInfo')
        if not isinstance(mark_info, Dictionary) or mark_info.get('/Marked') is not True:
            self.fail('marked', 'the catalog has no /MarkInfo << /Marked true >>')
        tree = self.root.get('/StructTreeRoot')
        if not isinstance(tree, Dictionary):
            self.fail('struct-tree', 'the catalog has no /StructTreeRoot')
        elif not isinstance(tree.get('/ParentTree'), Dictionary):
            self.fail('struct-tree', 'the /StructTreeRoot has no /ParentTree')
        lang = self.root.get('/Lang')
        if lang is None or not text_of(lang).strip():
            self.fail('lang', 'the catalog has no /Lang')
        prefs = self.root.get('/ViewerPreferences')
        if not isinstance(prefs, Dictionary) or prefs.get('/DisplayDocTitle') is not True:
            self.fail('title', '/ViewerPreferences /DisplayDocTitle is not true')

    def metadata(self):
        if '/Metadata' not in self.root:
            self.fail('pdfuaid', 'the catalog has no XMP /Metadata stream')
            self.fail('title', 'no XMP metadata, so no dc:title')
            return
        part, title = xmp_values(bytes(self.root.Metadata.read_bytes()))
        if part != '1':
            self.fail('pdfuaid', f'pdfuaid:part is {part!r}, not 1')
        if not title:
            self.fail('title', 'the XMP metadata has no dc:title')

    # ------------------------------------------------------------ structure tree

    def structure(self):
        tree = self.root.get('/StructTreeRoot')
        if not isinstance(tree, Dictionary):
            return {}
        role_map = tree.get('/RoleMap')
        if isinstance(role_map, Dictionary):
            self.role_map = {str(k)[1:]: name_of(v) for k, v in role_map.items()}
        mcids = {}  # page objgen -> set of MCIDs referenced from the tree
        headings = []
        seen = set()

        def standard(type_name):
            chain = []
            current = type_name
            while current not in STANDARD_TYPES:
                if current in chain or current not in self.role_map or self.role_map[current] is None:
                    return None
                chain.append(current)
                current = self.role_map[current]
            return current

        def visit(element, page):
            if not isinstance(element, Dictionary):
                return
            key = element.objgen
            if key != (0, 0):
                if key in seen:
                    return
                seen.add(key)
            own_page = element.get('/Pg')
            if isinstance(own_page, Dictionary):
                page = own_page
            raw = name_of(element.get('/S'))
            if raw is not None:
                resolved = standard(raw)
                if resolved is None:
                    self.fail('role-map', f'structure type /{raw} is neither standard nor role-mapped to a standard type')
                else:
                    self.element(element, resolved, raw, headings)
            kids = element.get('/K')
            items = list(kids) if isinstance(kids, Array) else ([] if kids is None else [kids])
            for kid in items:
                if isinstance(kid, int) or (hasattr(kid, 'is_integer') and kid.is_integer):
                    if page is not None:
                        mcids.setdefault(page.objgen, set()).add(int(kid))
                elif isinstance(kid, Dictionary):
                    kind = name_of(kid.get('/Type'))
                    if kind == 'MCR':
                        kid_page = kid.get('/Pg') if isinstance(kid.get('/Pg'), Dictionary) else page
                        if kid_page is not None:
                            mcids.setdefault(kid_page.objgen, set()).add(int(kid.get('/MCID')))
                    elif kind == 'OBJR':
                        continue
                    else:
                        visit(kid, page)

        visit(tree, None)
        self.heading_order(headings)
        return mcids

    def element(self, element, resolved, raw, headings):
        if resolved == 'Figure' and '/Alt' not in element and '/ActualText' not in element:
            self.fail('figure-alt', f'a Figure (/{raw}) has no /Alt')
        if resolved in ('H1', 'H2', 'H3', 'H4', 'H5', 'H6'):
            headings.append(int(resolved[1]))
        if resolved == 'Table':
            if not self.has_descendant(element, 'TH'):
                self.fail('tables', 'a Table has no TH cell')
        if resolved == 'TH':
            if self.attribute(element, '/Scope') is None:
                self.fail('tables', 'a TH has no /Scope attribute')

    def resolved_type(self, element):
        current = name_of(element.get('/S'))
        for _ in range(len(self.role_map) + 1):
            if current is None or current in STANDARD_TYPES:
                return current
            current = self.role_map.get(current)
        return None

    def has_descendant(self, element, wanted):
        kids = element.get('/K')
        items = list(kids) if isinstance(kids, Array) else ([] if kids is None else [kids])
        for kid in items:
            if isinstance(kid, Dictionary) and '/S' in kid:
                if self.resolved_type(kid) == wanted or self.has_descendant(kid, wanted):
                    return True
        return False

    @staticmethod
    def attribute(element, key):
        attributes = element.get('/A')
        items = list(attributes) if isinstance(attributes, Array) else ([] if attributes is None else [attributes])
        for item in items:
            if isinstance(item, Dictionary) and key in item:
                return item[key]
        return None

    def heading_order(self, headings):
        previous = 0
        for level in headings:
            if level > previous + 1:
                self.fail('headings', f'H{level} follows {"H" + str(previous) if previous else "the start of the document"}: a level is skipped')
            previous = level

    # ------------------------------------------------------------ pages

    def fonts_of(self, resources, seen):
        if not isinstance(resources, Dictionary):
            return
        fonts = resources.get('/Font')
        if isinstance(fonts, Dictionary):
            for _key, font in fonts.items():
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
                self.font(font)
        xobjects = resources.get('/XObject')
        if isinstance(xobjects, Dictionary):
            for _key, xobject in xobjects.items():
                if name_of(xobject.get('/Subtype')) == 'Form' and xobject.objgen not in seen:
                    seen.add(xobject.objgen)
                    self.fonts_of(xobject.get('/Resources'), seen)

    def font(self, font):
        base = name_of(font.get('/BaseFont')) or '?'
        subtype = name_of(font.get('/Subtype'))
        if subtype == 'Type3':
            embedded = True
        else:
            descriptor_owner = font
            if subtype == 'Type0':
                descendants = font.get('/DescendantFonts')
                descriptor_owner = descendants[0] if isinstance(descendants, Array) and len(descendants) > 0 else None
            descriptor = descriptor_owner.get('/FontDescriptor') if descriptor_owner is not None else None
            embedded = isinstance(descriptor, Dictionary) and any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3'))
        if not embedded:
            self.fail('fonts', f'font {base} is not embedded')
        if '/ToUnicode' not in font:
            self.fail('fonts', f'font {base} has no /ToUnicode map')

    def pages(self, mcids):
        seen_fonts = set()
        for number, page in enumerate(self.pdf.pages, start=1):
            obj = page.obj
            annots = obj.get('/Annots')
            if isinstance(annots, Array) and len(annots) > 0 and name_of(obj.get('/Tabs')) != 'S':
                self.fail('tabs', f'page {number} has annotations but no /Tabs /S')
            self.fonts_of(obj.get('/Resources'), seen_fonts)
            self.content(page, number, mcids.get(obj.objgen, set()))

    def content(self, page, number, referenced):
        # A stack of the open marked-content sequences: ('artifact'|'mcid'|'other', mcid).
        stack = []
        untagged = 0
        unknown = set()
        for instruction in pikepdf.parse_content_stream(page):
            operator = str(instruction.operator)
            operands = instruction.operands
            if operator in ('BMC', 'BDC'):
                tag = name_of(operands[0]) if len(operands) > 0 else None
                mcid = None
                if operator == 'BDC' and len(operands) > 1:
                    props = operands[1]
                    if isinstance(props, Name):
                        resources = page.obj.get('/Resources', Dictionary())
                        props = resources.get('/Properties', Dictionary()).get(str(props))
                    if isinstance(props, Dictionary) and '/MCID' in props:
                        mcid = int(props['/MCID'])
                if tag == 'Artifact':
                    stack.append(('artifact', None))
                elif mcid is not None:
                    stack.append(('mcid', mcid))
                    if mcid not in referenced:
                        unknown.add(mcid)
                else:
                    stack.append(('other', None))
            elif operator == 'EMC':
                if stack:
                    stack.pop()
            elif operator in TEXT_OPERATORS or operator in PAINT_OPERATORS:
                if not any(kind in ('artifact', 'mcid') for kind, _ in stack):
                    untagged += 1
        if untagged:
            self.fail('tagged-content', f'page {number}: {untagged} content item(s) neither tagged with an MCID nor marked as an Artifact')
        if unknown:
            listed = ', '.join(str(m) for m in sorted(unknown)[:5])
            self.fail('tagged-content', f'page {number}: MCID {listed} not referenced from the structure tree')

    def run(self):
        self.catalog()
        self.metadata()
        mcids = self.structure()
        self.pages(mcids)
        order = list(CHECKS)
        self.failures.sort(key=lambda f: order.index(f['check']))
        return self.failures


def check(path):
    with pikepdf.open(path) as pdf:
        failures = Checker(pdf).run()
    return {'file': path, 'ok': not failures, 'failures': failures}


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if argv[1] == '--checks':
        print(json.dumps(CHECKS, ensure_ascii=False))
        return 0
    status = 0
    for path in argv[1:]:
        result = check(path)
        print(json.dumps(result, ensure_ascii=False))
        if not result['ok']:
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
