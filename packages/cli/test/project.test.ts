/**
 * What a newcomer reads and installs: the README's exit-code rule and Node requirement as the
 * command states them, an install that builds, one licence declared everywhere, the document's
 * title and publisher from the model with the flags as overrides, and messages that quote statuses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createOjServices, type Model } from '@oj/language';
import { EmptyFileSystem, URI } from 'langium';
import { root } from './support.js';
import { EXIT_CODE_HELP } from '../src/frame.js';
import { documentFieldsOfModel } from '../src/commands/docs.js';

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf-8');
const manifests = [
    'package.json',
    ...fs.readdirSync(path.join(root, 'packages')).map((p) => `packages/${p}/package.json`),
].filter((file) => fs.existsSync(path.join(root, file)));

describe('README and install', () => {
    const readme = read('README.md');

    test('states the exit-code rule of every command, as --help does', () => {
        expect(readme).toContain('| 0 | success |');
        expect(readme).toMatch(/\| 1 \| the input has errors/);
        expect(readme).toMatch(/\| 2 \| usage or file problems/);
        expect(EXIT_CODE_HELP).toMatch(
            /0 {2}klart utan fel\n {2}1 {2}indata .* har fel\n {2}2 {2}felaktigt anrop eller problem med en fil/,
        );
    });

    test('states the Node requirement, and where the .vsix is written', () => {
        expect(readme).toMatch(/\*\*Node:\*\* Node 20 or later is enough to start/);
        expect(readme).toContain('packages/extension/oj-indicators.vsix');
        const extension = JSON.parse(read('packages/extension/package.json'));
        expect(extension.scripts.package).toBe('tsx scripts/package.mts');
        expect(read('packages/extension/scripts/package.mts')).toContain("'--out', VSIX_NAME");
        expect(read('packages/extension/scripts/package.mts')).toContain("const VSIX_NAME = 'oj-indicators.vsix';");
    });

    test('npm ci builds the command line: the root prepare script compiles packages/cli and what it uses', () => {
        const pkg = JSON.parse(read('package.json'));
        expect(pkg.scripts.prepare).toBe('tsc -b packages/cli');
        // tsc -b builds the referenced projects first: every workspace package the command imports must be one.
        const cli = JSON.parse(read('packages/cli/tsconfig.json'));
        const uses = Object.keys(JSON.parse(read('packages/cli/package.json')).dependencies).filter((name) =>
            name.startsWith('@oj/'),
        );
        expect(uses.length).toBeGreaterThan(0);
        expect(cli.references.map((r: { path: string }) => r.path).sort()).toEqual(
            uses.map((name) => `../${name.slice('@oj/'.length)}`).sort(),
        );
    });
});

describe('licence', () => {
    test('the repository has an MIT licence and every package declares it', () => {
        expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
        for (const file of manifests) expect(JSON.parse(read(file)).license, file).toBe('MIT');
    });
});

describe('the document title and publisher come from the model, the flags override', () => {
    async function model(): Promise<Model> {
        const { shared } = createOjServices(EmptyFileSystem);
        const text = 'enkät T2019 "Test" {\n    år 2019\n}\n';
        return shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse('memory:/t.oj')).parseResult.value;
    }

    test('without the fields in the survey: nothing, so the documents use their defaults', async () => {
        expect(documentFieldsOfModel([await model()])).toEqual({ title: undefined, publisher: undefined });
    });

    test('with publisher and documentTitle in the survey: those', async () => {
        const m = await model();
        Object.assign(m.header!.survey!, { publisher: 'Socialstyrelsen', documentTitle: 'Indikatorer 2019' });
        expect(documentFieldsOfModel([m])).toEqual({ title: 'Indikatorer 2019', publisher: 'Socialstyrelsen' });
    });
});
