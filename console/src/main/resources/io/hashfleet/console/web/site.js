"use strict";
(async () => {
  await HF.start("");
  const site = HF.param("site") || "";
  document.getElementById("title").textContent = "Site " + site;
  let summary;
  try {
    summary = await HF.api("/api/sites/" + encodeURIComponent(site));
  } catch (e) {
    document.getElementById("error").textContent = e.status === 404 ? "Site not found." : e.message;
    return;
  }
  document.getElementById("kpi-miners").textContent = HF.count(summary.miners);
  document.getElementById("kpi-hashrate").textContent = HF.hashrate(summary.hashrate_mhs);
  document.getElementById("kpi-installed").textContent = "of " + HF.hashrate(summary.installed_mhs) + " installed";
  document.getElementById("kpi-power").textContent = HF.power(summary.power_w);
  document.getElementById("kpi-efficiency").textContent = summary.joules_per_th == null ? "" : summary.joules_per_th.toFixed(1) + " J/TH";
  HF.legend(document.getElementById("legend"), summary.by_state);

  const map = await HF.api("/api/sites/" + encodeURIComponent(site) + "/heatmap");
  const drawStart = performance.now();
  drawHeatmap(map);
  document.getElementById("heatmap").dataset.drawMs = (performance.now() - drawStart).toFixed(1);
  HF.seriesChart(document.getElementById("chart"), await HF.api("/api/sites/" + encodeURIComponent(site) + "/series?hours=24"),
    "Site hashrate and power, last 24 h");

  /**
   * One column per rack, one cell per position, racks wrapped into bands to fit the width. Drawn on
   * one canvas: 50,000 rectangles take a few milliseconds, where 50,000 DOM nodes would stall the page.
   */
  function drawHeatmap(m) {
    const canvas = document.getElementById("heatmap");
    const n = m.address.length;
    const racks = Math.max(1, m.racks.length + (m.rack.some(r => r < 0) ? 1 : 0));
    const positions = Math.max(1, m.max_position);
    // The main column's inner width (less its padding and the canvas border): never wider than the page.
    const width = Math.max(320, document.querySelector("main").clientWidth - 44);
    const cell = Math.max(3, Math.min(14, Math.floor(width / racks) - 1));
    const pitch = cell + 1;
    const perBand = Math.max(1, Math.floor(width / pitch));
    const bands = Math.ceil(racks / perBand);
    const bandHeight = positions * pitch + 8;
    canvas.width = Math.min(width, racks * pitch);
    canvas.height = bands * bandHeight;
    const g = canvas.getContext("2d");
    const colors = m.states.map(s => HF.STATE_COLORS[s] || "#888");
    const at = new Map();
    for (let i = 0; i < n; i++) {
      const r = m.rack[i] < 0 ? m.racks.length : m.rack[i];
      const p = Math.max(1, m.position[i]) - 1;
      const x = (r % perBand) * pitch;
      const y = Math.floor(r / perBand) * bandHeight + p * pitch;
      g.fillStyle = colors[m.state[i]];
      g.fillRect(x, y, cell, cell);
      at.set(r * 100000 + p, i);
    }
    canvas.dataset.miners = String(n);
    const find = ev => {
      const box = canvas.getBoundingClientRect();
      const x = ev.clientX - box.left, y = ev.clientY - box.top;
      const band = Math.floor(y / bandHeight), p = Math.floor((y - band * bandHeight) / pitch);
      const r = band * perBand + Math.floor(x / pitch);
      return at.get(r * 100000 + p);
    };
    const tip = document.getElementById("tip");
    canvas.onmousemove = ev => {
      const i = find(ev);
      if (i === undefined) { tip.style.display = "none"; return; }
      tip.style.display = "block";
      tip.style.left = ev.clientX + 12 + "px";
      tip.style.top = ev.clientY + 12 + "px";
      tip.innerHTML = `${HF.esc(m.address[i])}<br>${HF.esc(m.racks[m.rack[i]] ?? "no rack")} · position ${m.position[i]}<br>`
        + `${HF.stateBadge(m.states[m.state[i]])} ${m.ths[i].toFixed(1)} TH/s${m.temp_c[i] == null ? "" : " · " + m.temp_c[i].toFixed(0) + " °C"}`;
    };
    canvas.onmouseleave = () => { tip.style.display = "none"; };
    canvas.onclick = ev => {
      const i = find(ev);
      if (i !== undefined) location.href = "/miner.html?address=" + encodeURIComponent(m.address[i]);
    };
  }
})();
