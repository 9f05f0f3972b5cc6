"use strict";
(async () => {
  await HF.start("alerts.html");
  const all = document.getElementById("all");
  async function load() {
    const alerts = await HF.api("/api/alerts?limit=2000" + (all.checked ? "&state=all" : ""));
    document.querySelector("#alerts tbody").innerHTML = alerts.map(a => `<tr>
      <td>${HF.time(a.opened)}</td><td>${HF.time(a.closed)}</td><td>${HF.stateBadge(a.kind)}</td>
      <td><a href="/miner.html?address=${encodeURIComponent(a.address)}">${HF.esc(a.address)}</a></td>
      <td>${HF.esc(a.site)}</td><td>${HF.esc(a.rack)}</td><td class="num">${HF.esc(a.position)}</td><td>${HF.esc(a.detail)}</td></tr>`).join("");
  }
  all.onchange = load;
  await load();
})();
