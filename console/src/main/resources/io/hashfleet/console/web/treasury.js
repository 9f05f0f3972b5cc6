"use strict";
(async () => {
  await HF.start("treasury.html");
  const input = document.getElementById("date");
  input.value = HF.param("date") || new Date().toISOString().slice(0, 10);
  input.onchange = () => { location.search = "?date=" + input.value; };
  let t;
  try {
    t = await HF.api("/api/treasury?date=" + encodeURIComponent(input.value));
  } catch (e) {
    document.getElementById("cards").hidden = true;
    document.getElementById("error").textContent = e.status === 404
      ? "This store keeps no treasury for your tenant (each owner whose books it keeps sees its own here)." : e.message;
    return;
  }
  const usd = v => v == null ? "–" : "$" + Number(v).toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});
  HF.show("kpi-holdings", HF.btc(t.holdings_sats), t.holdings_sats);
  HF.show("kpi-price", "at " + usd(t.usd_per_btc) + " per BTC");
  HF.show("kpi-value", usd(t.market_value), t.market_value);
  HF.show("kpi-basis", "cost basis " + usd(t.cost_basis));
  HF.show("kpi-unrealised", usd(t.unrealised_pnl));
  HF.show("kpi-realised", usd(t.realised_pnl));
  document.querySelector("#entries tbody").innerHTML = t.latest_entries.map(e => `<tr><td>${HF.time(e.at)}</td><td>${HF.esc(e.kind)}</td>
    <td class="num">${(e.change_sats / 1e8).toFixed(8)}</td><td>${HF.esc(e.description)}</td></tr>`).join("");
})();
