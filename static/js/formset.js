// Rows of a Django formset added and removed in the page, without saving in between
// (progressive enhancement: without JavaScript the blank rows shown and "Save and add
// more rows" do the same job).
//
// <div data-formset="PREFIX">            the formset; PREFIX-TOTAL_FORMS is in the same form
//   <div data-formset-rows> rows </div>  each row marked data-formset-row
//   <template data-formset-empty>        the formset's empty_form, "__prefix__" for the index
//                                        and "__number__" for the row's number shown
//   <button data-formset-add hidden>     shown here; adds a row
//   a row's <button data-formset-remove hidden>  shown here; ticks the row's DELETE and
//                                        hides it (a removed row is not validated or saved)
(() => {
  const setUp = (formset) => {
    const prefix = formset.dataset.formset;
    const form = formset.closest("form");
    const total = form.elements.namedItem(`${prefix}-TOTAL_FORMS`);
    const rows = formset.querySelector("[data-formset-rows]");
    const empty = formset.querySelector("template[data-formset-empty]");
    const add = formset.querySelector("[data-formset-add]");
    if (!total || !rows || !empty || !add) {
      return;
    }
    const visibleRows = () => [...rows.querySelectorAll("[data-formset-row]")].filter((r) => !r.hidden);
    add.hidden = false;
    formset.querySelectorAll("[data-formset-nojs]").forEach((hint) => {
      hint.hidden = true;
    });
    rows.querySelectorAll("[data-formset-remove]").forEach((button) => {
      button.hidden = false;
    });
    add.addEventListener("click", () => {
      const index = Number.parseInt(total.value, 10);
      const html = empty.innerHTML
        .replaceAll("__prefix__", String(index))
        .replaceAll("__number__", String(visibleRows().length + 1));
      const holder = document.createElement("div");
      holder.innerHTML = html;
      const row = holder.querySelector("[data-formset-row]");
      row.querySelectorAll("[data-formset-remove]").forEach((button) => {
        button.hidden = false;
      });
      rows.append(row);
      total.value = String(index + 1);
      const first = row.querySelector("textarea, input:not([type=hidden]), select");
      if (first) {
        first.focus();
      }
    });
    rows.addEventListener("click", (event) => {
      const button = event.target.closest("[data-formset-remove]");
      if (!button) {
        return;
      }
      const row = button.closest("[data-formset-row]");
      const deleted = row.querySelector(`input[type=checkbox][name$="-DELETE"]`);
      if (deleted) {
        deleted.checked = true;
      }
      row.hidden = true;
    });
  };
  document.querySelectorAll("[data-formset]").forEach(setUp);
})();
