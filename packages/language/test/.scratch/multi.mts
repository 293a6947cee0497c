import { EmptyFileSystem, URI } from 'langium';
import { createOjServices } from '../../src/index.js';
const { shared } = createOjServices(EmptyFileSystem);
const files: Record<string,string> = {
 '/a/2018.oj': `enkät T2018 "T 2018" { år 2018 variabelmönster "S{indikator}_{fråga}" datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun }
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
område EB "Ekonomiskt bistånd"
indikator 1 "Gammalt namn" { områden EB beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
  fråga i Rutin: "Har ni?" svar JN
  krävs: Ja på fråga i }`,
 '/a/2019.oj': `enkät T2019 "T 2019" { år 2019 variabelmönster "T{indikator}_{fråga}" datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun }
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej" }
område EB "Ekonomiskt bistånd"
indikator 1 "Nytt namn" { områden EB beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
  tidigare 2018 "Gammalt namn"
  fråga i Rutin: "Har ni?" svar JN
  krävs: Ja eller EjAktuellt på fråga i }`,
};
const docs = Object.entries(files).map(([p, t]) => shared.workspace.LangiumDocumentFactory.fromString(t, URI.file(p)));
docs.forEach(d => shared.workspace.LangiumDocuments.addDocument(d));
await shared.workspace.DocumentBuilder.build(docs, { validation: true });
for (const d of docs) { console.log(d.uri.path); for (const x of d.diagnostics ?? []) console.log('  ', x.severity, (x.data as any)?.code, x.message, JSON.stringify(x.range.start)); }
