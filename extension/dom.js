// The small DOM helpers every panel and badge module builds with: el
// (createElement with text and attributes), bi and one (a text pair in the
// panel language). Page-derived strings only ever go through textContent.
// Kept apart from view.js so the panel sections and the search cards can use
// them without importing view.js, which imports them in turn.
import { uiLang } from './settings.js';

/** createElement with a class, text and attributes; children appended in order. */
export function el(tag, opts = {}, ...children) {
  const node = document.createElement(tag);
  if (opts.class) node.className = opts.class;
  if (opts.text != null) node.textContent = String(opts.text);
  for (const [k, v] of Object.entries(opts.attrs ?? {})) node.setAttribute(k, String(v));
  for (const c of children) if (c) node.append(c);
  return node;
}

/**
 * A text pair in the panel language (settings.js uiLang): English, or
 * Chinese (lang-tagged), or English with the Chinese beside it ("both").
 * The showZh argument is kept for callers' signatures; the language
 * setting alone decides.
 */
export function bi(pair, _showZh, tag = 'span', attrs = {}, cls = 'bi') {
  const node = el(tag, { class: cls, attrs });
  const lang = uiLang ?? 'en';
  const zh = pair.zh && pair.zh !== pair.en ? pair.zh : null;
  if (lang === 'zh' && zh) node.append(el('span', { class: 'zh', text: zh, attrs: { lang: 'zh-CN' } }));
  else node.append(el('span', { class: 'en', text: pair.en }));
  if (lang === 'both' && zh) node.append(' ', el('span', { class: 'zh', text: zh, attrs: { lang: 'zh-CN' } }));
  return node;
}

/** One string of a pair in the panel language (accessible names, titles). */
export const one = (pair) => (uiLang === 'zh' && pair?.zh ? pair.zh : pair?.en ?? '');

/**
 * What styles shadow roots (or a document) with the given CSS: one
 * constructable sheet shared by every root, or a <style> element where
 * adopting is refused (Firefox content scripts cannot always adopt sheets
 * across compartments).
 */
export function sheetStyler(css) {
  let sheet = null;
  return (root) => {
    try {
      sheet ??= new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = css;
      root.append(style);
    }
  };
}
