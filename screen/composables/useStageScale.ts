// The wall is laid out on 1920×1080 panes, one per 16:9 panel (a 5760×1080 splice gets three side by
// side), and the stage is scaled uniformly to the viewport: centred, letterboxed, recomputed on resize.
// Charts learn the scale so their canvases stay crisp at 4K.
import { computed, inject, onBeforeUnmount, onMounted, ref, type InjectionKey, type Ref } from 'vue';

/** One pane is one 1920×1080 design; spliced walls get one pane per 16:9 panel. */
export const PANE_WIDTH = 1920;
export const PANE_HEIGHT = 1080;
export const MAX_PANES = 4;

/** How many 16:9 panes fit the screen side by side: 1 for 1080p and 4K, 3 for a 5760×1080 splice. */
export function panesFor(viewWidth: number, viewHeight: number): number {
  if (!(viewWidth > 0 && viewHeight > 0)) return 1;
  const panes = Math.round(viewWidth / viewHeight / (PANE_WIDTH / PANE_HEIGHT));
  return Math.min(MAX_PANES, Math.max(1, panes));
}

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

export interface StageFit {
  scale: number;
  /** Offset of the scaled stage's top-left corner in the viewport (the letterbox bars). */
  x: number;
  y: number;
}

export function fitStage(viewWidth: number, viewHeight: number, width = STAGE_WIDTH, height = STAGE_HEIGHT): StageFit {
  if (!(viewWidth > 0 && viewHeight > 0)) return { scale: 1, x: 0, y: 0 };
  const scale = Math.min(viewWidth / width, viewHeight / height);
  return { scale, x: (viewWidth - width * scale) / 2, y: (viewHeight - height * scale) / 2 };
}

/**
 * The pixel ratio to create chart canvases with: one canvas pixel per device pixel after the
 * stage transform. Rounded up to quarter steps so small window changes do not re-create charts.
 */
export function chartPixelRatio(devicePixelRatio: number, scale: number): number {
  const exact = (devicePixelRatio > 0 ? devicePixelRatio : 1) * scale;
  return Math.max(0.5, Math.ceil(exact * 4) / 4);
}

/** Provided by the stage to the charts inside it. */
export const CHART_PIXEL_RATIO: InjectionKey<Readonly<Ref<number>>> = Symbol('chartPixelRatio');

export function injectChartPixelRatio(): Readonly<Ref<number>> {
  return inject(CHART_PIXEL_RATIO, ref(typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1));
}

export function useStageScale() {
  const fit = ref<StageFit>({ scale: 1, x: 0, y: 0 });
  const panes = ref(1);
  const devicePixelRatio = ref(1);
  let frame = 0;

  function measure() {
    frame = 0;
    panes.value = panesFor(window.innerWidth, window.innerHeight);
    fit.value = fitStage(window.innerWidth, window.innerHeight, STAGE_WIDTH * panes.value);
    devicePixelRatio.value = window.devicePixelRatio || 1;
  }
  // Resize events come in bursts; one measurement per frame is enough.
  function onResize() {
    if (!frame) frame = requestAnimationFrame(measure);
  }

  // Measured before the first render, so charts are created at the right pixel ratio.
  measure();
  onMounted(() => window.addEventListener('resize', onResize));
  onBeforeUnmount(() => {
    window.removeEventListener('resize', onResize);
    if (frame) cancelAnimationFrame(frame);
  });

  const stageStyle = computed(() => ({
    width: `${STAGE_WIDTH * panes.value}px`,
    height: `${STAGE_HEIGHT}px`,
    transform: `translate(${fit.value.x}px, ${fit.value.y}px) scale(${fit.value.scale})`,
  }));
  const pixelRatio = computed(() => chartPixelRatio(devicePixelRatio.value, fit.value.scale));

  return { fit, panes, stageStyle, pixelRatio };
}
