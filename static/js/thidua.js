// Small behaviours without inline script (the Content-Security-Policy forbids it).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// A select whose choice changes what the page lists (the nominee's unit on a new proposal,
// the unit whose staff a ballot may add as candidates): reload the page by GET with the new
// value and the values of the fields named in data-reload-keep, at data-reload-anchor.
// Nothing happens when the page already lists that value (data-loaded).
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-reload-on-change]");
  if (!select || !select.form || select.value === (select.dataset.loaded || "")) {
    return;
  }
  const url = new URL(window.location.pathname, window.location.origin);
  const names = (select.dataset.reloadKeep || "").split(" ").filter(Boolean);
  for (const name of [...names, select.name]) {
    const field = select.form.elements.namedItem(name);
    if (field && field.value) {
      url.searchParams.set(name, field.value);
    }
  }
  if (select.dataset.reloadAnchor) {
    url.hash = select.dataset.reloadAnchor;
  }
  window.location.assign(url.toString());
});
