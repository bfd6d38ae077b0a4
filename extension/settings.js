// The buyer's settings, kept in chrome.storage.sync under "settings" so they
// follow the buyer's browser profile. (The display pref "open the panel by
// default" stays in chrome.storage.local "prefs"; lists stay in
// chrome.storage.local.) Loaded by the content
// scripts, the popup and the options page. Values are validated on every
// read: storage is shared with other extension pages and may hold anything.

  const LANGUAGES = ['auto', 'en', 'zh', 'both'];
  const CURRENCIES = ['USD', 'CNY'];
  export const SETTINGS_KEY = 'settings';
  export const settingsDefaults = Object.freeze({
    language: 'auto', // auto: the browser's language (Chinese in a Chinese browser, else English); en, zh, or both
    defaultOrder: 0, // the buyer's usual order size in `currency` (0 = none): order advice on every supplier without its own
    minStoreYears: 0, // 0 = no minimum; else a younger store gets the core's finding store-age-below-minimum
    currency: 'USD', // default currency of the planned order
    searchBadges: true, // badges on search and list result cards
    dimBlocked: true, // dim result cards of suppliers the buyer blocked
  });

  /** A clean settings object from anything read from storage. */
  export const cleanSettings = (raw) => {
    const s = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
    const d = settingsDefaults;
    const years = Number(s.minStoreYears);
    return {
      language: LANGUAGES.includes(s.language) ? s.language : d.language,
      minStoreYears: Number.isInteger(years) && years >= 0 && years <= 30 ? years : d.minStoreYears,
      currency: CURRENCIES.includes(s.currency) ? s.currency : d.currency,
      defaultOrder: Number.isFinite(Number(s.defaultOrder)) && Number(s.defaultOrder) >= 0 && Number(s.defaultOrder) <= 1e9 ? Number(s.defaultOrder) : d.defaultOrder,
      searchBadges: typeof s.searchBadges === 'boolean' ? s.searchBadges : d.searchBadges,
      dimBlocked: typeof s.dimBlocked === 'boolean' ? s.dimBlocked : d.dimBlocked,
    };
  };

  // The settings in effect in this document (defaults until loaded).
  export let settingsNow = cleanSettings({});

  function area() {
    const st = globalThis.chrome?.storage;
    return st?.sync ?? st?.local ?? null; // sync can be missing (some Firefox setups): fall back
  }

  /** Reads the settings (never rejects); also sets settingsNow and the language order. */
  export const loadSettings = async () => {
    try {
      const got = await area()?.get(SETTINGS_KEY);
      settingsNow = cleanSettings(got?.[SETTINGS_KEY]);
    } catch { /* keep the defaults */ }
    applyLanguage();
    return settingsNow;
  };

  /** Saves a partial change (extension pages). */
  export const saveSettings = async (patch) => {
    const next = cleanSettings({ ...settingsNow, ...patch });
    await area()?.set({ [SETTINGS_KEY]: next });
    settingsNow = next;
    applyLanguage();
    return next;
  };

  /** Calls cb(settings) whenever the stored settings change; returns a remover. */
  export const onSettingsChange = (cb) => {
    const st = globalThis.chrome?.storage;
    if (!st?.onChanged) return () => {};
    const listener = (changes, areaName) => {
      if (!changes[SETTINGS_KEY] || (areaName !== 'sync' && !(areaName === 'local' && !st.sync))) return;
      settingsNow = cleanSettings(changes[SETTINGS_KEY].newValue);
      applyLanguage();
      cb(settingsNow);
    };
    st.onChanged.addListener(listener);
    return () => st.onChanged.removeListener(listener);
  };

  // The language in effect (applyLanguage): "en" | "zh" | "both", and its two older forms.
  export let englishOnly, uiLang, zhFirst;

  /**
   * The language of the badge and panel (one setting): "en" English, with
   * Chinese only where the buyer meets it on the page (quotes, badge names);
   * "zh" Chinese throughout; "both" English with the Chinese beside it;
   * "auto" Chinese in a Chinese browser, else English. Sets uiLang
   * ("en" | "zh" | "both", read by view.js) and, for older callers,
   * zhFirst and englishOnly.
   */
  export const applyLanguage = () => {
    const lang = settingsNow.language;
    const uiZh = /^zh\b/i.test(globalThis.navigator?.language ?? '');
    uiLang = lang === 'auto' ? (uiZh ? 'zh' : 'en') : lang;
    englishOnly = uiLang === 'en';
    zhFirst = uiLang === 'zh';
  };
  applyLanguage();

  /** True when Chinese lines are shown (a Chinese or bilingual panel). */
  export const showZh = () => uiLang !== 'en';

  /** A bilingual pair as one string in the current language: "Caution", "谨慎", "Caution 谨慎". */
  export const pairText = (pair) => {
    if (!pair) return '';
    if (uiLang === 'zh') return pair.zh || pair.en;
    if (uiLang !== 'both' || !pair.zh || pair.zh === pair.en) return pair.en;
    return `${pair.en} ${pair.zh}`;
  };
