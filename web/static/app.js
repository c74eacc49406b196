// careerbot chat page: everything from the server is rendered as text, never as HTML.
"use strict";

const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const conversation = document.getElementById("conversation");
const statusLine = document.getElementById("status");
const history = [];

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderAnswer(data) {
  const turn = element("article", "turn bot" + (data.found ? "" : " not-found"));
  const body = element("p", "answer");
  // Split on markers like [2]; text parts become text nodes, markers become links to their citation.
  for (const part of data.answer.split(/(\[\d+\])/)) {
    const match = part.match(/^\[(\d+)\]$/);
    const citation = match && data.citations.find((c) => c.id === Number(match[1]));
    if (citation) {
      const link = element("a", "marker", part);
      link.href = "#cite-" + citation.id + "-" + conversation.children.length;
      link.title = citation.quote;
      body.appendChild(link);
    } else {
      body.appendChild(document.createTextNode(part));
    }
  }
  turn.appendChild(body);
  if (data.citations.length) {
    const list = element("ol", "citations");
    for (const citation of data.citations) {
      const item = element("li");
      item.id = "cite-" + citation.id + "-" + conversation.children.length;
      item.appendChild(element("strong", null, citation.title));
      item.appendChild(element("span", "section", " — " + citation.section));
      item.appendChild(element("blockquote", null, citation.quote));
      list.appendChild(item);
    }
    turn.appendChild(list);
  }
  conversation.appendChild(turn);
}

async function ask(question) {
  conversation.appendChild(element("article", "turn user", question));
  input.disabled = true;
  statusLine.textContent = "Thinking…";
  try {
    const response = await fetch("/ask", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({question, history}),
    });
    const data = await response.json().catch(() => ({error: "The server sent an unreadable reply."}));
    if (!response.ok) throw new Error(data.error || ("Request failed with status " + response.status));
    renderAnswer(data);
    history.push({role: "user", content: question}, {role: "assistant", content: data.answer});
    input.value = "";
    statusLine.textContent = "";
  } catch (error) {
    statusLine.textContent = "Could not get an answer: " + error.message;
  } finally {
    input.disabled = false;
    input.focus();
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (question) ask(question);
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
