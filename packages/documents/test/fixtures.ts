/** Loading models for the document tests: the 2019 example set, or model text written to a temporary folder. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, loadWorkspace, type Model } from '@oj/language';

export const root = path.resolve(__dirname, '../../..');
export const oj2019 = path.join(root, 'examples/oj2019');

export async function loadModels(paths: string[]): Promise<{ models: Model[]; errors: string[] }> {
    const { shared } = createOjServices(NodeFileSystem);
    const workspace = await loadWorkspace(shared, paths);
    const errors: string[] = [];
    for (const [document, diagnostics] of workspace.diagnostics) {
        for (const d of diagnostics)
            if ((d.severity ?? 1) === 1) errors.push(`${path.basename(document.uri.fsPath)}: ${d.message}`);
    }
    return { models: workspace.documents.map((d) => d.parseResult.value as Model), errors };
}

export async function loadText(files: Record<string, string>): Promise<{ models: Model[]; errors: string[] }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-docs-test-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return loadModels([dir]);
}

/** Whether a command-line tool is installed; tests that need poppler skip with a message when not. */
export function hasTool(tool: string): boolean {
    try {
        execFileSync('which', [tool], { stdio: 'pipe' });
        return true;
    } catch {
        return false;
    }
}

/** A model whose texts try to break out of every output format. */
export const HOSTILE = {
    'enkat.oj': `enkät H2030 "Enkät <b>&amp;</b> \\"citat\\"" {
    år 2030
    mätdatum "2030-02-01"
    variabelmönster "H{indikator:02}_{fråga}{del}[_{grupp}]"
    datakälla "Källa <img src=x onerror=alert(1)>"
    nämnare "De som svarat ]]> <!-- x -->"
    redovisningsnivåer kommun, riket
    del G "Del </title><script>alert(2)</script>"
}
svarsalternativ JN { Ja = 1 "Ja <i>" Nej = 2 "Nej & annat" }
område A "Område <script>alert(3)</script>" { rubrik "Rubrik <script>alert(4)</script> & co" }
område B "Område B"
indikator 1 "Namn </td></tr></table><script>alert(5)</script>" {
    områden A, B
    beskrivning "Beskrivning <style>body{display:none}</style> & ]]>"
    syfte "Syfte \u0001 med kontrolltecken"
    kunskapsstöd "Länk <a href=\\"javascript:alert(6)\\">här</a>"
    önskad riktning positiv
    typ struktur
    kvalitetsområde "Säker <b>"
    fråga i Fraga1: "Fråga <svg onload=alert(7)>?" svar JN
    krävs: Ja på fråga i
    kommentar "Kommentar '\\" <"
}
`,
};
