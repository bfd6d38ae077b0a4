// Site access: whether TrustLens may read 1688 pages. Firefox may withhold an
// MV3 add-on's host permissions at install, and a user can take them back at
// any time in either browser; without them no content script runs and no badge
// appears. So the toolbar button shows "!" with a title saying why, and the
// popup says so and asks for access in one click. Loaded by popup.html and by
// the background (Chrome: importScripts; Firefox: background.scripts).
  const ORIGINS = ['*://*.1688.com/*'];

  export const siteAccess = {
    ORIGINS,
    /** Resolves true when every 1688 page may be read. */
    granted: () => chrome.permissions.contains({ origins: ORIGINS }).catch(() => false),
    /** Asks for access; call it in the click's own handler (the browser requires the user's gesture). */
    request: () => chrome.permissions.request({ origins: ORIGINS }),

    /** Background: keeps the toolbar's default badge and title in step with the access. */
    watchToolbar() {
      const show = async () => {
        const ok = await siteAccess.granted();
        chrome.action.setBadgeText({ text: ok ? '' : '!' }).catch(() => {});
        if (!ok) chrome.action.setBadgeBackgroundColor({ color: '#b45309' }).catch(() => {});
        chrome.action.setTitle({ title: chrome.i18n.getMessage(ok ? 'actionTitle' : 'toolbarNoAccess') }).catch(() => {});
      };
      chrome.permissions.onAdded?.addListener(show);
      chrome.permissions.onRemoved?.addListener(show);
      show();
    },
  };
