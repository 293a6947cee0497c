export * from './model.js';
export * from './theme.js';
export {
    buildDescriptionDocument,
    indicatorEntry,
    areaTitle,
    indicatorId,
    reportingLevelText,
    monthAndYear,
    SHARED_SECTION_ID,
    SHARED_SECTION_TITLE,
    type DescriptionOptions,
    type ResponseRows,
} from './build.js';
export { renderHtml, DOCUMENT_CSS, type HtmlOptions } from './html.js';
export { renderPdf } from './pdf.js';
export { renderDocx, type DocxOptions } from './docx.js';
export { compareSwedish, escapeHtml, swedishDate } from './text.js';
export {
    buildQuestionnaire,
    renderQuestionnaireDocx,
    renderQuestionnairePdf,
    renderQuestionnaireHtml,
    questionnaireDocument,
    withSurveyDates,
    optionsLegend,
    type Questionnaire,
    type QuestionnairePart,
    type QuestionnaireQuestion,
    type AnswerRow,
    type QuestionnaireOptions,
} from './questionnaire.js';
