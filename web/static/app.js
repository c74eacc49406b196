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
  return scroller;
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
