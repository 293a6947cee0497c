import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
} from 'langium/lsp';
import { OjGeneratedModule, OjGeneratedSharedModule } from './generated/module.js';
import { OjScopeComputation, OjScopeProvider } from './scoping/oj-scope.js';
import { createGuardedCompletionParser, createGuardedParser } from './parser/oj-parser.js';
import { OjValidator, registerValidationChecks } from './validation/oj-validator.js';
import { OjDocumentValidator } from './validation/oj-document-validator.js';
import { OjAnalysisValidator, registerAnalysisChecks } from './validation/oj-analysis-validator.js';
import { OjSharedModule, OjWorkspaceIndex } from './workspace/oj-workspace-index.js';
import { OjReferenceDescriptionProvider } from './scoping/oj-reference-descriptions.js';
import { OjLinker } from './scoping/oj-linker.js';
import { OjHoverProvider } from './lsp/oj-hover.js';
import { OjCompletionProvider } from './lsp/oj-completion.js';
import { OjFormatter } from './lsp/oj-formatter.js';
import { OjSemanticTokenProvider } from './lsp/oj-semantic-tokens.js';
import { OjCodeActionProvider } from './lsp/oj-code-actions.js';
import { OjDocumentSymbolProvider } from './lsp/oj-symbols.js';
import { OjRenameProvider } from './lsp/oj-rename.js';
import { OjFoldingRangeProvider } from './lsp/oj-folding.js';
import { addDiagnosticVersions, requirePositionParams } from './lsp/oj-document-sync.js';

/** Services the language adds to Langium's. */
export type OjAddedServices = {
    validation: {
        OjValidator: OjValidator;
        OjAnalysisValidator: OjAnalysisValidator;
    };
    workspace: {
        OjWorkspaceIndex: OjWorkspaceIndex;
    };
};

export type OjServices = LangiumServices & OjAddedServices;

export const OjModule: Module<OjServices, PartialLangiumServices & OjAddedServices> = {
    parser: {
        LangiumParser: (services) => createGuardedParser(services),
        CompletionParser: (services) => createGuardedCompletionParser(services),
    },
    references: {
        Linker: (services) => new OjLinker(services),
        ScopeComputation: (services) => new OjScopeComputation(services),
        ScopeProvider: (services) => new OjScopeProvider(services),
    },
    validation: {
        OjValidator: (services) => new OjValidator(services),
        OjAnalysisValidator: () => new OjAnalysisValidator(),
        DocumentValidator: (services) => new OjDocumentValidator(services),
    },
    workspace: {
        OjWorkspaceIndex: (services) => new OjWorkspaceIndex(services.shared),
        ReferenceDescriptionProvider: (services) => new OjReferenceDescriptionProvider(services),
    },
    lsp: {
        HoverProvider: (services) => new OjHoverProvider(services),
        CompletionProvider: (services) => new OjCompletionProvider(services),
        Formatter: () => new OjFormatter(),
        SemanticTokenProvider: (services) => new OjSemanticTokenProvider(services),
        CodeActionProvider: (services) => new OjCodeActionProvider(services),
        DocumentSymbolProvider: (services) => new OjDocumentSymbolProvider(services),
        RenameProvider: (services) => new OjRenameProvider(services),
        FoldingRangeProvider: (services) => new OjFoldingRangeProvider(services),
    },
};

/**
 * Creates the shared services and the language services. Without a connection (CLI, tests) the
 * configuration provider is initialised here so that builds do not wait for a client.
 */
export function createOjServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Oj: OjServices } {
    const shared = inject(createDefaultSharedModule(context), OjGeneratedSharedModule, OjSharedModule);
    const Oj = inject(createDefaultModule({ shared }), OjGeneratedModule, OjModule);
    shared.ServiceRegistry.register(Oj);
    registerValidationChecks(Oj);
    registerAnalysisChecks(Oj);
    if (!context.connection) {
        shared.workspace.ConfigurationProvider.initialized({});
    } else {
        addDiagnosticVersions(shared);
        requirePositionParams(shared);
    }
    return { shared, Oj };
}
