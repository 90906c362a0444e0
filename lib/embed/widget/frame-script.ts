/**
 * The frame's chat, inline in its document under the CSP nonce. Plain browser JavaScript.
 *
 * - Text from the model or the visitor is only ever set with textContent: no markup from an
 *   answer is interpreted.
 * - The visitor token comes from the URL fragment (the loader's), or, for the iframe-only snippet,
 *   from a session the frame asks for itself naming its embedder (lib/embed/website-origin.ts).
 * - The conversation id and the transcript live in this frame's sessionStorage (browsers
 *   partition it per host site), so a reload of the host page shows the chat so far.
 * - Answers arrive as the AI SDK's UI message stream (SSE `data:` lines): text deltas are appended
 *   as they come; errors (limits, the creator's budget) are shown inline.
 */
export const FRAME_SCRIPT = String.raw`(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("embed-config").textContent);
  var tag = "atelier-embed";
  var log = document.getElementById("log");
  var main = document.querySelector("main");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var sendButton = document.getElementById("send");
  var closeButton = document.getElementById("close");
  var starters = document.getElementById("starters");
  var storageKey = "atelier-embed-chat:" + config.gptId;
  var token = new URLSearchParams(location.hash.slice(1)).get("token");
  var isInLoader = Boolean(token);
  var hostOrigin = token ? claimsOf(token).o : null;
  var state = { visitorId: null, conversationId: null, messages: [] };
  var isBusy = false;
  var tokenWaiters = [];

  function claimsOf(value) {
    try {
      var part = value.split(".")[0].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(part));
    } catch (error) {
      return {};
    }
  }

  function restore() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(storageKey) || "null");
      if (saved && saved.visitorId === claimsOf(token).v) state = saved;
    } catch (error) {}
    state.visitorId = claimsOf(token).v;
    state.messages.forEach(function (message) {
      addMessage(message.role, message.text);
    });
    if (state.messages.length > 0) starters && starters.remove();
  }

  function save() {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch (error) {}
  }

  function addMessage(role, text) {
    var bubble = document.createElement("div");
    bubble.className = "msg " + role;
    var label = document.createElement("span");
    label.className = "sr-only";
    label.textContent = role === "user" ? "You: " : config.name + ": ";
    var body = document.createElement("p");
    body.textContent = text;
    bubble.append(label, body);
    log.appendChild(bubble);
    main.scrollTop = main.scrollHeight;
    return body;
  }

  function showError(body, message) {
    if (body.textContent) {
      var note = document.createElement("p");
      note.className = "note";
      note.textContent = message;
      body.parentNode.appendChild(note);
    } else {
      body.parentNode.className = "msg error";
      body.textContent = message;
    }
  }

  function setBusy(value) {
    isBusy = value;
    sendButton.disabled = value;
  }

  function disable(message) {
    form.hidden = true;
    var notice = document.createElement("p");
    notice.className = "msg error";
    notice.setAttribute("role", "alert");
    notice.textContent = message;
    log.appendChild(notice);
  }

  function embedderOrigin() {
    if (location.ancestorOrigins && location.ancestorOrigins.length > 0) {
      return location.ancestorOrigins[0];
    }
    try {
      return document.referrer ? new URL(document.referrer).origin : "";
    } catch (error) {
      return "";
    }
  }

  function ownSession() {
    var visitorKey = "atelier-embed-visitor:" + config.gptId;
    var visitor = "";
    try {
      visitor = localStorage.getItem(visitorKey) || "";
    } catch (error) {}
    var query = "?embedder=" + encodeURIComponent(embedderOrigin()) +
      (visitor ? "&visitor=" + encodeURIComponent(visitor) : "");
    return fetch("/api/embed/" + encodeURIComponent(config.gptId) + "/session" + query, {
      cache: "no-store",
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(messageOf(body, response.status));
        try {
          localStorage.setItem(visitorKey, body.visitorId);
        } catch (error) {}
        return body.token;
      });
    });
  }

  function freshToken() {
    if (!isInLoader) return ownSession();
    return new Promise(function (resolve, reject) {
      tokenWaiters.push(resolve);
      window.parent.postMessage({ source: tag, type: "token-expired" }, hostOrigin);
      setTimeout(function () {
        reject(new Error("This chat session has expired. Reload the page to keep chatting."));
      }, 15000);
    });
  }

  function messageOf(body, status) {
    var message = body && body.error && body.error.message;
    if (message) return message;
    return status === 429
      ? "You're sending messages too fast. Try again later."
      : "Something went wrong. Please try again.";
  }

  function post(text, isRetry) {
    return fetch("/api/embed/" + encodeURIComponent(config.gptId) + "/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        token: token,
        message: text,
        conversationId: state.conversationId || undefined,
      }),
    }).then(function (response) {
      if (response.ok || isRetry) return response;
      return response.clone().json().then(
        function (body) {
          var reason = body && body.error && body.error.reason;
          if (response.status === 401 && reason === "token_expired") {
            return freshToken().then(function (value) {
              token = value;
              return post(text, true);
            });
          }
          // The saved conversation is gone (or was another visitor's): start a new one.
          if (response.status === 404 && state.conversationId) {
            state.conversationId = null;
            return post(text, true);
          }
          return response;
        },
        function () {
          return response;
        },
      );
    });
  }

  function readStream(response, onChunk) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    function pump() {
      return reader.read().then(function (result) {
        if (result.done) return;
        buffer += decoder.decode(result.value, { stream: true });
        var events = buffer.split("\n\n");
        buffer = events.pop();
        events.forEach(function (event) {
          event.split("\n").forEach(function (line) {
            if (line.indexOf("data: ") !== 0) return;
            var data = line.slice(6);
            if (data === "[DONE]") return;
            try {
              onChunk(JSON.parse(data));
            } catch (error) {}
          });
        });
        return pump();
      });
    }
    return pump();
  }

  function send(text) {
    text = text.trim();
    if (isBusy || !text) return;
    setBusy(true);
    if (starters) starters.remove();
    addMessage("user", text);
    state.messages.push({ role: "user", text: text });
    var body = addMessage("assistant", "");
    var bubble = body.parentNode;
    bubble.classList.add("pending");
    bubble.setAttribute("aria-busy", "true");
    var answer = "";
    var failure = "";
    post(text, false)
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(
            function (payload) { failure = messageOf(payload, response.status); },
            function () { failure = messageOf(null, response.status); },
          );
        }
        state.conversationId = response.headers.get("x-conversation-id") || state.conversationId;
        return readStream(response, function (chunk) {
          if (chunk.type === "text-delta") {
            answer += chunk.delta;
            bubble.classList.remove("pending");
            body.textContent = answer;
            main.scrollTop = main.scrollHeight;
          } else if (chunk.type === "error") {
            failure = chunk.errorText || "The answer failed. Please try again.";
          } else if (chunk.type === "message-metadata" && chunk.messageMetadata) {
            var meta = chunk.messageMetadata;
            if (meta.status === "FAILED" && meta.errorMessage) failure = meta.errorMessage;
          }
        });
      })
      .catch(function (error) {
        failure = (error && error.message) || "Could not reach the assistant. Please try again.";
      })
      .then(function () {
        bubble.classList.remove("pending");
        bubble.removeAttribute("aria-busy");
        if (answer) state.messages.push({ role: "assistant", text: answer });
        if (failure) showError(body, failure);
        save();
        setBusy(false);
        input.focus();
      });
  }

  function closeWidget() {
    if (isInLoader) window.parent.postMessage({ source: tag, type: "close" }, hostOrigin);
  }

  if (!form) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim() || isBusy) return;
    input.value = "";
    input.style.height = "";
    send(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", function () {
    input.style.height = "";
    input.style.height = Math.min(input.scrollHeight + 2, 140) + "px";
  });
  if (starters) {
    starters.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (button) send(button.textContent);
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeWidget();
  });
  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (event.source !== window.parent || event.origin !== hostOrigin || data.source !== tag) return;
    if (data.type === "token" && typeof data.token === "string") {
      token = data.token;
      tokenWaiters.splice(0).forEach(function (resolve) { resolve(data.token); });
    }
  });
  // The loader focuses this frame when it opens the panel: the visitor can type at once.
  window.addEventListener("focus", function () {
    if (document.activeElement === document.body) input.focus();
  });
  if (isInLoader) {
    closeButton.hidden = false;
    closeButton.addEventListener("click", closeWidget);
    restore();
    if (document.hasFocus()) input.focus();
    return;
  }
  if (window.parent === window) {
    disable("This chat works inside the website it is embedded on.");
    return;
  }
  setBusy(true);
  ownSession().then(
    function (value) {
      token = value;
      restore();
      setBusy(false);
    },
    function (error) {
      disable(error.message);
    },
  );
})();
`;
