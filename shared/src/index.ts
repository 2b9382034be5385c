/** The domain package: sheet definitions, rules and the validation engine. No Office, Express or files. */
export * from './grid';
export * from './address';
export * from './report';
export * from './rules';
export * from './codes';
export * from './sheets';
export * from './resources';
export * from './dates';
export { validateWorkbook, extractCatalogue, locateResources, WorkbookValidation, type ResourceLocation, INTERNAL_SHEET_PREFIX, type ValidateOptions, type SheetSink } from './validate';
export { groupIssues, type IssueGroup, type SheetIssueGroups } from './report-groups';
export { formatMarker, parseMarkerText, findMarker, type TemplateMarker } from './template/marker';
export { templateHeadRows, templateTitle, TEMPLATE_HEADER_ROW, type TemplateOptions } from './template/layout';
export * from './identifiers';
export * from './calendar';
export { diffCatalogues, type CatalogueDiff, type ResourceChange, type FieldChange } from './diff';
export * from './workflow';
export * from './marks';
export * from './idempotency';
