// The buyer's settings (issue 5), kept in chrome.storage.sync under
// "settings" so they follow the buyer's browser profile. (The older display
// prefs - "show Chinese", "open by default" - stay in chrome.storage.local
// "prefs"; lists stay in chrome.storage.local.) Loaded by the content
// scripts, the popup and the options page. Values are validated on every
// read: storage is shared with other extension pages and may hold anything.
(() => {
  'use strict';
  const TL = (globalThis.TrustLens ??= {});

  const LANGUAGES = ['auto', 'en', 'zh'];
  const CURRENCIES = ['USD', 'CNY'];
  TL.SETTINGS_KEY = 'settings';
  TL.settingsDefaults = Object.freeze({
    language: 'auto', // auto: English first with Chinese beside it (Chinese first in a Chinese browser)
    minStoreYears: 0, // 0 = no minimum; else a younger store gets the core's finding store-age-below-minimum
    currency: 'USD', // default currency of the planned order
    searchBadges: true, // badges on search and list result cards
    dimBlocked: true, // dim result cards of suppliers the buyer blocked
  });

  /** A clean settings object from anything read from storage. */
  TL.cleanSettings = (raw) => {
    const s = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
    const d = TL.settingsDefaults;
    const years = Number(s.minStoreYears);
    return {
      language: LANGUAGES.includes(s.language) ? s.language : d.language,
      minStoreYears: Number.isInteger(years) && years >= 0 && years <= 30 ? years : d.minStoreYears,
      currency: CURRENCIES.includes(s.currency) ? s.currency : d.currency,
      searchBadges: typeof s.searchBadges === 'boolean' ? s.searchBadges : d.searchBadges,
      dimBlocked: typeof s.dimBlocked === 'boolean' ? s.dimBlocked : d.dimBlocked,
    };
  };

  // The settings in effect in this document (defaults until loaded).
  TL.settingsNow = TL.cleanSettings({});

  function area() {
    const st = globalThis.chrome?.storage;
    return st?.sync ?? st?.local ?? null; // sync can be missing (some Firefox setups): fall back
  }

  /** Reads the settings (never rejects); also sets TL.settingsNow and the language order. */
  TL.loadSettings = async () => {
    try {
      const got = await area()?.get(TL.SETTINGS_KEY);
      TL.settingsNow = TL.cleanSettings(got?.[TL.SETTINGS_KEY]);
    } catch { /* keep the defaults */ }
    TL.applyLanguage();
    return TL.settingsNow;
  };

  /** Saves a partial change (extension pages). */
  TL.saveSettings = async (patch) => {
    const next = TL.cleanSettings({ ...TL.settingsNow, ...patch });
    await area()?.set({ [TL.SETTINGS_KEY]: next });
    TL.settingsNow = next;
    TL.applyLanguage();
    return next;
  };

  /** Calls cb(settings) whenever the stored settings change; returns a remover. */
  TL.onSettingsChange = (cb) => {
    const st = globalThis.chrome?.storage;
    if (!st?.onChanged) return () => {};
    const listener = (changes, areaName) => {
      if (!changes[TL.SETTINGS_KEY] || (areaName !== 'sync' && !(areaName === 'local' && !st.sync))) return;
      TL.settingsNow = TL.cleanSettings(changes[TL.SETTINGS_KEY].newValue);
      TL.applyLanguage();
      cb(TL.settingsNow);
    };
    st.onChanged.addListener(listener);
    return () => st.onChanged.removeListener(listener);
  };

  /**
   * The language order from the setting: "en" English only, "zh" Chinese
   * first (English after it), "auto" Chinese first in a Chinese browser, else
   * English first with the Chinese beside it (when "show Chinese" is on).
   * Sets TL.zhFirst (read by view.js) and TL.englishOnly.
   */
  TL.applyLanguage = () => {
    const lang = TL.settingsNow.language;
    const uiZh = /^zh\b/i.test(globalThis.navigator?.language ?? '');
    TL.englishOnly = lang === 'en';
    TL.zhFirst = lang === 'zh' || (lang === 'auto' && uiZh);
  };
  TL.applyLanguage();

  /** The "show Chinese" display pref as the language setting leaves it. */
  TL.effectiveShowChinese = (showChinesePref) => {
    if (TL.englishOnly) return false;
    if (TL.zhFirst) return true;
    return showChinesePref !== false;
  };

  /** A bilingual pair as one string in the current order: "Caution 谨慎", "谨慎 Caution", "Caution". */
  TL.pairText = (pair, showZh = !TL.englishOnly) => {
    if (!pair) return '';
    if (!showZh || !pair.zh || pair.zh === pair.en) return pair.en;
    return TL.zhFirst ? `${pair.zh} ${pair.en}` : `${pair.en} ${pair.zh}`;
  };
})();
