// careerbot chat page. Everything that comes from the server or the user is rendered as text, never as HTML.
"use strict";

const STORAGE_KEY = "careerbot.conversation";
const HISTORY_TURNS = 24;
const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const sendButton = document.getElementById("send");
const conversation = document.getElementById("conversation");
const statusLine = document.getElementById("status");
const empty = document.getElementById("empty");
const sources = document.getElementById("sources");
const sourcesList = document.getElementById("sources-list");
const sourcesEmpty = document.getElementById("sources-empty");

// Turns as the API wants them, plus each answer's full response for re-rendering after a reload.
let turns = loadTurns();
let busy = false;

function loadTurns() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "[]");
    return Array.isArray(saved) ? saved : [];
  } catch (error) {
    return [];
  }
}

function saveTurns() {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(turns));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function sourceUrl(citation) {
  const path = citation.doc_id.split("/").map(encodeURIComponent).join("/");
  return `/sources/${path}?start=${citation.start}&end=${citation.end}#cited`;
}

function renderUser(content) {
  const turn = element("article", "turn user");
  turn.appendChild(element("h3", "visually-hidden", "You asked"));
  turn.appendChild(element("p", null, content));
  conversation.appendChild(turn);
  return turn;
}

function renderMarkers(container, text, data, answerIndex) {
  // Split on markers like [2]: text parts become text nodes, markers become buttons with a tooltip of the quote.
  for (const part of text.split(/(\[\d+\])/)) {
    const match = part.match(/^\[(\d+)\]$/);
    const citation = match && data.citations.find((c) => c.id === Number(match[1]));
    if (!citation) {
      container.appendChild(document.createTextNode(part));
      continue;
    }
    const wrapper = element("span", "marker-wrap");
    const marker = element("a", "marker", part);
    marker.href = sourceUrl(citation);
    marker.dataset.answer = String(answerIndex);
    marker.dataset.cite = String(citation.id);
    const tipId = `tip-${answerIndex}-${citation.id}`;
    marker.setAttribute("aria-describedby", tipId);
    marker.setAttribute("aria-label", `Source ${citation.id}: ${citation.title}`);
    const tip = element("span", "tip", `“${citation.quote.replace(/\s+/g, " ")}” — ${citation.title}`);
    tip.id = tipId;
    tip.setAttribute("role", "tooltip");
    wrapper.append(marker, tip);
    container.appendChild(wrapper);
  }
}

function renderFacts(data, answerIndex) {
  const table = element("table", "facts");
  const docs = new Set(data.facts.map((f) => f.citation.doc_id));
  const values = new Set(data.facts.map((f) => f.value));
  const conflict = docs.size > 1 && values.size > 1;
  if (conflict) table.classList.add("conflict");
  table.appendChild(element("caption", null, conflict ? "Figures from the sources — they differ, so each is shown"
                                                      : "Figures from the sources"));
  const head = element("thead");
  const headRow = element("tr");
  for (const name of ["Subject", "Measure", "Value", "Qualifiers", "Source"]) {
    const cell = element("th", null, name);
    cell.scope = "col";
    headRow.appendChild(cell);
  }
  head.appendChild(headRow);
  table.appendChild(head);
  const body = element("tbody");
  for (const fact of data.facts) {
    const row = element("tr");
    row.appendChild(element("th", null, fact.subject)).scope = "row";
    row.appendChild(element("td", null, fact.attribute));
    row.appendChild(element("td", "value", fact.value));
    row.appendChild(element("td", null, fact.qualifiers.join(", ")));
    const source = element("td");
    const link = element("a", "marker", `[${fact.citation.id}] ${fact.citation.title}`);
    link.href = sourceUrl(fact.citation);
    link.dataset.answer = String(answerIndex);
    link.dataset.cite = String(fact.citation.id);
    source.appendChild(link);
    row.appendChild(source);
    body.appendChild(row);
  }
  table.appendChild(body);
  const scroller = element("div", "facts-scroll");
  scroller.appendChild(table);
  const chart = renderChart(data, conflict);
  if (!chart) return scroller;
  const both = element("div", "facts-with-chart");
  both.append(scroller, chart);
  return both;
}

