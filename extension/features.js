// What the content script runs besides the page's own badge and panel, one
// entry per feature (the panel's sections are panel-sections.js). content.js
// calls init for every feature whose pages accept the page, at
// document_start; the handle it returns may have:
//   start()                after DOMContentLoaded (the page can be read)
//   prepare(msg)           add to the analysis request before it is sent
//   render(reply, opts)    show a reply ({openShadow, runs, captures})
//   update(verdict, opts)  show a verdict ({showChinese, openShadow})
//   refresh()              the buyer's settings changed
// Everything a feature attaches hangs off signal (content.js aborts it on teardown).
//
// To add a feature: a file with its code, and one entry here.
import { createReviewFlags, reviewPage } from './review-flags.js';
import { cardPages } from './search.js';

/**
 * @typedef {object} FeatureContext
 * @property {any} page what detectPage found (selectors.js)
 * @property {{url: string, body: string}[]} responses the captured responses so far (content.js appends)
 * @property {(ms: number) => void} recheck ask for a new analysis in ms (debounced by content.js)
 *
 * @typedef {object} FeatureHandle
 * @property {() => void} [start]
 * @property {(msg: any) => Promise<void> | void} [prepare]
 * @property {(reply: any, opts: any) => void} [render]
 * @property {(verdict: any, opts: any) => void} [update]
 * @property {() => void} [refresh]
 *
 * @typedef {object} Feature
 * @property {string} id
 * @property {(page: any) => boolean} pages whether it runs on a page
 * @property {(ctx: FeatureContext, signal: AbortSignal) => FeatureHandle | null} init
 */

const NEW_CARDS_MS = 150; // "load more" adds cards in bursts: one check after the burst
const REVIEW_ITEMS_MS = 100;

/** @type {readonly Feature[]} */
export const features = Object.freeze([
  // Search and list pages (search.js): a badge on every result card and the
  // buyer's list marks; new cards ("load more") re-run the check.
  {
    id: 'search-cards',
    pages: (page) => cardPages.has(page, location.href),
    init: (ctx, signal) => cardPages.attach({ page: ctx.page, signal, onNewCards: () => ctx.recheck(NEW_CARDS_MS) }),
  },
  // Offer pages (review-flags.js): flags on the page's own review list; its
  // re-renders re-check the DOM fallback.
  {
    id: 'review-flags',
    pages: reviewPage,
    init(ctx, signal) {
      let flags = null;
      return {
        start() { flags = createReviewFlags({ signal, responses: ctx.responses, onItemsChanged: () => ctx.recheck(REVIEW_ITEMS_MS) }); },
        update(verdict, opts) { flags?.update(verdict, opts); },
      };
    },
  },
]);

/** The handles of the features that run on ctx.page, by id. */
export function initFeatures(ctx, signal) {
  /** @type {Map<string, FeatureHandle>} */
  const handles = new Map();
  for (const f of features) {
    if (!f.pages(ctx.page)) continue;
    const h = f.init(ctx, signal);
    if (h) handles.set(f.id, h);
  }
  return handles;
}
