// Checks shared by the background scripts (background.js, list-store.js,
// team-sync.js) and the options page, kept in one place because they guard
// what the extension accepts: who sent a message, and what a team server
// address and a team token may be. Pure: reads only chrome.runtime's own id
// and URL.
  export const checks = Object.freeze({
    /** The TrustLens content script in the top frame of a 1688 page. */
    fromContentScript(sender) {
      if (sender?.id !== chrome.runtime.id || !sender.tab || typeof sender.tab.id !== 'number') return false;
      if (sender.frameId !== undefined && sender.frameId !== 0) return false;
      try {
        const host = new URL(sender.url ?? sender.tab.url ?? '').hostname;
        return host === '1688.com' || host.endsWith('.1688.com');
      } catch { return false; }
    },

    /** A TrustLens extension page (popup, options). */
    fromExtensionPage(sender) {
      return sender?.id === chrome.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));
    },

    /**
     * The team server setting as an origin and the host permission pattern it
     * needs, or null: https://<host>[:port], or http on 127.0.0.1 / localhost
     * (a local twin). Only the origin counts: no path, query, fragment or
     * credentials.
     */
    teamServer(input) {
      let u;
      try { u = new URL(String(input ?? '').trim()); } catch { return null; }
      if (u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) return null;
      const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost';
      if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return null;
      return { origin: u.origin, pattern: `${u.protocol}//${u.hostname}/*` };
    },

    /** A team token as the team service issues it. */
    TEAM_TOKEN: /^tlt_[A-Za-z0-9_-]{43}$/,
  });
