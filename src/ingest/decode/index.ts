export { decodeFile, decodeUtf8OrCp1252, decodeUtf16 } from './decoder.js';
export type { DecodeReport } from './decoder.js';
