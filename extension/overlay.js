// The on-page overlay: a badge next to the offer title (or store name; else a
// small fixed pill at the top right) and a panel that opens beside the page.
// Each lives in its own shadow root (closed in production) on a host with
// `all: initial`, so page CSS cannot restyle it and page code cannot reach in.
// A closed shadow root is no security boundary (the page can cover or imitate
// it): the verdict is mirrored on the toolbar badge and in the popup too.
import { el, one } from './dom.js';
import { applyStyles } from './overlay-style.js';
import { pages, query } from './selectors.js';
import { pairText, showZh, uiLang } from './settings.js';
import { text } from './strings.js';
import * as view from './view.js';

  const ourStyle = new WeakMap(); // host -> its style attribute as we last set it
  function setHostStyle(host, props) {
    host.style.setProperty('all', 'initial', 'important');
    for (const [k, v] of Object.entries(props)) host.style.setProperty(k, v, 'important');
    ourStyle.set(host, host.getAttribute('style'));
  }

  // The badge host's box is the same whatever the verdict says: the page can
  // measure our host (getBoundingClientRect, elementFromPoint), so the level,
  // score and text are laid out inside a fixed box (overlay-style.js: the
  // badge fills it, long text is cut with an ellipsis). Sizes in em of the
  // host's own font (all: initial: the browser's default size, not the page's).
  const BADGE_BOX = { width: '19em', height: '1.75em', overflow: 'hidden', 'box-sizing': 'border-box' };
  const INLINE = { display: 'inline-block', 'max-width': '100%', 'vertical-align': 'middle', 'margin-left': '0.4em', ...BADGE_BOX };
  // Top right, below the site's top bar, above page content.
  const PILL = { display: 'block', position: 'fixed', top: '4.5em', right: '1em', 'z-index': '2147483646', 'max-width': 'calc(100vw - 2em)', ...BADGE_BOX };
  // The panel's host is a fixed, transparent box that lets clicks through
  // (pointer-events: none; the panel inside takes them): its size says
  // nothing about how many warnings the verdict has, or whether it is open.
  // The panel (overlay-style.js: 30em of its 0.875em font, at most the
  // viewport's height less 4em) is drawn at its own height inside it.
  const PANEL = {
    display: 'block', position: 'fixed', top: '3em', right: '1em', 'z-index': '2147483647',
    width: 'min(26.25em, calc(100vw - 1.75em))', height: 'calc(100vh - 3.5em)', 'pointer-events': 'none', overflow: 'visible',
  };

  // ---- clicks only on a panel the buyer can see ------------------------------
  //
  // A page can make our host invisible (opacity:0 !important, a clip, a
  // filter) or cover it, and lure the buyer into clicking it. A click counts
  // only when the host and every element around it is plainly visible and,
  // where the browser can tell (IntersectionObserver v2), nothing covers it;
  // a page that restyles our host gets its style put back. Actions for the
  // buyer's list or the team also ask for a second click on a confirm button
  // that appears elsewhere in the panel, inside the closed shadow root.

  /** Whether el and everything around it (across shadow hosts) is drawn as is. */
  function plainlyVisible(el) {
    let opacity = 1;
    for (let n = el; n; n = n.parentElement ?? (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null)) {
      const cs = getComputedStyle(n);
      opacity *= Number(cs.opacity);
      if (cs.display === 'none' || cs.visibility !== 'visible' || opacity < 0.95) return false;
      if (cs.clipPath !== 'none' || (cs.mask && cs.mask !== 'none') || cs.mixBlendMode !== 'normal') return false;
      // A page in grayscale (memorial days) is fine; a filter that fades or hides is not.
      if (/opacity\(|blur\(|brightness\(0|contrast\(0/.test(cs.filter)) return false;
    }
    const r = el.getBoundingClientRect();
    return r.width >= 8 && r.height >= 8;
  }

  const GUARDED = 'input, label, select, textarea, [data-team-action], button[data-fk="list-save"], button[data-fk="confirm-yes"]';

  /**
   * Guards clicks inside root (a shadow root on host): clicks on the buyer's
   * controls (GUARDED) on a host the buyer cannot plainly see are dropped, and clicks on elements matching
   * confirmSel need a confirmation first. onBlocked(text pair) tells the buyer.
   */
  function guardClicks(host, root, { signal, confirmSel, place, onBlocked }) {
    let seen = true; // IntersectionObserver v2: false while something covers or fades the host
    if (typeof IntersectionObserver === 'function') {
      try {
        const io = new IntersectionObserver((entries) => {
          for (const e of entries) if (typeof e.isVisible === 'boolean') seen = e.isVisible;
        }, { trackVisibility: true, delay: 100 });
        io.observe(host);
        signal.addEventListener('abort', () => io.disconnect(), { once: true });
      } catch { /* no v2: the style checks remain */ }
    }
    let tamperedAt = -Infinity; // when the page last restyled our host (never yet)
    const mo = new MutationObserver((records) => {
      if (records.every((r) => r.attributeName === 'style' && host.getAttribute('style') === ourStyle.get(host))) return; // ours
      tamperedAt = performance.now();
      place(); // our own style again
    });
    mo.observe(host, { attributes: true, attributeFilter: ['style', 'class', 'hidden', 'inert', 'popover', 'dir', 'lang'] });
    signal.addEventListener('abort', () => mo.disconnect(), { once: true });
    const visible = () => seen && performance.now() - tamperedAt > 1000 && plainlyVisible(host);

    let replaying = null; // the confirmed element, clicked again by us
    const stop = (e) => { e.preventDefault(); e.stopImmediatePropagation(); };
    root.addEventListener('click', (e) => {
      const t = e.target;
      if (replaying && t === replaying) return;
      // Only controls that change something for the buyer (the list, the
      // checklist, the planned order, team actions, a confirmation) are
      // guarded: links, downloads and "show more" do nothing a page could
      // lure the buyer into, and must work on any page layout.
      if (t.closest?.(GUARDED) && !visible()) {
        stop(e);
        onBlocked(text.clickIgnoredHidden);
        return;
      }
      const action = confirmSel && t.closest?.(confirmSel);
      if (!action || action.disabled || !e.isTrusted) {
        if (action && !e.isTrusted) stop(e);
        return;
      }
      stop(e);
      askConfirm(action);
    }, { capture: true, signal });

    function askConfirm(action) {
      root.querySelector('.confirm')?.remove();
      const yes = el('button', { class: 'btn', attrs: { type: 'button', 'data-fk': 'confirm-yes', disabled: '' } }, pairText(text.confirmYes));
      const no = el('button', { class: 'btn btn-quiet', attrs: { type: 'button', 'data-fk': 'confirm-no' } }, pairText(text.confirmNo));
      const bar = el('div', { class: 'confirm', attrs: { role: 'alertdialog', 'aria-label': text.confirmAsk.en } },
        el('p', {}, `${pairText(text.confirmAsk)} `, el('strong', { text: action.textContent.trim().slice(0, 80) })), yes, ' ', no);
      // Below the panel's other content, so a second lured click at the same spot misses it.
      (action.closest('section') ?? action.parentElement).append(bar);
      setTimeout(() => yes.removeAttribute('disabled'), 600); // a double click is not a confirmation
      yes.addEventListener('click', (e) => {
        if (!e.isTrusted || !visible()) return;
        bar.remove();
        replaying = action;
        try { action.click(); } finally { replaying = null; }
      });
      no.addEventListener('click', () => bar.remove());
      no.focus({ preventScroll: true });
    }
  }
  export { plainlyVisible };

  /**
   * Creates the overlay (not yet placed). opts:
   *   page        entry of pages (its anchors)
   *   openShadow  test hook: shadow roots in mode "open" (chrome.storage.local tlTestOpenShadow)
   *   prefs       {panelOpen}: open on load (the "open by default" option)
   *   signal      AbortSignal: aborting removes everything
   *   plannedOrder {amount, currency} | null, the buyer's saved planned order
   *   onPlannedOrder(value | null) called when the buyer submits or clears it
   *   onChecklist(supplierId, item, done) called when the buyer ticks or unticks a checklist item
   */
  export const createOverlay = ({ page, openShadow, prefs, signal: pageSignal, plannedOrder, onPlannedOrder, onChecklist }) => {
    // Its own lifetime inside the page's: destroy() removes this overlay only.
    const life = new AbortController();
    pageSignal.addEventListener('abort', () => life.abort(), { once: true, signal: life.signal });
    const { signal } = life;
    const mode = openShadow ? 'open' : 'closed';
    let state = { phase: 'loading' };
    let open = Boolean(prefs.panelOpen);
    let moreOpen = false; // "show more" stays as the buyer left it across re-renders of this page
    let anchored = null; // the page element the badge sits after, or null (pill)
    let planned = plannedOrder ?? null;
    let draft = null; // typed but not yet submitted: survives re-renders caused by late page data
    // Per supplier id: ticks made on this page (newer than any reply in flight) and the licence-copy status.
    const ticks = new Map();
    const licenceStatus = new Map();

    const badgeHost = document.createElement('trustlens-badge');
    badgeHost.setAttribute('data-trustlens-host', '');
    setHostStyle(badgeHost, PILL);
    const badgeRoot = badgeHost.attachShadow({ mode });
    applyStyles(badgeRoot);
    const button = el('button', { class: 'badge phase-loading pill', attrs: { type: 'button', 'aria-expanded': String(open), title: 'TrustLens', 'data-state': 'loading' } });
    badgeRoot.append(button);

    const panelHost = document.createElement('trustlens-panel');
    panelHost.setAttribute('data-trustlens-panel', '');
    setHostStyle(panelHost, PANEL);
    const panelRoot = panelHost.attachShadow({ mode });
    applyStyles(panelRoot);
    const panel = el('div', { class: 'panel', attrs: { role: 'region', 'aria-label': 'TrustLens' } });
    panel.hidden = !open;
    panelRoot.append(panel);

    function renderBadge() {
      const m = view.badgeModel(state);
      // Inside the closed root only: the page must not read the level or score (tests open the root).
      button.setAttribute('data-state', state.phase);
      button.setAttribute('data-level', m.level);
      button.setAttribute('data-score', m.score == null ? '' : String(m.score));
      button.className = `badge lvl-${m.level} phase-${state.phase}${anchored ? '' : ' pill'}`;
      button.setAttribute('aria-label', m.label);
      button.title = m.label; // the whole text on hover when the fixed box cuts it (and why a level changed)
      if (m.was) button.setAttribute('data-changed-from', state.change.from);
      else button.removeAttribute('data-changed-from');
      if (m.remembered) button.setAttribute('data-remembered', m.remembered);
      else button.removeAttribute('data-remembered');
      button.replaceChildren(...[
        el('span', { class: 'glyph', text: m.glyph, attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'brand', text: 'TrustLens' }),
        el('span', { class: 'sep', text: '|', attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'text', text: m.text }),
        // A level that changed after it was shown says so ("was Trusted").
        m.was ? el('span', { class: 'was', text: ` (${one(text.wasLevel)} ${m.was})`, attrs: { 'aria-hidden': 'true' } }) : null,
      ].filter(Boolean));
    }

    const order = {
      get value() { return draft ?? planned; },
      onDraft: (d) => { draft = d; },
      onSubmit: (value) => {
        draft = null;
        planned = value;
        onPlannedOrder?.(value);
      },
    };

    function renderPanel() {
      // Re-rendering must not drop the buyer's focus: restore it to the same control.
      const active = panelRoot.activeElement;
      const key = active?.getAttribute?.('data-fk');
      const id = typeof state.supplier?.id === 'string' ? state.supplier.id : null;
      const checklist = id ? {
        value: ticks.get(id) ?? state.supplier.checklist ?? {},
        onToggle: (item, done) => {
          const next = { ...(ticks.get(id) ?? state.supplier.checklist ?? {}) };
          if (done) next[item] = true;
          else delete next[item];
          ticks.set(id, next);
          onChecklist?.(id, item, done);
        },
      } : null;
      const licenceKey = id ?? '';
      const licence = { status: licenceStatus.get(licenceKey) ?? null, onStatus: (st) => licenceStatus.set(licenceKey, st) };
      const more = { open: moreOpen, onToggle: (o) => { moreOpen = o; } };
      panel.setAttribute('aria-label', uiLang === 'zh' ? 'TrustLens 检查结果' : 'TrustLens verdict');
      panel.replaceChildren(view.buildPanel(state, { showChinese: showZh(), onClose: () => setOpen(false, true), order, checklist, licence, more }));
      if (active && open) {
        const again = key ? panel.querySelector(`[data-fk="${key}"]`) : null;
        (again ?? panel.querySelector('h2'))?.focus({ preventScroll: true });
      }
    }

    function setOpen(next, byUser) {
      if (next === open) return;
      open = next;
      panel.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (byUser) {
        // Only a buyer's own action moves focus; nothing on load ever does.
        if (open) panel.querySelector('h2')?.focus({ preventScroll: true });
        else button.focus({ preventScroll: true });
      }
    }

    button.addEventListener('click', () => setOpen(!open, true), { signal });
    // Panel clicks count only on a panel the buyer can see; actions for the buyer's list and the
    // team are confirmed first. (The badge only opens the panel: nothing to guard.)
    const notice = (pair) => {
      panel.querySelector('.click-ignored')?.remove();
      panel.prepend(el('p', { class: 'click-ignored', attrs: { role: 'alert', 'data-click-ignored': '' } }, pairText(pair)));
    };
    guardClicks(panelHost, panelRoot, {
      signal,
      confirmSel: '[data-team-action], button[data-fk="list-save"]',
      place: () => setHostStyle(panelHost, PANEL),
      onBlocked: notice,
    });

    panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') setOpen(false, true); }, { signal });

    /** Puts the badge after its anchor, or as a pill when there is none. Cheap when nothing changed. */
    function place() {
      let anchor = null;
      for (const name of page.anchors) if ((anchor = query(name))) break;
      // Never inside a link or button (the store name heading sits in a link to the
      // shop): a click on the badge would also follow it. Go after the control instead.
      if (anchor) anchor = anchor.closest('a[href], button, label, summary, [role="link"], [role="button"]') ?? anchor;
      if (anchor && anchor.isConnected) {
        if (anchored !== anchor || badgeHost.previousSibling !== anchor) {
          anchored = anchor;
          setHostStyle(badgeHost, INLINE);
          anchor.after(badgeHost);
          button.classList.remove('pill');
        }
      } else if (anchored || !badgeHost.isConnected) {
        anchored = null;
        setHostStyle(badgeHost, PILL);
        document.documentElement.append(badgeHost);
        button.classList.add('pill');
      }
      if (!panelHost.isConnected) document.documentElement.append(panelHost);
    }

    signal.addEventListener('abort', () => { badgeHost.remove(); panelHost.remove(); }, { once: true });

    renderBadge();
    renderPanel();

    return {
      badgeHost,
      place,
      /** Whether the shadow roots are open (the test hook). */
      openShadow: Boolean(openShadow),
      /** Removes this overlay (its hosts, observers and listeners). */
      destroy: () => life.abort(),
      /** True while the badge sits next to a page element (not the fallback pill). */
      get anchored() { return anchored != null && badgeHost.isConnected; },
      /** Reports whether an update must be re-placed (the page removed our host). */
      get connected() { return badgeHost.isConnected && panelHost.isConnected; },
      update(next) {
        state = next;
        renderBadge();
        renderPanel();
      },
      /** The planned order saved for this page's supplier (read after the overlay was made). */
      setPlanned(value) {
        planned = value ?? null;
        renderPanel();
      },
      /** Renders badge and panel again (the language order or other settings changed). */
      refresh() {
        renderBadge();
        renderPanel();
      },
    };
  };
