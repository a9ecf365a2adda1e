/** Interaction-log ingest: e-mail, meeting, chat and generic metadata logs → per-window weighted ties. */
export { readInteractionLog, type LogResult, type LogStats } from './read-logs.js';
export { LogAggregate, type WindowSummary } from './aggregate.js';
export { writeTies, writeTiesCsv, TIE_HEADER } from './write-ties.js';
export { LOG_DEFAULTS, RELATION_OF, EXTERNAL_ID, type LogKind, type LogOptions, type WindowKind } from './options.js';
export { thresholdFor } from './windows.js';
export { CONTENT_HEADERS } from './columns.js';
