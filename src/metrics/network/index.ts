export { density } from './density.js';
export { reciprocity } from './reciprocity.js';
export { transitivity } from './transitivity.js';
export {
  weakComponents,
  strongComponents,
  weakComponentCount,
  strongComponentCount,
  weakComponentLabels,
  strongComponentLabels,
  type ComponentLabels,
} from './components.js';
export { inDegreeCentralization } from './centralization.js';
export { isolates, type Isolates } from './isolates.js';
