// Keeps an open page current (decisions 0098, 0121). Without JavaScript the "As of" time
// (PageAge.astro) is the cue. With it, the page asks build.json every minute while the tab is
// visible; when the published data has another version it swaps in the new page content (or, if
// the reader is inside it, offers a reload). It says the page may be out of date only once the
// newest build it knows of should have been replaced (its fresh_until) and the grace period more
// has passed. Where to ask and the grace come from the live region (components/Freshness.astro).

/** Starts keeping the page current; `note` is the page's #refresh-status live region. */
export function keepCurrent(note) {
  const source = note.dataset.source;
  const grace = Number(note.dataset.grace);
  const main = document.getElementById("main");
  const stamp = () => main.querySelector("[data-version]")?.dataset ?? {};
  let freshUntil = Date.parse(stamp().freshUntil);
  const age = (ms) => (ms < 90 * 60000 ? `${Math.round(ms / 60000)} minutes` : `${Math.round(ms / 3600000)} hours`);
  const markStale = () => {
    const cue = main.querySelector("#stale");
    const late = Date.now() > freshUntil + grace;
    if (!cue) return;
    cue.hidden = !late;
    if (late) cue.textContent = `This information is ${age(Date.now() - Date.parse(stamp().built))} old and may be out of date.`;
  };
  const swap = async () => {
    const page = await fetch(location.href, { cache: "no-store" });
    const next = new DOMParser().parseFromString(await page.text(), "text/html");
    const content = next.getElementById("main");
    if (!content) return;
    if (main.contains(document.activeElement) && document.activeElement !== main) {
      // Replacing what the reader is on would move their focus: offer a reload instead.
      const link = Object.assign(document.createElement("a"), { href: location.href, textContent: "Reload to see it" });
      note.replaceChildren("The status has changed. ", link, ".");
      return;
    }
    main.replaceChildren(...[...content.childNodes].filter((n) => !(n.id === "refresh-status" || n.nodeName === "SCRIPT")), note);
    for (const id of ["updated"]) document.getElementById(id)?.replaceWith(next.getElementById(id) ?? "");
    document.title = next.title;
    freshUntil = Date.parse(stamp().freshUntil);
    note.textContent = "The status has been updated.";
    document.dispatchEvent(new Event("sitrep:swapped"));
  };
  const check = async () => {
    if (document.visibilityState !== "visible") return;
    try {
      const latest = await (await fetch(source, { cache: "no-store" })).json();
      if (latest.version !== stamp().version) await swap();
      else freshUntil = Math.max(freshUntil, Date.parse(latest.fresh_until));
    } catch {
      // Offline or a deploy in progress: try again next minute; the age cue still shows.
    }
    markStale();
  };
  markStale();
  check();
  setInterval(check, 60000);
  document.addEventListener("visibilitychange", check);
}
