// d3 is loaded by web/index.html as a classic script (/vendor/d3.min.js, the d3 package's UMD build)
// and read by the views as the global `d3`; @types/d3 describes it.
import type * as d3Module from 'd3';

declare global {
  // a global script sets it; undefined when /vendor/d3.min.js did not load
  var d3: typeof d3Module | undefined;
}
