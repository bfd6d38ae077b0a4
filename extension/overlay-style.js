// Styles of the overlay (badge + panel), also adopted by the popup. Applied as
// a constructable stylesheet: a page CSP without 'unsafe-inline' styles would
// block a <style> element, but not adoptedStyleSheets. Sizes are in em so the
// overlay follows the user's font size and zoom, never the page's root size.
// The panel sections of other files bring their own styles (panel-sections.js).
import { sheetStyler } from './dom.js';
import { panelSections } from './panel-sections.js';

  const baseCss = `
:host { all: initial; }
.badge, .panel { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; line-height: 1.4; color: #111827; }
.badge {
  display: inline-flex; align-items: center; gap: 0.4em; flex-wrap: wrap;
  margin: 0 0 0 0.5em; padding: 0.25em 0.7em; max-width: 100%;
  font-size: 0.8125em; font-weight: 600; border-radius: 999px; cursor: pointer;
  border: 0.125em solid transparent; background: #e5e7eb; color: #1f2937; text-align: left; vertical-align: middle;
}
.badge:focus-visible { outline: 0.2em solid #2563eb; outline-offset: 0.15em; }
.badge .brand { font-weight: 400; opacity: 0.9; }
.badge .sep { opacity: 0.7; }
.badge .glyph { font-weight: 700; }
.badge.lvl-high-risk { background: #b91c1c; color: #fff; }
.badge.lvl-caution { background: #fbbf24; color: #1f2937; border-color: #92400e; }
.badge.lvl-trusted { background: #15803d; color: #fff; }
.badge.lvl-unknown { background: #6b7280; color: #fff; }
.badge.phase-loading, .badge.phase-checking { background: #e5e7eb; color: #374151; }
.badge .was { font-weight: 400; opacity: 0.9; }
.badge.pill { box-shadow: 0 0.1em 0.5em rgba(0,0,0,0.3); margin: 0; }
/* In the page, the badge fills its host's fixed box (overlay.js BADGE_BOX) on one line; the text is cut, never the box grown. */
:host > .badge { box-sizing: border-box; width: 100%; height: 100%; margin: 0; flex-wrap: nowrap; overflow: hidden; white-space: nowrap; }
:host > .badge:focus-visible { outline-offset: -0.25em; }
:host > .badge > * { flex: none; }
/* What gives way first when the text is long: the brand, then "(was …)", then the end of the text (the level comes first in it). */
:host > .badge > .text, :host > .badge > .was, :host > .badge > .brand, :host > .badge > .sep { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
:host > .badge > .brand, :host > .badge > .sep { flex-shrink: 10000; text-overflow: clip; }
:host > .badge > .was { flex-shrink: 100; }
.panel {
  box-sizing: border-box; width: min(30em, calc(100vw - 2em)); max-height: calc(100vh - 4em); overflow: auto; pointer-events: auto;
  background: #fff; border: 0.0625em solid #9ca3af; border-radius: 0.5em; box-shadow: 0 0.25em 1.5em rgba(0,0,0,0.3);
  font-size: 0.875em; overflow-wrap: anywhere;
}
.panel[hidden] { display: none; }
.panel-body { padding: 0 0 0.75em; }
.head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.75em; padding: 0.6em 0.9em; border-radius: 0.45em 0.45em 0 0; border-bottom: 0.25em solid #6b7280; background: #f3f4f6; }
.head.lvl-high-risk { border-color: #b91c1c; background: #fef2f2; }
.head.lvl-caution { border-color: #d97706; background: #fffbeb; }
.head.lvl-trusted { border-color: #15803d; background: #f0fdf4; }
.head h2 { margin: 0; font-size: 1.25em; flex: 1 1 auto; outline: none; }
.head .score { margin: 0; font-weight: 600; }
.close { font: inherit; font-size: 0.9em; padding: 0.2em 0.6em; border: 0.0625em solid #6b7280; border-radius: 0.3em; background: #fff; color: #111827; cursor: pointer; }
.close:focus-visible { outline: 0.2em solid #2563eb; }
.facts, .sec, .state-msg, .privacy { padding: 0 0.9em; }
.answer { border-bottom: 0.0625em solid #e5e7eb; padding-bottom: 0.4em; }
.answer .reason { margin: 0.5em 0.9em 0.3em; font-size: 1.1em; font-weight: 600; }
.answer .change { margin: 0.3em 0.9em; padding: 0.2em 0.5em; background: #eff6ff; border-left: 0.3em solid #2563eb; }
.answer .actions { margin: 0.3em 0.9em 0.2em; padding-left: 1.4em; }
.answer .actions li { margin: 0.15em 0; }
.says { margin: 0.15em 0; padding-left: 1.1em; }
.fmore summary { cursor: pointer; color: #1d4ed8; font-size: 0.9em; }
.fmore summary:focus-visible, .more-toggle:focus-visible { outline: 0.2em solid #2563eb; }
.more-toggle { margin: 0.3em 0.9em; cursor: pointer; }
.more-body[hidden] { display: none; }
.facts p { margin: 0.4em 0; }
.k { color: #4b5563; }
.company { font-weight: 700; }
.sec h3 { font-size: 1em; margin: 0.9em 0 0.3em; border-bottom: 0.0625em solid #e5e7eb; }
.zh { color: #4b5563; }
.panel-body[lang="zh-CN"] .zh { color: inherit; } /* a Chinese panel: Chinese is the text, not a gloss */
.muted { color: #4b5563; margin: 0.3em 0; }
.badges { margin: 0; padding-left: 1.2em; }
.badges li { margin: 0.3em 0; }
.notproof { margin: 0.1em 0 0; color: #6b7280; font-style: italic; }
.findings { margin: 0; padding-left: 1.4em; }
.finding { margin: 0.5em 0 0.8em; }
.finding p { margin: 0.15em 0; }
.sev { font-size: 0.85em; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; }
.sev-high .sev { color: #b91c1c; }
.sev-medium .sev { color: #b45309; }
.sev-low .sev, .sev-info .sev { color: #4b5563; }
.sev-positive .sev { color: #15803d; }
.ftitle { font-weight: 700; }
.label { color: #4b5563; font-size: 0.85em; }
.evidence { display: block; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; background: #f3f4f6; border: 0.0625em solid #e5e7eb; border-radius: 0.25em; padding: 0.2em 0.4em; white-space: pre-wrap; overflow-wrap: anywhere; }
.state-msg { margin: 0.75em 0; padding-top: 0.5em; padding-bottom: 0.5em; background: #f3f4f6; border-left: 0.3em solid #6b7280; }
.state-msg p { margin: 0.2em 0; }
.state-msg .bi:first-child { font-weight: 700; }
.notes { margin: 0; padding-left: 1.2em; color: #374151; }
.privacy { margin: 1em 0 0; font-size: 0.85em; color: #6b7280; }
.order-form { margin: 0.3em 0; }
.order-form input, .order-form select, .btn { font: inherit; font-size: 0.95em; padding: 0.2em 0.4em; border: 0.0625em solid #6b7280; border-radius: 0.3em; background: #fff; color: #111827; }
.order-form input { width: 8em; }
.order-form input[aria-invalid="true"] { border-color: #b91c1c; }
.confirm { margin-top: 0.5em; padding: 0.4em 0.5em; border: 0.125em solid #b45309; border-radius: 0.3em; background: #fffbeb; }
.confirm p { margin: 0 0 0.3em; }
.click-ignored { color: #b91c1c; font-weight: 600; margin: 0 0 0.4em; }
.btn { cursor: pointer; background: #1d4ed8; border-color: #1d4ed8; color: #fff; margin-top: 0.3em; }
.btn.btn-quiet { background: #fff; color: #111827; border-color: #6b7280; }
.btn .zh { color: inherit; opacity: 0.9; }
.order-form :focus-visible { outline: 0.2em solid #2563eb; outline-offset: 0.1em; }
.form-error { color: #b91c1c; margin: 0.2em 0; }
.form-error:empty { display: none; }
.advice-box { margin: 0.5em 0; padding: 0.4em 0.7em; border-left: 0.3em solid #6b7280; background: #f9fafb; }
.advice-box p { margin: 0.2em 0; }
.advice-box .tone { font-weight: 700; }
.tone-ok { border-color: #15803d; }
.tone-careful { border-color: #d97706; }
.tone-strong, .tone-stop { border-color: #b91c1c; background: #fef2f2; }
.steps { margin: 0.3em 0; padding-left: 1.3em; }
.remembered { font-size: 0.9em; color: #374151; border-left: 0.2em solid #2563eb; padding-left: 0.5em; }
.remembered.notused { border-left-color: #d97706; }
.remembered .src, .licence .src { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.85em; color: #4b5563; overflow-wrap: anywhere; }
.chk { list-style: none; margin: 0.3em 0; padding: 0; }
.chk li { margin: 0.45em 0; padding-left: 1.7em; position: relative; }
.chk input[type="checkbox"] { position: absolute; left: 0; top: 0.15em; margin: 0; width: 1.1em; height: 1.1em; }
.chk label { font-weight: 600; cursor: pointer; }
.chk .why { margin: 0.1em 0 0; color: #4b5563; font-size: 0.9em; }
.chk input:focus-visible { outline: 0.2em solid #2563eb; outline-offset: 0.1em; }
.chk-progress { font-weight: 700; margin: 0.3em 0; }
.licence-field { margin: 0.3em 0; }
.licence-name { font: inherit; font-size: 0.95em; padding: 0.2em 0.4em; border: 0.0625em solid #6b7280; border-radius: 0.3em; background: #f9fafb; color: #111827; width: min(100%, 22em); box-sizing: border-box; }
.licence-name:focus-visible { outline: 0.2em solid #2563eb; }
.btn-link { display: inline-block; text-decoration: none; line-height: 1.35; }
.btn-link:focus-visible { outline: 0.2em solid #2563eb; outline-offset: 0.15em; }
.btn-link .newtab { font-weight: 400; opacity: 0.9; }
.licence-status { margin: 0.3em 0; color: #15803d; font-weight: 600; }
.licence-status[data-licence-status="manual"] { color: #92400e; }
.licence-status:empty { display: none; }
.steps li { margin: 0.25em 0; }
.step-zh { display: block; }
`;

  /** Style a shadow root (or the popup's document): the overlay's own styles, then the sections'. */
  export const applyStyles = sheetStyler([baseCss, ...panelSections.map((s) => s.css ?? '')].join(''));