// Charts of the figures in a fact table, drawn as SVG from the facts' parsed values (the table stays, and is what
// screen readers read; the chart is a picture of it). Three kinds: one subject's percentiles as a box, several
// sources giving differing figures for one thing as marks on one line, and otherwise a range bar per subject on
// one shared axis.
const SVG_NS = "http://www.w3.org/2000/svg";
const CHART_WIDTH = 320;  // drawn at most 1.25x this wide (style.css), so text stays 10-15 px
const LABEL_CHARS = 48;
const PERCENTILE = /(\d{1,2})(?:st|nd|rd|th)\s+percentile|\b(median)\b/i;

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function hourly(fact) {
  return /\bhour|\/hr\b|\bhr\b/i.test(`${fact.attribute} ${fact.value} ${fact.parsed.unit || ""}`);
}

function numericGroup(facts) {
  // The largest set of facts measured alike (kind, currency, unit, hourly or not): the only ones one axis can hold.
  const groups = new Map();
  for (const fact of facts) {
    const parsed = fact.parsed;
    if (!parsed || !["money", "percent", "number"].includes(parsed.kind)) continue;
    if (typeof parsed.low !== "number" || typeof parsed.high !== "number") continue;
    const key = [parsed.kind, parsed.currency, hourly(fact) ? "hour" : parsed.unit].join("|");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(fact);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length)[0] || [];
}

