export { sniffBytes } from './sniff.js';
export type { SniffResult } from './sniff.js';
export { decodeFile, decodeUtf8OrCp1252, decodeUtf16, readHead } from './decoder.js';
export type { DecodeReport } from './decoder.js';
