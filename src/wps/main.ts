/**
 * Entry of the WPS add-in (index.html, the page WPS loads with the add-in): defines window.ribbon
 * for ribbon.xml's callbacks. The validation and its engine are a chunk of their own, fetched on
 * the first click, so WPS starts without waiting for them.
 */
import { wpsApplication } from "../taskpane/wps-host";
import { createRibbon } from "./ribbon";

(globalThis as unknown as { ribbon: unknown }).ribbon = createRibbon({
  app: () => wpsApplication(),
  href: () => document.location.href,
  validate: async (app) => {
    const { validateInWps } = await import(/* webpackChunkName: "wps-validate" */ "./validate");
    return validateInWps(app);
  },
});
