"use strict";
(async () => {
  await HF.start("");
  const address = HF.param("address") || "";
  document.getElementById("title").textContent = "Miner " + address;
  let m;
  try {
    m = await HF.api("/api/miners/" + encodeURIComponent(address));
  } catch (e) {
    document.getElementById("error").textContent = e.status === 404 ? "Miner not found." : e.message;
    return;
  }
  const rows = [["Health", HF.stateBadge(m.health) + (m.detail ? " " + HF.esc(m.detail) : "")],
    ["Model", HF.esc(m.model ?? m.model_id ?? "unknown")], ["Firmware", HF.esc(m.firmware)],
    ["Site", `<a href="/site.html?site=${encodeURIComponent(m.site ?? "")}">${HF.esc(m.site)}</a> · rack ${HF.esc(m.rack)} · position ${HF.esc(m.position)}`],
    ["Owner", HF.esc(m.owner ?? "none")], ["Hashrate", HF.hashrate(m.hashrate_mhs)],
    ["Power", m.power_w == null ? "not reported" : HF.power(m.power_w)], ["Hottest chip", m.temp_max_c == null ? "–" : m.temp_max_c.toFixed(1) + " °C"],
    ["Last sample", HF.time(m.sampled_at)]];
  document.querySelector("#facts tbody").innerHTML = rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join("");
  HF.seriesChart(document.getElementById("chart"), await HF.api("/api/miners/" + encodeURIComponent(address) + "/series?hours=24"),
    "Hashrate and power, last 24 h (5-minute averages)");
})();
