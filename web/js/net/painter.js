// @ts-check
/**
 * Paints the network canvas. A full drawing goes to an offscreen canvas, then onto the page; while the
 * person pans or zooms, each frame only moves and scales that last drawing (one bitmap copy, so frames
 * stay smooth with 2,000 people and 20,000 ties even without a GPU), and the full drawing at the new
 * position follows as soon as the gesture pauses (SETTLE_MS).
 */
export const SETTLE_MS = 160;

/** @param {HTMLCanvasElement} canvas */
export function painter(canvas) {
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  const off = document.createElement('canvas');
  const offCtx = /** @type {CanvasRenderingContext2D} */ (off.getContext('2d'));
  /** @type {{ k: number; x: number; y: number } | null} */
  let snap = null;
  return {
    /**
     * Draws everything with `paint` (given a context scaled to CSS pixels) and shows it.
     * @template T
     * @param {(c: CanvasRenderingContext2D) => T} paint
     * @param {{ k: number; x: number; y: number }} view
     * @returns {T}
     */
    full(paint, view) {
      const dpr = window.devicePixelRatio || 1;
      if (off.width !== canvas.width || off.height !== canvas.height) {
        off.width = canvas.width;
        off.height = canvas.height;
      }
      offCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const out = paint(offCtx);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(off, 0, 0);
      snap = { ...view };
      return out;
    },
    /** Shows the last full drawing moved and scaled to `view`; false when there is none yet. */
    quick(view) {
      if (!snap || off.width !== canvas.width || off.height !== canvas.height) return false;
      const dpr = window.devicePixelRatio || 1;
      const r = view.k / snap.k;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(r, 0, 0, r, dpr * (view.x - snap.x * r), dpr * (view.y - snap.y * r));
      ctx.drawImage(off, 0, 0);
      return true;
    },
    /** Forgets the last drawing (what is shown changed). */
    reset() {
      snap = null;
    },
  };
}
