"use strict";
(async () => {
  await HF.start("report.html");
  const input = document.getElementById("month");
  input.onchange = () => { location.search = "?month=" + input.value; };
  // Without ?month the API picks the last complete month; the picker then shows which one it was.
  const asked = HF.param("month");
  let r;
  try {
    r = await HF.api("/api/reports/monthly" + (asked ? "?month=" + encodeURIComponent(asked) : ""));
  } catch (e) {
    input.value = asked || "";
    document.getElementById("error").textContent = e.message;
    return;
  }
  input.value = r.month;
  const q = "?month=" + encodeURIComponent(r.month);
  document.getElementById("download-md").href = "/api/reports/monthly.md" + q;
  document.getElementById("download-csv").href = "/api/reports/monthly.csv" + q;
  HF.show("scope", r.scope === "fleet" ? "The whole fleet, every miner." : "Your miners only.");

  const usd = v => v == null ? "–" : "$" + Number(v).toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});
  const btc = sats => sats == null ? "–" : HF.btc(sats);
  const pct = v => v == null ? "–" : Number(v).toFixed(2) + " %";
  HF.show("kpi-actual", btc(r.actual_sats), r.actual_sats ?? "");
  HF.show("kpi-shortfall", r.shortfall_pct == null ? (r.books ? "no payouts imported" : "not shown: see notes")
    : Number(r.shortfall_pct) >= 0 ? pct(r.shortfall_pct) + " short of expected" : pct(-r.shortfall_pct) + " above expected");
  HF.show("kpi-expected", btc(r.expected_sats), r.expected_sats);
  HF.show("kpi-fee-basis", r.fee_basis);
  HF.show("kpi-operating", HF.hashrate(r.average_operating_mhs), r.average_operating_mhs);
  HF.show("kpi-deployed", r.miners_deployed ? HF.hashrate(r.deployed_mhs) : "–", r.deployed_mhs);
  HF.show("kpi-miners", HF.count(r.miners_deployed) + " miners", r.miners_deployed);
  HF.show("kpi-uptime", pct(r.uptime_pct), r.uptime_pct ?? "");
  HF.show("kpi-efficiency", r.joules_per_th == null ? "–" : Number(r.joules_per_th).toFixed(2) + " J/TH", r.joules_per_th ?? "");
  HF.show("kpi-energy", r.energy_mwh == null ? "–" : Number(r.energy_mwh).toLocaleString("en-US", {maximumFractionDigits: 3}) + " MWh", r.energy_mwh ?? "");
  HF.show("kpi-hosting", "hosting " + usd(r.hosting_cost_usd));
  HF.show("kpi-cost-per-btc", usd(r.cost_per_btc_usd), r.cost_per_btc_usd ?? "");
  HF.show("kpi-holdings", btc(r.holdings_sats), r.holdings_sats ?? "");
  HF.show("kpi-value", r.holdings_value_usd == null ? (r.books ? "not valued" : "not shown: see notes")
    : usd(r.holdings_value_usd) + " at " + usd(r.usd_per_btc) + "/BTC", r.holdings_value_usd ?? "");
  HF.show("kpi-share", Number(r.network_share_pct).toFixed(2) + " %", r.network_share_pct);
  HF.show("kpi-network", "network " + HF.hashrate(r.network_mhs) + " (from difficulty)");
  HF.show("kpi-hashprice", Number(r.hashprice_btc_per_ph_day).toFixed(6) + " BTC/PH/day", r.hashprice_btc_per_ph_day);
  HF.show("kpi-hashprice-usd", r.hashprice_usd_per_ph_day == null ? "no USD price" : usd(r.hashprice_usd_per_ph_day) + "/PH/day");
  document.getElementById("notes").innerHTML = [r.hashrate_basis ? "Operating hashrate " + r.hashrate_basis + "." : "", ...r.notes]
    .filter(n => n).map(n => `<li>${HF.esc(n)}</li>`).join("");
  document.querySelector("#sites tbody").innerHTML = r.sites.map(s => `<tr data-site="${HF.esc(s.site)}">
    <td>${HF.esc(s.site)}</td><td class="num">${HF.count(s.miners)}</td><td class="num">${HF.hashrate(s.hashrate_mhs)}</td>
    <td class="num">${s.energy_mwh == null ? "–" : Number(s.energy_mwh).toFixed(3)}</td><td class="num">${pct(s.uptime_pct)}</td>
    <td class="num">${usd(s.hosting_cost_usd)}</td><td>${HF.esc(s.contract ?? "none")}</td>
    <td>${s.sla_met == null ? "–" : s.sla_met ? "met" : "missed"}</td></tr>`).join("");
  if (r.peers.length) {
    document.getElementById("peers-part").hidden = false;
    document.querySelector("#peers tbody").innerHTML = r.peers.map(p => `<tr><td>${p.self ? "<b>" + HF.esc(p.company) + "</b>" : HF.esc(p.company)}</td>
      <td class="num">${HF.hashrate(p.hashrate_mhs)}</td><td class="num">${Number(p.btc).toFixed(1)}</td>
      <td class="num">${p.btc_per_ehs == null ? "–" : Number(p.btc_per_ehs).toFixed(2)}</td></tr>`).join("");
  }
  HF.show("generated", "Generated " + HF.time(r.generated_at) + ".");
  document.getElementById("report").hidden = false;

  // Drawn once the section is visible, so the charts take its width.
  const small = Math.max(...r.days.map(d => d.hashrate_mhs), 0) < 1e9;
  const [unit, per] = small ? ["TH/s", 1e6] : ["PH/s", 1e9];
  HF.dayBars(document.getElementById("chart-hashrate"), r.days, "Operating hashrate by day (" + unit + ")", unit,
    [{label: "operating " + unit, color: "#f7931a", value: d => d.hashrate_mhs / per}]);
  const btcSeries = [{label: "expected BTC", color: "#9eb3c2", value: d => d.expected_sats / 1e8}];
  if (r.books) btcSeries.push({label: "paid BTC", color: "#f7931a", value: d => d.actual_sats == null ? null : d.actual_sats / 1e8});
  HF.dayBars(document.getElementById("chart-btc"), r.days, r.books ? "BTC by day: expected vs paid" : "BTC by day: expected", "BTC", btcSeries, 8);
})();