function formatTick(value, fact) {
  const parsed = fact.parsed;
  if (parsed.kind === "percent") return `${+value.toFixed(1)}%`;
  const symbol = parsed.kind === "money" ? ({ USD: "$", GBP: "£", EUR: "€" }[parsed.currency] || "") : "";
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${symbol}${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${symbol}${Math.round(value / 1e3)}k`;
  return `${symbol}${+value.toFixed(2)}`;
}

function niceTicks(low, high) {
  if (high <= low) { high = low + Math.max(1, Math.abs(low) * 0.1); }
  const raw = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= raw);
  const ticks = [];
  for (let t = Math.floor(low / step) * step; t <= high + step * 1e-9; t += step) ticks.push(t);
  if (ticks[ticks.length - 1] < high) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

function axisScale(values, facts) {
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const [first, last] = [ticks[0], ticks[ticks.length - 1]];
  const left = 16, right = CHART_WIDTH - 18;  // room for half a tick label at each end
  const x = (value) => left + (right - left) * (value - first) / (last - first || 1);
  return { x, ticks, format: (value) => formatTick(value, facts[0]) };
}

function drawAxis(root, scale, top, bottom) {
  for (const tick of scale.ticks) {
    const at = scale.x(tick);
    root.appendChild(svg("line", { x1: at, x2: at, y1: top, y2: bottom, class: "grid" }));
    root.appendChild(svg("text", { x: at, y: bottom + 13, class: "tick", "text-anchor": "middle" },
                         scale.format(tick)));
  }
}

function percentileOf(fact) {
  const match = fact.attribute.match(PERCENTILE);
  if (!match) return null;
  return match[2] ? 50 : Number(match[1]);
}

function chartKind(facts, conflict) {
  const subjects = new Set(facts.map((f) => `${f.citation.doc_id}|${f.subject}`));
  const percentiles = new Set(facts.map(percentileOf).filter((p) => p !== null));
  if (subjects.size === 1 && percentiles.size >= 3) return "percentiles";
  if (conflict) return "conflict";
  return facts.length >= 2 ? "ranges" : null;
}

function newChart(kind, height, label) {
  const root = svg("svg", { viewBox: `0 0 ${CHART_WIDTH} ${height}`, class: `chart chart-${kind}`, role: "img",
                            "aria-label": label, preserveAspectRatio: "xMinYMin meet" });
  return root;
}

function drawRanges(facts) {
  const rowHeight = 34, top = 4;
  const height = top + facts.length * rowHeight + 18;
  const root = newChart("ranges", height, "Chart of the figures in the table: one bar per subject, low to high.");
  const scale = axisScale(facts.flatMap((f) => [f.parsed.low, f.parsed.high]), facts);
  drawAxis(root, scale, top, height - 18);
  facts.forEach((fact, row) => {
    const y = top + row * rowHeight;
    const label = `${fact.subject}: ${fact.value}`;
    const text = svg("text", { x: 8, y: y + 12, class: "label" },
                     label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);
    if (label.length > LABEL_CHARS) text.appendChild(svg("title", {}, label));  // the whole label on hover
    root.appendChild(text);
    const [low, high] = [scale.x(fact.parsed.low), scale.x(fact.parsed.high)];
    if (high - low >= 2) {
      root.appendChild(svg("rect", { x: low, y: y + 17, width: high - low, height: 10, rx: 3, class: "bar" }));
    } else {
      root.appendChild(svg("circle", { cx: low, cy: y + 22, r: 5, class: "dot" }));
    }
  });
  return root;
}

function drawPercentiles(facts) {
  const byPercentile = new Map();
  for (const fact of facts) {
    const p = percentileOf(fact);
    if (p !== null && !byPercentile.has(p)) byPercentile.set(p, fact.parsed.low);
  }
  const mean = facts.find((f) => percentileOf(f) === null && /\b(mean|average)\b/i.test(f.attribute));
  const points = [...byPercentile.entries()].sort((a, b) => a[0] - b[0]);
  const values = points.map(([, v]) => v).concat(mean ? [mean.parsed.low] : []);
  const height = 104;
  const root = newChart("percentiles", height, `Chart of ${facts[0].subject}: the percentiles in the table as a box.`);
  const scale = axisScale(values, facts);
  drawAxis(root, scale, 16, height - 18);
  root.appendChild(svg("text", { x: 8, y: 11, class: "label" }, facts[0].subject));
  const value = (p) => byPercentile.get(p);
  const lowest = points[0][1], highest = points[points.length - 1][1];
  const y = 48;
  root.appendChild(svg("line", { x1: scale.x(lowest), x2: scale.x(highest), y1: y, y2: y, class: "whisker" }));
  const boxLow = value(25) ?? points[1][1], boxHigh = value(75) ?? points[points.length - 2][1];
  root.appendChild(svg("rect", { x: scale.x(boxLow), y: y - 12, width: Math.max(2, scale.x(boxHigh) - scale.x(boxLow)),
                                 height: 24, class: "box" }));
  for (const [p, v] of points) {
    const at = scale.x(v);
    root.appendChild(svg("line", { x1: at, x2: at, y1: y - 12, y2: y + 12,
                                   class: p === 50 ? "median" : "cap" }));
    root.appendChild(svg("text", { x: at, y: y + 26, class: "tick", "text-anchor": "middle" },
                         p === 50 ? "median" : `${p}th`));
  }
  if (mean) {
    root.appendChild(svg("circle", { cx: scale.x(mean.parsed.low), cy: y, r: 4, class: "mean" }));
    root.appendChild(svg("text", { x: scale.x(mean.parsed.low), y: y - 16, class: "tick", "text-anchor": "middle" },
                         "mean"));
  }
  return root;
}

function drawConflict(facts) {
  const sources = [...new Set(facts.map((f) => f.citation.doc_id))];
  const height = 48;
  const root = newChart("conflict", height, "Chart: the sources' differing figures as marks on one line.");
  const scale = axisScale(facts.flatMap((f) => [f.parsed.low, f.parsed.high]), facts);
  const y = 18;
  drawAxis(root, scale, 4, 32);
  root.appendChild(svg("line", { x1: 8, x2: CHART_WIDTH - 8, y1: y, y2: y, class: "baseline" }));
  facts.forEach((fact) => {
    const series = sources.indexOf(fact.citation.doc_id) % 6;
    const [low, high] = [scale.x(fact.parsed.low), scale.x(fact.parsed.high)];
    const mark = high - low >= 2
      ? svg("rect", { x: low, y: y - 5, width: high - low, height: 10, rx: 3, class: `mark series-${series}` })
      : svg("circle", { cx: low, cy: y, r: 6, class: `mark series-${series}` });
    mark.appendChild(svg("title", {}, `${fact.value}: ${fact.citation.title}`));
    root.appendChild(mark);
  });
  // The legend is HTML, so long source titles wrap instead of running off the picture.
  const legend = element("ul", "chart-legend");
  legend.setAttribute("aria-hidden", "true");
  sources.forEach((doc, row) => {
    const fact = facts.find((f) => f.citation.doc_id === doc);
    const item = element("li");
    item.append(element("span", `swatch series-${row % 6}`), element("span", null,
                `[${fact.citation.id}] ${fact.citation.title}: ${fact.value}`));
    legend.appendChild(item);
  });
  return [root, legend];
}

function renderChart(data, conflict) {
  const facts = numericGroup(data.facts || []);
  const kind = chartKind(facts, conflict);
  if (!kind) return null;
  const figure = element("figure", "chart-figure");
  figure.dataset.kind = kind;
  const draw = { ranges: drawRanges, percentiles: drawPercentiles, conflict: drawConflict }[kind];
  figure.append(...[draw(kind === "ranges" ? facts.slice(0, 12) : facts)].flat());
  return figure;
}

function withoutFactSentences(data) {
  // The table already shows each fact with its marker: keep only the supporting sentences of the answer text.
  const factIds = new Set(data.facts.map((f) => f.citation.id));
  return data.answer.split(/(?<=\[\d+\]\.?)\s+/).filter((part) => {
    const marker = part.match(/\[(\d+)\]\.?$/);
    return marker ? !factIds.has(Number(marker[1])) : !part.trim().endsWith(":");
  }).join(" ");
}

function renderAnswer(data, answerIndex) {
  const turn = element("article", "turn bot" + (data.found ? "" : " not-found"));
  turn.dataset.answer = String(answerIndex);
  turn.appendChild(element("h3", "visually-hidden", "careerbot answered"));
  if (!data.found) turn.appendChild(element("p", "badge", "Not covered by the sources"));
  if (data.resolved_question && data.resolved_question !== data.question) {
    turn.appendChild(element("p", "resolved", `Reading your question as: ${data.resolved_question}`));
  }
  let text = data.answer;
  if (data.facts && data.facts.length) {
    turn.appendChild(renderFacts(data, answerIndex));
    text = withoutFactSentences(data);
  }
  if (text) {
    const body = element("p", "answer");
    renderMarkers(body, text, data, answerIndex);
    turn.appendChild(body);
  }
  if (data.citations.length) {
    const open = element("button", "secondary show-sources", `Show ${data.citations.length} source` +
                                                               (data.citations.length > 1 ? "s" : ""));
    open.type = "button";
    open.dataset.answer = String(answerIndex);
    turn.appendChild(open);
  }
  conversation.appendChild(turn);
  return turn;
}

function answerData(answerIndex) {
  const turn = turns[answerIndex];
  return turn && turn.role === "assistant" ? turn.data : null;
}

function openSources(answerIndex, citeId) {
  const data = answerData(answerIndex);
  if (!data) return;
  sourcesList.replaceChildren();
  sourcesEmpty.hidden = data.citations.length > 0;
  let focusTarget = null;
  for (const citation of data.citations) {
    const item = element("li", "source");
    item.id = `source-${citation.id}`;
    item.tabIndex = -1;
    item.appendChild(element("p", "source-title", `[${citation.id}] ${citation.title}`));
    item.appendChild(element("p", "source-section", citation.section));
    const passage = element("blockquote", "passage");
    const at = citation.text.indexOf(citation.quote);
    if (at >= 0) {
      passage.appendChild(document.createTextNode(citation.text.slice(0, at)));
      passage.appendChild(element("mark", null, citation.quote));
      passage.appendChild(document.createTextNode(citation.text.slice(at + citation.quote.length)));
    } else {
      passage.appendChild(element("mark", null, citation.quote));
    }
    item.appendChild(passage);
    const link = element("a", "viewer-link", "Open the whole document at this passage");
    link.href = sourceUrl(citation);
    item.appendChild(link);
    if (citation.id === citeId) {
      item.classList.add("selected");
      focusTarget = item;
    }
    sourcesList.appendChild(item);
  }
  document.body.classList.add("sources-open");
  // Each passage scrolls inside its box: bring its highlighted quote into view there.
  for (const passage of sourcesList.querySelectorAll(".passage")) {
    const mark = passage.querySelector("mark");
    if (mark) passage.scrollTop = Math.max(0, mark.offsetTop - 24);
  }
  const target = focusTarget || sources;
  target.scrollIntoView({block: "nearest"});
  target.focus({preventScroll: true});
}

function closeSources() {
  document.body.classList.remove("sources-open");
  input.focus();
}

function renderAll() {
  conversation.replaceChildren();
  turns.forEach((turn, index) => {
    if (turn.role === "user") renderUser(turn.content);
    else if (turn.data) renderAnswer(turn.data, index);
  });
  empty.hidden = turns.length > 0;
}

function setBusy(state) {
  busy = state;
  input.disabled = state;
  sendButton.disabled = state;
  conversation.setAttribute("aria-busy", String(state));
  document.body.classList.toggle("thinking", state);
  statusLine.textContent = state ? "Thinking…" : "";
}

function showError(message, question) {
  const box = element("div", "turn error");
  box.setAttribute("role", "alert");
  box.appendChild(element("p", null, `Could not get an answer: ${message}`));
  const retry = element("button", "retry", "Retry");
  retry.type = "button";
  retry.addEventListener("click", () => {
    box.remove();
    ask(question);
  });
  box.appendChild(retry);
  conversation.appendChild(box);
  retry.focus();
}

async function ask(question) {
  if (busy) return;
  empty.hidden = true;
  // The server reads only the last few questions: send the recent turns, answers shortened.
  const history = turns.slice(-HISTORY_TURNS).map((turn) => ({
    role: turn.role,
    content: turn.role === "assistant" ? turn.content.slice(0, 1000) : turn.content,
  }));
  const pending = renderUser(question);
  setBusy(true);
  try {
    let response;
    try {
      response = await fetch("/ask", {
        method: "POST",
        headers: {"Content-Type": "application/json"},
        body: JSON.stringify({question, history}),
      });
    } catch (error) {
      throw new Error("the server cannot be reached. Check that careerbot is running, then retry.");
    }
    const data = await response.json().catch(() => null);
    if (!response.ok || !data) {
      throw new Error((data && data.error) || `the server answered with status ${response.status}.`);
    }
    turns.push({role: "user", content: question});
    turns.push({role: "assistant", content: data.answer, data});
    saveTurns();
    input.value = "";
    pending.remove();
    renderUser(question);
    const turn = renderAnswer(data, turns.length - 1);
    setBusy(false);
    turn.scrollIntoView({block: "nearest"});
  } catch (error) {
    pending.remove();
    setBusy(false);
    input.value = input.value || question;  // nothing typed is lost
    showError(error.message, question);
  }
  if (!busy) input.focus({preventScroll: true});
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) {
    statusLine.textContent = "Type a question first.";
    input.focus();
    return;
  }
  ask(question);
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

conversation.addEventListener("click", (event) => {
  const marker = event.target.closest("a.marker");
  if (marker) {
    event.preventDefault();
    openSources(Number(marker.dataset.answer), Number(marker.dataset.cite));
    return;
  }
  const button = event.target.closest("button.show-sources");
  if (button) openSources(Number(button.dataset.answer), null);
});

document.querySelectorAll("button.starter").forEach((button) => {
  button.addEventListener("click", () => ask(button.textContent.trim()));
});

document.getElementById("close-sources").addEventListener("click", closeSources);
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && document.body.classList.contains("sources-open")) closeSources();
});

document.getElementById("clear").addEventListener("click", () => {
  turns = [];
  saveTurns();
  sourcesList.replaceChildren();
  sourcesEmpty.hidden = false;
  document.body.classList.remove("sources-open");
  renderAll();
  statusLine.textContent = "Conversation cleared.";
  input.focus();
});

renderAll();
