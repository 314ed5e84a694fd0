// The report's behaviour: filters (dates, person), the network (vis-network), the weekly
// timeline (Chart.js), the top pairs and the searchable table with the evidence.
"use strict";
const DATA = JSON.parse(document.getElementById("arnews-data").textContent);
const C = Object.fromEntries(DATA.columns.map((c, i) => [c, i]));
const P = Object.fromEntries(DATA.party_columns.map((c, i) => [c, i]));
const MEETINGS = DATA.meetings, PEOPLE = DATA.people;
const $ = id => document.getElementById(id);
const esc = s => String(s ?? "").replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
const days = MEETINGS.map(m => m[C.day]).filter(Boolean).sort();
const nameToId = {};
Object.entries(PEOPLE).forEach(([id, name]) => { nameToId[name] = id; });
let network = null, chart = null;

function state() {
  return {from: $("from").value, to: $("to").value, person: nameToId[$("person").value] || null,
          query: $("search").value.trim().toLowerCase()};
}

function filtered(s) {
  return MEETINGS.filter(m => (!s.from || (m[C.day] || "") >= s.from) && (!s.to || (m[C.day] || "9999") <= s.to)
    && (!s.person || m[C.parties].some(p => p[P.entity_id] === s.person)));
}

function people(m) { return m[C.parties].filter(p => p[P.entity_id]); }

function drawNetwork(ms, s) {
  const count = {}, hosted = {}, guested = {}, edges = {};
  for (const m of ms) {
    const ps = people(m);
    ps.forEach(p => { const id = p[P.entity_id]; count[id] = (count[id] || 0) + 1;
      if (p[P.side] === "host") hosted[id] = (hosted[id] || 0) + 1;
      if (p[P.side] === "guest") guested[id] = (guested[id] || 0) + 1; });
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) {
      let a = ps[i], b = ps[j];
      if (a[P.entity_id] === b[P.entity_id]) continue;
      if (b[P.side] === "host" && a[P.side] === "guest") [a, b] = [b, a];
      const directed = a[P.side] === "host" && b[P.side] === "guest";
      const key = a[P.entity_id] < b[P.entity_id] || directed ? a[P.entity_id] + "|" + b[P.entity_id] : b[P.entity_id] + "|" + a[P.entity_id];
      const e = edges[key] || (edges[key] = {n: 0, directed: 0});
      e.n += 1; e.directed += directed ? 1 : 0;
    }
  }
  let ids = Object.keys(count).sort((a, b) => count[b] - count[a]).slice(0, TOP_PEOPLE);
  if (s.person && !ids.includes(s.person) && count[s.person]) ids.push(s.person);
  const shown = new Set(ids);
  const colour = id => (hosted[id] || 0) > (guested[id] || 0) ? "#3182bd" : (guested[id] || 0) > (hosted[id] || 0) ? "#e6550d" : "#969696";
  const nodes = ids.map(id => ({id, label: PEOPLE[id] || id, value: count[id], color: colour(id),
    title: `${PEOPLE[id] || id}: ${count[id]} meetings`, font: {size: 14, face: "Tahoma"},
    borderWidth: id === s.person ? 4 : 1}));
  const links = Object.entries(edges).filter(([k]) => k.split("|").every(id => shown.has(id))).map(([k, e]) => {
    const [from, to] = k.split("|");
    return {from, to, value: e.n, title: `${e.n} meetings`, arrows: e.directed ? "to" : "",
            color: {color: e.directed ? "#3182bd" : "#bdbdbd", opacity: .7}};
  });
  $("network-note").textContent = `${nodes.length} of ${Object.keys(count).length} people, ${links.length} links`;
  const options = {nodes: {shape: "dot", scaling: {min: 6, max: 36}},
    edges: {smooth: false, scaling: {min: 1, max: 8}},
    physics: {solver: "forceAtlas2Based", stabilization: {iterations: 150, fit: true}, forceAtlas2Based: {gravitationalConstant: -60}},
    interaction: {hover: true, tooltipDelay: 100}};
  if (network) network.destroy();
  network = new vis.Network($("network"), {nodes, edges: links}, options);
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({physics: false});
    document.body.dataset.drawnMs = Math.round(performance.now());
  });
  network.on("doubleClick", e => { if (e.nodes.length) { $("person").value = PEOPLE[e.nodes[0]]; update(); } });
}

function weekOf(day) {
  const d = new Date(day + "T00:00:00Z"), wd = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - wd);
  return d.toISOString().slice(0, 10);
}

