// Types the type check (tsc --checkJs, tsconfig.json) needs beyond lib.dom
// and @types/chrome. Declarations only: nothing here ships.

/** The Go runtime from wasm_exec.js (loaded before background.js). */
declare class Go {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

/** Chrome's service worker (background.js loads wasm_exec.js with it). */
declare function importScripts(...urls: string[]): void;

/** Intersection Observer v2 (Chrome): whether the target is really visible. */
interface IntersectionObserverInit {
  trackVisibility?: boolean;
  delay?: number;
}
interface IntersectionObserverEntry {
  readonly isVisible?: boolean;
}

/** An offer description script assigns this global (capture.js reads it). */
interface Window {
  offer_details?: unknown;
}
