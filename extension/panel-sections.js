// The panel sections that live in files of their own, in the order the panel
// shows them. view.js renders, under "Show more", every section of the
// 'facts' slot after the supplier facts, and every section of the 'actions'
// slot after the buyer's checklist (the 'actions' slot only on a readable
// page); overlay-style.js adds each section's css to the overlay's sheet.
//
// To add a section: a file exporting its render function and its css, and
// one entry here. render(state, showZh, opts) gets the panel's state (its
// verdict, the supplier) and options, and returns the nodes to append ([]
// when it has nothing to show). A section that throws is left out (view.js).
import * as buyerList from './panel-extras.js';
import * as reviews from './review-panel.js';
import * as storeFacts from './store-facts-panel.js';
import * as team from './team-panel.js';
import { isPlain } from './values.js';

/**
 * @typedef {object} PanelSection
 * @property {string} id names the section (data-section on nothing: for readers and tests)
 * @property {'facts' | 'actions'} slot where the panel shows it
 * @property {string} [css] its styles
 * @property {(state: any, showZh: boolean, opts: any) => Node[]} render
 */

/** @type {readonly PanelSection[]} */
export const panelSections = Object.freeze([
  // The buyer's mark on this supplier and the minimum store age note.
  { id: 'buyer-facts', slot: 'facts', css: buyerList.css, render: (state, showZh, opts) => buyerList.panelExtras('facts', state, showZh, opts) },
  // The review summary.
  { id: 'reviews', slot: 'facts', css: reviews.css, render: (state, showZh) => [reviews.reviewsBlock(state.verdict ?? {}, showZh)].filter(Boolean) },
  // A store page's licence and factory facts.
  { id: 'store-facts', slot: 'facts', css: storeFacts.css, render: (state, showZh) => storeFacts.storeFactsBlocks(state.verdict ?? {}, showZh) },
  // The buyer's supplier list controls and the report export.
  { id: 'buyer-list', slot: 'actions', render: (state, showZh, opts) => buyerList.panelExtras('actions', state, showZh, opts) },
  // The team's data and actions while team sync is on.
  { id: 'team', slot: 'actions', render: (state, showZh) => (isPlain(state.supplier?.team) ? [team.teamSection(state, showZh)] : []) },
]);

/** The nodes of every section in a slot, in order; a section that fails is left out. */
export function sectionsAt(slot, state, showZh, opts) {
  const out = [];
  for (const s of panelSections) {
    if (s.slot !== slot) continue;
    try {
      out.push(...s.render(state, showZh, opts));
    } catch { /* a section that fails must not take the panel with it */ }
  }
  return out;
}
