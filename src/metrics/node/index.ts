export { inDegree, outDegree, inStrength, outStrength, degreeArrays, type DegreeArrays } from './degree.js';
export { pageRank, pageRankArray, PAGERANK_DEFAULTS, type PageRankOptions, type PageRankResult } from './pagerank.js';
export { betweenness, betweennessArray, BETWEENNESS_DEFAULTS, type BetweennessOptions } from './betweenness.js';
export { closeness, CLOSENESS_DEFAULTS, type ClosenessOptions } from './closeness.js';
export { eigenvector, eigenvectorArray, EIGENVECTOR_DEFAULTS, type EigenvectorOptions, type EigenvectorResult } from './eigenvector.js';
export { hits, hitsArray, HITS_DEFAULTS, type HitsOptions, type HitsResult } from './hits.js';
