// Shared by every page: the API client (session cookie + CSRF header), the header bar, formatting.
"use strict";
const HF = (() => {
  let me = null;
  const STATE_COLORS = {};
  for (const s of ["ok", "offline", "overheat", "dead_board", "fan_failure", "no_pool", "low_hashrate", "high_rejects", "curtailed"]) {
    STATE_COLORS[s] = getComputedStyle(document.documentElement).getPropertyValue("--" + s).trim() || "#888";
  }

  async function api(path, options = {}) {
    const headers = Object.assign({"Accept": "application/json"}, options.headers || {});
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (me && me.csrf && options.method && options.method !== "GET") headers["X-CSRF-Token"] = me.csrf;
    const r = await fetch(path, {method: options.method || "GET", headers, credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body)});
    if (r.status === 401 && !path.startsWith("/api/login")) {
      location.href = "/login.html?next=" + encodeURIComponent(location.pathname + location.search);
      throw new Error("login required");
    }
    const body = r.headers.get("content-type")?.includes("json") ? await r.json() : await r.text();
    if (!r.ok) { const e = new Error(body && body.error ? body.error : "HTTP " + r.status); e.status = r.status; throw e; }
    return body;
  }

  /** Loads who is logged in and draws the header; every page but login starts here. */
  async function start(active) {
    me = await api("/api/me");
    const links = [["index.html", "Overview"], ["alerts.html", "Alerts"], ["production.html", "Production"], ["treasury.html", "Treasury"],
      ["report.html", "Report"], ["energy.html", "Energy"]];
    const header = document.createElement("header");
    header.innerHTML = `<span class="brand">Hashfleet</span><nav>${links.map(([href, label]) =>
      `<a href="/${href}" class="${href === active ? "active" : ""}">${label}</a>`).join("")}</nav>
      <span class="who" id="who"></span><button class="ghost" id="logout">Log out</button>`;
    document.body.prepend(header);
    document.getElementById("who").textContent = `${me.username} · ${me.role} · ${me.tenant.name}`;
    document.getElementById("logout").onclick = async () => { await api("/api/logout", {method: "POST", body: {}}); location.href = "/login.html"; };
    return me;
  }

  const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

  /** Hashrate from MH/s (the API's unit) in the largest unit that keeps it readable. */
  function hashrate(mhs) {
    const units = [["EH/s", 1e12], ["PH/s", 1e9], ["TH/s", 1e6], ["GH/s", 1e3]];
    for (const [u, f] of units) if (Math.abs(mhs) >= f) return (mhs / f).toFixed(mhs / f >= 100 ? 1 : 2) + " " + u;
    return mhs + " MH/s";
  }
  const power = w => w >= 1e6 ? (w / 1e6).toFixed(2) + " MW" : w >= 1e3 ? (w / 1e3).toFixed(1) + " kW" : w + " W";
  const btc = sats => (sats / 1e8).toFixed(8).replace(/0{1,5}$/, "") + " BTC";
  const time = iso => iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 19) + "Z" : "";
  const count = n => Number(n).toLocaleString("en-US");
  const stateBadge = s => `<span class="state" style="background:${STATE_COLORS[s]}">${esc(s)}</span>`;

  function stateBar(el, byState) {
    const total = Object.values(byState).reduce((a, b) => a + b, 0) || 1;
    el.innerHTML = Object.entries(byState).filter(([, n]) => n > 0)
      .map(([s, n]) => `<div title="${s}: ${n}" style="width:${100 * n / total}%;background:${STATE_COLORS[s]}"></div>`).join("");
  }

  function legend(el, byState) {
    el.innerHTML = Object.entries(byState).map(([s, n]) => `<span><i style="background:${STATE_COLORS[s]}"></i>${s} ${count(n)}</span>`).join("");
  }

  /** A uPlot time chart of hashrate (PH/s) and, when present, power (MW) on a second axis. */
  function seriesChart(el, points, title, spanHours = 24) {
    el.innerHTML = "";
    const xs = points.map(p => Date.parse(p.t) / 1000);
    const hs = points.map(p => p.hashrate_mhs / 1e9);
    const ps = points.map(p => p.power_w == null ? null : p.power_w / 1e6);
    const small = Math.max(...hs, 0) < 1;
    const scale = small ? 1e3 : 1;
    const unit = small ? "TH/s" : "PH/s";
    const opts = {
      title, width: Math.max(320, el.clientWidth - 16), height: 260,
      // The whole span asked for, even when the data covers only its end (a fleet polled for an hour).
      scales: {x: {time: true, range: () => [Date.now() / 1000 - spanHours * 3600, Date.now() / 1000]}},
      series: [{}, {label: "hashrate " + unit, stroke: "#f7931a", width: 2, value: (u, v) => v == null ? "" : v.toFixed(2)},
        {label: "power MW", stroke: "#4aa3df", width: 1, scale: "mw", value: (u, v) => v == null ? "" : v.toFixed(3)}],
      axes: [{stroke: "#8a99a8", grid: {stroke: "#26313d"}}, {stroke: "#8a99a8", grid: {stroke: "#26313d"}, label: unit},
        {side: 1, scale: "mw", stroke: "#4aa3df", grid: {show: false}, label: "MW"}],
    };
    const chart = new uPlot(opts, [xs, hs.map(h => h * scale), ps], el);
    el.dataset.points = String(points.length);
    return chart;
  }

  /**
   * Bars per UTC day: days are {day: "YYYY-MM-DD", ...}, series are [{label, color, value: day => number|null}]
   * drawn side by side, so two series of one day can be compared at a glance.
   */
  function dayBars(el, days, title, unit, series, digits = 2) {
    el.innerHTML = "";
    const xs = days.map(d => Date.parse(d.day + "T00:00:00Z") / 1000);
    const width = 0.8 / series.length;
    const opts = {
      title, width: Math.max(320, el.clientWidth - 16), height: 260,
      series: [{}, ...series.map((s, i) => ({label: s.label, stroke: s.color, fill: s.color + "99",
        paths: uPlot.paths.bars({size: [width, 40], align: series.length === 1 ? 0 : i === 0 ? -1 : 1}),
        value: (u, v) => v == null ? "" : v.toFixed(digits)}))],
      axes: [{stroke: "#8a99a8", grid: {stroke: "#26313d"}}, {stroke: "#8a99a8", grid: {stroke: "#26313d"}, label: unit}],
    };
    const chart = new uPlot(opts, [xs, ...series.map(s => days.map(s.value))], el);
    el.dataset.points = String(xs.length);
    return chart;
  }

  const param = name => new URLSearchParams(location.search).get(name);

  /** Puts a figure on the page: its text, and the raw value in data-value for scripts and tests. */
  function show(id, text, value) {
    const el = document.getElementById(id);
    el.textContent = text;
    if (value !== undefined) el.dataset.value = value;
  }

  return {api, start, show, esc, hashrate, power, btc, time, count, stateBadge, stateBar, legend, seriesChart, dayBars, param, STATE_COLORS, me: () => me};
})();
