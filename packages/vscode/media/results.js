// The results view's script (runs inside the webview; loaded with the page's nonce).
// It renders nothing itself: the extension sends HTML rendered by src/results/html.ts. This file
// turns clicks into messages (see src/results/messages.ts), filters and sorts the ranking's rows
// by the keys the renderer computed, and switches between the ranking and one unit's explanation.
// @ts-check
(function () {
  "use strict";
  // @ts-ignore acquireVsCodeApi is provided by VS Code in webviews
  const vscode = acquireVsCodeApi();
  const ranking = /** @type {HTMLElement} */ (document.getElementById("ranking-view"));
  const explain = /** @type {HTMLElement} */ (document.getElementById("explain-view"));
  const status = /** @type {HTMLElement} */ (document.getElementById("status"));
  let rankingScroll = 0;

  /** @param {"ranking" | "explain"} which */
  function show(which) {
    if (which === "explain") {
      if (ranking.hidden === false) rankingScroll = window.scrollY;
      ranking.hidden = true;
      explain.hidden = false;
      window.scrollTo(0, 0); // an explanation starts at its top, never at its end
    } else {
      explain.hidden = true;
      ranking.hidden = false;
      window.scrollTo(0, rankingScroll);
    }
  }

  function applyFilter() {
    const box = /** @type {HTMLInputElement | null} */ (document.getElementById("filter"));
    const text = box ? box.value.trim() : "";
    let shown = 0;
    for (const row of Array.from(ranking.querySelectorAll("tbody tr"))) {
      const tr = /** @type {HTMLElement} */ (row);
      const match = text === "" || (tr.dataset.name || "").includes(text);
      tr.hidden = !match;
      if (match) shown++;
    }
    const none = document.getElementById("no-match");
    if (none) none.hidden = shown > 0;
  }

  /** @param {number} col */
  function sortBy(col) {
    const th = /** @type {HTMLElement | null} */ (ranking.querySelector(`th[data-col="${col}"]`));
    const body = ranking.querySelector("tbody");
    if (!th || !body) return;
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    for (const other of Array.from(ranking.querySelectorAll("th[data-col]"))) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const key = (/** @type {Element} */ tr) => Number((tr.children[col] && tr.children[col].getAttribute("data-k")) || 0);
    const rows = Array.from(body.querySelectorAll("tr"));
    rows.sort((a, b) => (ascending ? key(a) - key(b) : key(b) - key(a)));
    for (const row of rows) body.appendChild(row);
  }

  document.addEventListener("click", (event) => {
    const target = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
    if (!target) return;
    const sort = target.closest("[data-sort]");
    if (sort) {
      event.preventDefault();
      sortBy(Number(sort.getAttribute("data-sort")));
      return;
    }
    const unit = target.closest("[data-unit]");
    if (unit) {
      event.preventDefault();
      vscode.postMessage({ type: "explain", unit: unit.getAttribute("data-unit") });
      return;
    }
    const open = target.closest("[data-open]");
    const selected = window.getSelection();
    // Selecting a clause to copy it is not a click on the deduction (only its links open it then).
    if (open && selected && !selected.isCollapsed && !target.closest("a")) return;
    if (open) {
      event.preventDefault();
      vscode.postMessage({ type: "open", kind: open.getAttribute("data-open"), key: open.getAttribute("data-key") });
      return;
    }
    const action = target.closest("[data-action]");
    if (action) {
      event.preventDefault();
      const what = action.getAttribute("data-action");
      if (what === "ranking") {
        show("ranking");
        vscode.postMessage({ type: "ranking" });
      }
      else if (what === "rescore") vscode.postMessage({ type: "rescore" });
    }
  });

  document.addEventListener("input", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === "filter") applyFilter();
  });

  window.addEventListener("message", (event) => {
    const m = event.data;
    if (!m || typeof m !== "object") return;
    status.hidden = m.type !== "busy";
    if (m.type === "busy") {
      status.textContent = String(m.text);
    } else if (m.type === "ranking") {
      const box = /** @type {HTMLInputElement | null} */ (document.getElementById("filter"));
      const filter = box ? box.value : "";
      ranking.innerHTML = String(m.html);
      const again = /** @type {HTMLInputElement | null} */ (document.getElementById("filter"));
      if (again && filter) {
        again.value = filter;
        applyFilter();
      }
    } else if (m.type === "explain") {
      explain.innerHTML = String(m.html);
      show("explain");
    } else if (m.type === "error") {
      explain.innerHTML = String(m.html);
      show("explain");
    }
  });
})();
