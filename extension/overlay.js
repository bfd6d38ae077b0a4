// The on-page overlay: a badge next to the offer title (or store name; else a
// small fixed pill at the top right) and a panel that opens beside the page.
// Each lives in its own shadow root (closed in production) on a host with
// `all: initial`, so page CSS cannot restyle it and page code cannot reach in.
// A closed shadow root is no security boundary (the page can cover or imitate
// it): the verdict is mirrored on the toolbar badge and in the popup too.
(() => {
  'use strict';
  const TL = (globalThis.TrustLens ??= {});
  const el = (...a) => TL.el(...a);

  function setHostStyle(host, props) {
    host.style.setProperty('all', 'initial', 'important');
    for (const [k, v] of Object.entries(props)) host.style.setProperty(k, v, 'important');
  }

  const INLINE = { display: 'inline-block', 'max-width': '100%', 'vertical-align': 'middle' };
  // Top right, below the site's top bar, above page content.
  const PILL = { display: 'block', position: 'fixed', top: '4.5em', right: '1em', 'z-index': '2147483646', 'max-width': 'calc(100vw - 2em)' };
  const PANEL = { display: 'block', position: 'fixed', top: '3em', right: '1em', 'z-index': '2147483647' };

  /**
   * Creates the overlay (not yet placed). opts:
   *   page        entry of TL.pages (its anchors)
   *   openShadow  test hook: shadow roots in mode "open" (chrome.storage.local tlTestOpenShadow)
   *   prefs       {panelOpen}: open on load (the "open by default" option)
   *   signal      AbortSignal: aborting removes everything
   *   plannedOrder {amount, currency} | null, the buyer's saved planned order
   *   onPlannedOrder(value | null) called when the buyer submits or clears it
   *   onChecklist(supplierId, item, done) called when the buyer ticks or unticks a checklist item
   */
  TL.createOverlay = ({ page, openShadow, prefs, signal, plannedOrder, onPlannedOrder, onChecklist }) => {
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
    badgeHost.setAttribute('data-state', 'loading');
    setHostStyle(badgeHost, PILL);
    const badgeRoot = badgeHost.attachShadow({ mode });
    TL.applyStyles(badgeRoot);
    const button = el('button', { class: 'badge phase-loading pill', attrs: { type: 'button', 'aria-expanded': String(open), title: 'TrustLens' } });
    badgeRoot.append(button);

    const panelHost = document.createElement('trustlens-panel');
    panelHost.setAttribute('data-trustlens-panel', '');
    setHostStyle(panelHost, PANEL);
    const panelRoot = panelHost.attachShadow({ mode });
    TL.applyStyles(panelRoot);
    const panel = el('div', { class: 'panel', attrs: { role: 'region', 'aria-label': 'TrustLens' } });
    panel.hidden = !open;
    panelRoot.append(panel);

    function renderBadge() {
      const m = TL.badgeModel(state);
      badgeHost.setAttribute('data-state', state.phase);
      badgeHost.setAttribute('data-level', m.level);
      badgeHost.setAttribute('data-score', m.score == null ? '' : String(m.score));
      button.className = `badge lvl-${m.level} phase-${state.phase}${anchored ? '' : ' pill'}`;
      button.setAttribute('aria-label', m.label);
      if (m.was) badgeHost.setAttribute('data-changed-from', state.change.from);
      else badgeHost.removeAttribute('data-changed-from');
      button.replaceChildren(...[
        el('span', { class: 'glyph', text: m.glyph, attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'brand', text: 'TrustLens' }),
        el('span', { class: 'sep', text: '|', attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'text', text: m.text }),
        // A level that changed after it was shown says so ("was Trusted").
        m.was ? el('span', { class: 'was', text: ` (${TL.one(TL.text.wasLevel)} ${m.was})`, attrs: { 'aria-hidden': 'true' } }) : null,
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
      panel.setAttribute('aria-label', TL.uiLang === 'zh' ? 'TrustLens 检查结果' : 'TrustLens verdict');
      panel.replaceChildren(TL.buildPanel(state, { showChinese: TL.showZh(), onClose: () => setOpen(false, true), order, checklist, licence, more }));
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
    panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') setOpen(false, true); }, { signal });

    /** Puts the badge after its anchor, or as a pill when there is none. Cheap when nothing changed. */
    function place() {
      let anchor = null;
      for (const name of page.anchors) if ((anchor = TL.query(name))) break;
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
})();
