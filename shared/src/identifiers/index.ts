/**
 * Per-cell checks for the identifiers found in government data catalogues. Each check is pure,
 * cheap on the valid path (table lookups, precompiled regexes), and returns null or a problem with a stable code.
 */
export type { IdProblem } from './problem';
export { checkIdCard, idCardCheckChar, idNumberKind, ID_NUMBER_LABELS, type IdNumberKind } from './idcard';
export { checkUscc, checkUsccCore, checkUsccOrgCode, usccCheckChar } from './uscc';
export { checkOrgCode, orgCodeCheckChar } from './orgcode';
export { checkDivisionCode, divisionName } from './division';
export { checkMobile, checkLandline, checkEmail } from './contact';
