// The one script of every page (decision 0183): a file Astro bundles and hashes, so a reader's
// browser fetches it once for the whole site, and pages carry no inline script (the
// Content-Security-Policy allows scripts from the site only). Pages are complete without it.
import { keepCurrent } from "./freshness.js";
import { showLocalTimes } from "./local-times.js";

// The status and incident pages carry the refresh's live region (components/Freshness.astro).
const note = document.getElementById("refresh-status");
if (note) keepCurrent(note);
showLocalTimes();
