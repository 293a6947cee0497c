export { generateWorkspace, WORKSPACE_SIZES, type GeneratedFile, type WorkspaceOptions } from './workspace.js';
export {
    generateResponses,
    respondents,
    responsesCsv,
    STADSDELAR,
    type ResponseOptions,
    type ResponseVariable,
    type Responses,
} from './responses.js';
export { Random } from './random.js';
export { registerHeader, registerRows, writeRegisterCsv, type RegisterRowOptions, type RegisterSourceShape } from './register.js';
