"use strict";
(async () => {
  const me = await HF.start("index.html");
  document.getElementById("title").textContent = me.tenant.kind === "operator" ? "Fleet overview (all owners)" : `Fleet overview · ${me.tenant.name}`;

  function show(o) {
    HF.show("kpi-hashrate", HF.hashrate(o.hashrate_mhs), o.hashrate_mhs);
    HF.show("kpi-installed", "of " + HF.hashrate(o.installed_mhs) + " installed");
    HF.show("kpi-miners", HF.count(o.miners), o.miners);
    HF.show("kpi-answering", HF.count(o.answering) + " answering");
    HF.show("kpi-uptime", o.uptime_pct24h == null ? "–" : o.uptime_pct24h.toFixed(2) + " %");
    HF.show("kpi-power", HF.power(o.power_w), o.power_w);
    HF.show("kpi-efficiency", o.joules_per_th == null ? "no power readings" : o.joules_per_th.toFixed(1) + " J/TH");
    HF.show("kpi-btc-today", o.production ? HF.btc(o.production.sats_today) : "–");
    HF.show("kpi-btc-month", o.production ? HF.btc(o.production.sats_month) : "–");
    HF.show("kpi-fee-basis", o.production ? o.production.fee_basis : "no chain data");
    HF.show("kpi-alerts", HF.count(o.open_alerts), o.open_alerts);
    HF.stateBar(document.getElementById("states"), o.by_state);
    HF.legend(document.getElementById("legend"), o.by_state);
    document.querySelector("#sites tbody").innerHTML = o.sites.map(s => `<tr data-site="${HF.esc(s.site)}">
      <td><a href="/site.html?site=${encodeURIComponent(s.site)}">${HF.esc(s.site || "(no site)")}</a></td>
      <td class="num">${HF.count(s.miners)}</td><td class="num">${HF.count(s.answering)}</td><td class="num">${HF.hashrate(s.hashrate_mhs)}</td>
      <td class="num">${HF.hashrate(s.installed_mhs)}</td><td class="num">${HF.power(s.power_w)}</td>
      <td class="num">${s.joules_per_th == null ? "–" : s.joules_per_th.toFixed(1)}</td><td><div class="states" style="width:160px;margin:0"></div></td></tr>`).join("");
    document.querySelectorAll("#sites tbody tr").forEach((tr, i) => HF.stateBar(tr.querySelector(".states"), o.sites[i].by_state));
    document.getElementById("updated").textContent = "updated " + HF.time(o.at);
  }

  show(await HF.api("/api/overview"));
  HF.seriesChart(document.getElementById("chart"), await HF.api("/api/series?hours=24&bucket_minutes=5"), "Hashrate and power, last 24 h");
  // Live: the server pushes a fresh overview every few seconds.
  const live = new EventSource("/api/stream");
  live.addEventListener("overview", ev => show(JSON.parse(ev.data)));
})();
