// Search over the site with Pagefind (decision 0097), the search page's own script: a file Astro
// bundles like the page script (decision 0183). Progressive enhancement: without JavaScript the
// page says so and links to the history; the form appears only when this runs. The site's base
// path comes from the form (data-base).

/** Loads Pagefind from under the site's base, fills the filters and searches as the reader types. */
export async function startSearch(form) {
  const base = form.dataset.base;
  const input = document.getElementById("search-input");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const selects = [...form.querySelectorAll("select[data-filter]")];
  let pagefind;
  try {
    pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
    await pagefind.options({ baseUrl: base });
    const available = await pagefind.filters();
    for (const select of selects) {
      const values = Object.keys(available[select.dataset.filter] ?? {}).sort((a, b) =>
        select.dataset.filter === "year" ? b.localeCompare(a) : a.localeCompare(b),
      );
      for (const value of values) select.append(new Option(value, value));
    }
  } catch {
    status.textContent = "Search is not available on this build. Browse the incident history instead.";
    return;
  }
  form.hidden = false;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const select of selects) select.value = params.get(select.name) ?? "";
  let latest = 0;
  const run = async () => {
    const ticket = ++latest;
    const query = input.value.trim();
    const filters = Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value]));
    // Keep the search in the address, so it can be shared and survives going back.
    const state = new URLSearchParams({ ...(query ? { q: query } : {}), ...filters });
    history.replaceState(null, "", state.size ? `?${state}` : location.pathname);
    list.replaceChildren();
    document.getElementById("search-more")?.remove();
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = "";
      return;
    }
    const search = await pagefind.debouncedSearch(query || null, { filters }, 200);
    if (search === null || ticket !== latest) return;
    const said = [`${search.results.length} result${search.results.length === 1 ? "" : "s"}`];
    if (query) said.push(`for “${query}”`);
    if (Object.keys(filters).length) said.push(`(filtered: ${Object.values(filters).join(", ")})`);
    status.textContent = `${said.join(" ")}.`;
    await more(search.results, 0, ticket);
  };
  // Results come PAGE_SIZE at a time; a button after the list loads the next ones, and focus
  // moves to the first of them, so every result can be reached (by keyboard too).
  const PAGE_SIZE = 20;
  const more = async (all, from, ticket) => {
    const results = await Promise.all(all.slice(from, from + PAGE_SIZE).map((r) => r.data()));
    if (ticket !== latest) return;
    document.getElementById("search-more")?.remove();
    const items = results.map((result) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title || result.url;
      const meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = [result.meta.type, result.meta.date, result.meta.impact].filter(Boolean).join(" · ");
      const excerpt = document.createElement("p");
      excerpt.innerHTML = result.excerpt; // Pagefind escapes the text and adds only <mark>
      item.append(link, meta, excerpt);
      return item;
    });
    list.append(...items);
    const shown = from + results.length;
    if (shown < all.length) {
      const button = Object.assign(document.createElement("button"), {
        type: "button",
        id: "search-more",
        textContent: `Show more results (${shown} of ${all.length} shown)`,
      });
      button.addEventListener("click", async () => {
        await more(all, shown, ticket);
        list.children[shown]?.querySelector("a")?.focus();
      });
      list.after(button);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", run);
  for (const select of selects) select.addEventListener("change", run);
  if (input.value || selects.some((s) => s.value)) run();
}
