// Small behaviours without inline script (the Content-Security-Policy forbids it).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
