// Pages a wall list: as many whole rows as the element's height holds, the next page every few
// seconds. One observer and one timer, both released on unmount.
import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { nextPage, pageCount, pageOf, rowsThatFit } from './paging.js';

/** Rows per page: as many rows of rowHeight (plus gap) as the element holds, or a fixed number. */
export type PagingOptions = ({ rowHeight: number; gap?: number } | { perPage: number }) & {
  /** Milliseconds each page stays up. */
  intervalMs?: number;
};

export function usePaging<T>(el: Readonly<Ref<HTMLElement | null>>, items: Readonly<Ref<readonly T[]>>, opts: PagingOptions) {
  const height = ref(0);
  const page = ref(0);
  const perPage = computed(() => {
    if ('perPage' in opts) return opts.perPage;
    return height.value > 0 ? rowsThatFit(height.value, opts.rowHeight, opts.gap) : 1;
  });
  const pages = computed(() => pageCount(items.value.length, perPage.value));
  const rows = computed(() => pageOf(items.value, page.value, perPage.value));
  // A shorter list (or a taller page) may leave the current page past the end.
  watch(pages, (n) => {
    if (page.value >= n) page.value = 0;
  });

  let observer: ResizeObserver | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    // clientHeight is the layout size: the stage's CSS scale does not change it.
    const measure = () => (height.value = el.value?.clientHeight ?? 0);
    measure();
    observer = new ResizeObserver(measure);
    if (el.value) observer.observe(el.value);
    timer = setInterval(() => (page.value = nextPage(page.value, pages.value)), opts.intervalMs ?? 8_000);
  });
  onBeforeUnmount(() => {
    observer?.disconnect();
    observer = null;
    clearInterval(timer);
  });

  return { page, pages, perPage, rows };
}