function drawTimeline(ms) {
  const weeks = {};
  ms.forEach(m => { if (m[C.day]) { const w = weekOf(m[C.day]); weeks[w] = (weeks[w] || 0) + 1; } });
  const labels = Object.keys(weeks).sort();
  const data = {labels, datasets: [{label: "meetings", data: labels.map(w => weeks[w]), backgroundColor: "#6baed6"}]};
  if (chart) { chart.data = data; chart.update("none"); return; }
  chart = new Chart($("timeline"), {type: "bar", data, options: {animation: false, plugins: {legend: {display: false}},
    scales: {x: {ticks: {maxTicksLimit: 12}}, y: {beginAtZero: true}}}});
}

function drawPairs(ms) {
  const pairs = {};
  for (const m of ms) {
    const ids = [...new Set(people(m).map(p => p[P.entity_id]))].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      const k = ids[i] + "|" + ids[j]; pairs[k] = (pairs[k] || 0) + 1;
    }
  }
  const top = Object.entries(pairs).sort((a, b) => b[1] - a[1]).slice(0, 20);
  $("pairs").tBodies[0].innerHTML = top.map(([k, n]) => `<tr><td>${n}</td><td dir="rtl">${k.split("|").map(id => esc(PEOPLE[id] || id)).join(" — ")}</td></tr>`).join("");
}

function haystack(m) {
  return [m[C.trigger], m[C.location], m[C.purpose], m[C.evidence], m[C.title], m[C.doc_id], m[C.meeting_id],
          ...m[C.parties].map(p => p[P.name] + " " + (p[P.role] || ""))].join(" ").toLowerCase();
}

function showEvidence(m, row) {
  document.querySelectorAll("#meetings tr.open").forEach(r => r.classList.remove("open"));
  row.classList.add("open");
  const text = m[C.evidence] || "", spans = m[C.parties].filter(p => p[P.start] !== null && p[P.start] >= 0 && p[P.end] <= text.length)
    .sort((a, b) => a[P.start] - b[P.start]);
  let html = "", at = 0;
  for (const p of spans) {
    if (p[P.start] < at) continue;
    html += esc(text.slice(at, p[P.start])) + `<mark class="${esc(p[P.side])}" title="${esc(p[P.side])}">${esc(text.slice(p[P.start], p[P.end]))}</mark>`;
    at = p[P.end];
  }
  html += esc(text.slice(at));
  const link = m[C.url] ? ` · <a href="${esc(m[C.url])}">source</a>` : "";
  $("evidence").innerHTML = `<div class="meta">${esc(m[C.meeting_id])} · ${esc(m[C.doc_id])} · ${esc(m[C.title])}${link}</div>${html}`;
  $("evidence").style.display = "block";
}

function drawTable(ms, s) {
  const hits = s.query ? ms.filter(m => haystack(m).includes(s.query)) : ms;
  $("count").textContent = `${hits.length} meetings${hits.length > 300 ? ", the first 300 shown" : ""}`;
  const body = $("meetings").tBodies[0];
  body.innerHTML = hits.slice(0, 300).map((m, i) => `<tr data-i="${i}"><td>${esc(m[C.date] || m[C.day])}</td><td dir="rtl">${esc(m[C.trigger])}</td>`
    + `<td dir="rtl">${m[C.parties].map(p => `${esc(p[P.name])} <span class="side">${esc(p[P.side])}</span>`).join("، ")}</td>`
    + `<td dir="rtl">${esc(m[C.location])}</td><td dir="rtl">${esc(m[C.purpose])}</td><td>${esc(m[C.doc_id])}</td></tr>`).join("");
  body.onclick = e => { const tr = e.target.closest("tr"); if (tr) showEvidence(hits[+tr.dataset.i], tr); };
}

function update() {
  const s = state(), ms = filtered(s);
  $("summary").textContent = `${ms.length} of ${MEETINGS.length} meetings · ${Object.keys(PEOPLE).length} people · ${days[0] || ""} – ${days[days.length - 1] || ""}`;
  drawNetwork(ms, s); drawTimeline(ms); drawPairs(ms); drawTable(ms, s);
}

$("people").innerHTML = Object.values(PEOPLE).sort().map(n => `<option value="${esc(n)}">`).join("");
["from", "to", "person"].forEach(id => $(id).addEventListener("change", update));
$("search").addEventListener("input", () => drawTable(filtered(state()), state()));
$("reset").addEventListener("click", () => { ["from", "to", "person", "search"].forEach(id => { $(id).value = ""; }); update(); });
update();
document.body.dataset.ready = "1";
