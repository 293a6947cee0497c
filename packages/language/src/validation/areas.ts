/** Areas (områden) and their groups: reporting units, one namespace per survey. Terms (begrepp) share the rule. */
import type { ValidationAcceptor } from 'langium';
import type { Area, Term } from '../generated/ast.js';
import type { OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import { declarationNameMustBeUnique } from './common.js';

export const areaNamesMustBeUnique =
    (workspace: OjWorkspaceIndex) =>
    (area: Area, accept: ValidationAcceptor): void => {
        declarationNameMustBeUnique(workspace, area, accept);
        area.groups.forEach((group) => declarationNameMustBeUnique(workspace, group, accept));
    };

export const termNameMustBeUnique =
    (workspace: OjWorkspaceIndex) =>
    (term: Term, accept: ValidationAcceptor): void => {
        declarationNameMustBeUnique(workspace, term, accept);
    };
