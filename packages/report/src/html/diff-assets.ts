/**
 * The diff page's own style (on top of the report's stylesheet) and behaviour: clause changes as
 * <del>/<ins>, change tags, gains green and losses red, a unit's row opening onto the rules
 * responsible (all of them open in print).
 */

export const diffCss = `/* kaoping kp diff */
main.diff { max-width: 210mm; }
main.diff h1 small { margin-left: 12px; }
main.diff h3 { font-size: 15px; margin: 18px 0 6px; }
main.diff h3 small { font-size: 12.5px; font-weight: normal; color: var(--muted); margin-left: 8px; }
p.lead { font-size: 15px; margin: 4px 0 8px; }
del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; border-radius: 2px; padding: 0 1px; }
del { background: #fbe3e0; color: #9b2c20; text-decoration: line-through; }
ins { background: #dcf1df; color: #1e6b34; text-decoration: underline; text-underline-offset: 2px; }
.tag { display: inline-block; min-width: 3em; text-align: center; padding: 0 6px; border-radius: 3px; font-size: 12px; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.tag.added { background: #e8f3ea; color: #2f6f3a; }
.tag.removed { background: #fbe9e7; color: var(--lost); }
.tag.renamed, .tag.moved { background: #e8eef5; color: var(--accent); }
.tag.changed { background: #fdf3e1; color: var(--award); }
table.counts { width: auto; min-width: 50%; margin: 8px 0; }
table.counts th[scope=row] { text-align: left; }
table.items td.tagcell, table.items td.kind { white-space: nowrap; text-align: center; }
table.items td.name { white-space: nowrap; font-weight: 600; }
table.items td.what > div + div { margin-top: 2px; }
table.items td.where, table.units td.where { color: var(--muted); font-size: 11.5px; white-space: nowrap; }
table.items .clause { font-size: 12px; }
table.aspects td.name { white-space: nowrap; }
.was { color: var(--muted); }
.now { font-weight: 600; }
td.delta.up { color: #2f6f3a; font-weight: 600; }
td.delta.down { color: var(--lost); font-weight: 600; }
td.rank.up { color: #2f6f3a; }
td.rank.down { color: var(--lost); }
td.grade.moved { font-weight: 600; color: var(--award); }
table.units tbody.unit:nth-child(even) tr.row { background: #f8fafc; }
table.units td.unit { white-space: nowrap; }
button.toggle { border: none; background: none; padding: 0; font: inherit; color: var(--accent); cursor: pointer; text-align: left; }
button.toggle::before { content: "▸"; display: inline-block; width: 1.1em; color: var(--muted); }
button.toggle[aria-expanded="true"]::before { content: "▾"; }
span.plain { padding-left: 1.1em; }
tr.why > td { background: #f4f7fa; padding: 6px 10px 8px 2.2em; }
table.points { width: auto; min-width: 70%; background: #fff; }
p.why-grade { margin: 6px 0 0; font-size: 12.5px; }
table.points small { display: block; color: var(--muted); font-size: 11px; }
p.actions { margin: 10px 0 4px; text-align: right; }
#expand-all { font: inherit; font-size: 12.5px; color: var(--accent); background: #fff; border: 1px solid var(--line); border-radius: 3px; padding: 1px 10px; cursor: pointer; }
ul.notes { margin: 4px 0 10px; padding-left: 1.4em; color: var(--muted); font-size: 12.5px; }
ul.notes li.warning { color: var(--award); }
@media print {
  main.diff { max-width: none; }
  p.actions { display: none; }
  button.toggle { color: inherit; }
  button.toggle::before { content: none; }
  span.plain { padding-left: 0; }
  tr.why[hidden] { display: table-row; }
  main.diff section.units { break-before: page; }
  section.group { break-inside: auto; }
  h3 { break-after: avoid; }
}
`;

/** Opens and closes a unit's rows (one unit, or all with 「全部展开」). */
export const diffJs = `/* kaoping kp diff: a unit's row opens onto the rules responsible. */
(function () {
  "use strict";
  function set(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var row = document.getElementById(button.getAttribute("aria-controls"));
    if (row) row.hidden = !open;
  }
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t || !t.closest) return;
    var b = t.closest("button.toggle");
    if (b) return set(b, b.getAttribute("aria-expanded") !== "true");
    var all = t.closest("#expand-all");
    if (!all) return;
    var open = all.getAttribute("aria-pressed") !== "true";
    all.setAttribute("aria-pressed", open ? "true" : "false");
    all.textContent = open ? "全部收起" : "全部展开";
    Array.prototype.forEach.call(document.querySelectorAll("button.toggle"), function (x) { set(x, open); });
  });
})();
`;
