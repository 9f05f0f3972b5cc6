"use strict";
(async () => {
  await HF.start("production.html");
  const input = document.getElementById("month");
  input.value = HF.param("month") || new Date().toISOString().slice(0, 7);
  input.onchange = () => { location.search = "?month=" + input.value; };
  let p;
  try {
    p = await HF.api("/api/production?month=" + encodeURIComponent(input.value));
  } catch (e) {
    document.getElementById("error").textContent = e.message;
    return;
  }
  HF.show("kpi-expected", HF.btc(p.expected_sats), p.expected_sats);
  HF.show("kpi-fee-basis", p.fee_basis);
  HF.show("kpi-actual", p.books ? HF.btc(p.actual_sats) : "–", p.books ? p.actual_sats : "");
  HF.show("kpi-books", p.books ? "payouts imported into this store" : "no payouts kept here for your tenant");
  HF.show("kpi-shortfall", p.shortfall_pct == null ? "–" : Number(p.shortfall_pct).toFixed(2) + " %");
  HF.show("kpi-flagged", p.books ? `${p.flagged_days} day(s) beyond 5 %` : "");
  document.getElementById("notes").textContent = (p.notes || []).join(" ");
  document.querySelector("#days tbody").innerHTML = p.days.map(d => `<tr data-day="${d.day}">
    <td>${d.day}</td><td class="num">${HF.hashrate(d.hashrate_mhs)}</td><td class="num">${(d.expected_sats / 1e8).toFixed(8)}</td>
    <td class="num">${d.actual_sats == null ? "–" : (d.actual_sats / 1e8).toFixed(8)}</td>
    <td class="num">${d.shortfall_pct == null ? "" : Number(d.shortfall_pct).toFixed(2) + " %"}</td><td>${d.flagged ? "⚑" : ""}</td></tr>`).join("");
  // Bars of expected and paid BTC per day: where they part is where the money went missing.
  const el = document.getElementById("chart");
  const xs = p.days.map(d => Date.parse(d.day + "T00:00:00Z") / 1000);
  const bars = uPlot.paths.bars({size: [0.4, 40], align: 0});
  const series = [{}, {label: "expected BTC", stroke: "#f7931a", fill: "#f7931a99", paths: bars, value: (u, v) => v == null ? "" : v.toFixed(8)}];
  const data = [xs, p.days.map(d => d.expected_sats / 1e8)];
  if (p.books) {
    series.push({label: "paid BTC", stroke: "#4aa3df", fill: "#4aa3df99", paths: uPlot.paths.bars({size: [0.4, 40], align: 1}),
      value: (u, v) => v == null ? "" : v.toFixed(8)});
    data.push(p.days.map(d => d.actual_sats == null ? null : d.actual_sats / 1e8));
  }
  new uPlot({title: "BTC by day, expected vs paid", width: Math.max(320, el.clientWidth - 16), height: 260, series,
    axes: [{stroke: "#8a99a8", grid: {stroke: "#26313d"}}, {stroke: "#8a99a8", grid: {stroke: "#26313d"}, label: "BTC"}]}, data, el);
  el.dataset.points = String(xs.length);
})();
