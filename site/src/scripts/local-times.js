// Times for the reader (progressive enhancement, decision 0124). Without JavaScript every time
// reads in the site's zone, as the footer says. With it, each <time datetime> with a time of day
// shows the reader's own zone, and "12 min ago" while recent; its title keeps the site's zone,
// and the footer says which zone is shown. Runs again each minute and after a live swap.
// The site's zone comes from <html data-site-zone> (layouts/Base.astro).

/** Starts rewriting the page's times; the page's own module (page.js) calls it once. */
export function showLocalTimes() {
  const siteZone = document.documentElement.dataset.siteZone;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  });
  const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const ago = (ms) => {
    const minutes = Math.round(ms / 60000);
    if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
    if (Math.abs(minutes) < 1440) return relative.format(Math.round(minutes / 60), "hour");
    return "";
  };
  const apply = () => {
    for (const time of document.querySelectorAll("time[datetime*='T']")) {
      const site = (time.dataset.site ??= time.textContent);
      const at = Date.parse(time.getAttribute("datetime"));
      const shown = zone === siteZone ? site : format.format(at);
      const since = ago(at - Date.now());
      time.textContent = since ? `${shown} (${since})` : shown;
      time.title = `${site} (${siteZone})`;
    }
    const note = document.getElementById("zone-note");
    if (note && zone !== siteZone) note.textContent = `Times are shown in your time zone (${zone}); point at a time for ${siteZone}.`;
  };
  apply();
  setInterval(apply, 60000);
  document.addEventListener("sitrep:swapped", apply);
}
