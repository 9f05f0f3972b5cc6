"use strict";
(async () => {
  const me = await HF.start("energy.html");
  const mw = w => w == null ? "–" : (w / 1e6).toFixed(3);

  async function load() {
    const events = await HF.api("/api/energy/events");
    document.querySelector("#events tbody").innerHTML = events.map(e => `<tr data-id="${HF.esc(e.id)}" style="cursor:pointer">
      <td>${HF.time(e.received_at)}</td><td>${HF.esc(e.kind)}</td><td>${HF.esc(e.site ?? "fleet")}</td><td class="num">${mw(e.shed_watts)}</td>
      <td class="num">${HF.count(e.slept_miners)}</td><td class="num">${mw(e.planned_watts)}</td><td class="num">${mw(e.confirmed_watts)}</td>
      <td>${HF.time(e.ends_at)}</td><td>${HF.time(e.closed_at)}</td></tr>`).join("");
    document.querySelectorAll("#events tbody tr").forEach(tr => tr.onclick = () => timeline(tr.dataset.id));
    if (events.length) await timeline(events[0].id);
  }

  /** MW asleep over the event: accepted sleeps add their planned draw, accepted wakes take it back. */
  async function timeline(id) {
    const d = await HF.api("/api/energy/events/" + encodeURIComponent(id));
    document.getElementById("timeline-title").textContent = `Event ${d.event.id} at ${d.event.site ?? "fleet"}`;
    const steps = d.actions.filter(a => a.outcome === "accepted").sort((a, b) => a.at.localeCompare(b.at));
    let asleep = 0;
    const xs = [], ys = [];
    for (const a of steps) {
      asleep += (a.command === "sleep" ? 1 : -1) * a.planned_watts;
      xs.push(Date.parse(a.at) / 1000);
      ys.push(asleep / 1e6);
    }
    const el = document.getElementById("timeline");
    el.innerHTML = "";
    if (xs.length) {
      new uPlot({title: "MW asleep (accepted commands)", width: Math.max(320, el.clientWidth - 16), height: 220,
        series: [{}, {label: "MW", stroke: "#2f6fb3", width: 2, paths: uPlot.paths.stepped({align: 1})}],
        axes: [{stroke: "#8a99a8"}, {stroke: "#8a99a8", label: "MW"}]}, [xs, ys], el);
    }
    document.querySelector("#actions tbody").innerHTML = d.actions.map(a => `<tr><td>${HF.time(a.at)}</td>
      <td><a href="/miner.html?address=${encodeURIComponent(a.address)}">${HF.esc(a.address)}</a></td><td>${HF.esc(a.command)}</td>
      <td class="num">${(a.planned_watts / 1e3).toFixed(2)}</td><td class="num">${a.attempt}</td><td>${HF.esc(a.outcome)}</td><td>${HF.esc(a.detail)}</td></tr>`).join("");
  }

  if (me.commands_miners) {
    const form = document.getElementById("dr");
    form.hidden = false;
    const sites = await HF.api("/api/sites");
    document.getElementById("dr-site").innerHTML = sites.map(s => `<option>${HF.esc(s.site)}</option>`).join("");
    form.onsubmit = async ev => {
      ev.preventDefault();
      const out = document.getElementById("dr-result");
      out.textContent = "sending…";
      try {
        const r = await HF.api("/api/energy/events", {method: "POST", body: {site: document.getElementById("dr-site").value,
          shed_mw: Number(document.getElementById("dr-mw").value), within_minutes: Number(document.getElementById("dr-within").value),
          duration_minutes: Number(document.getElementById("dr-duration").value)}});
        out.textContent = `${r.event_id}: ${r.accepted} of ${r.orders} commands accepted (${mw(r.accepted_watts)} MW)`;
        await load();
      } catch (e) {
        out.textContent = e.message;
      }
    };
  }
  await load();
})();
