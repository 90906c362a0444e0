/**
 * The loader a creator's website includes (`<script src=".../embed.js" data-gpt="<id>" async>`),
 * served as is by app/embed.js. Plain browser JavaScript, no framework, so it stays a few KB.
 *
 * It asks Atelier for a session (cross-origin, without credentials: the browser's own Origin
 * header tells Atelier which site this is), remembers the visitor id in the host page's storage
 * so a returning visitor keeps it, and draws a chat bubble in a shadow root (the host page's CSS
 * cannot reach in, ours cannot leak out). The chat itself runs in an Atelier iframe opened on the
 * first click; the visitor token travels in its URL fragment, which browsers never send to a
 * server. On refusal (site not listed, widget off) it logs why and draws nothing.
 *
 * Messages with the frame: "close" (Escape or the close button inside it) and "token-expired"
 * (answered with a fresh "token"), checked against the frame's window and Atelier's origin.
 */
export const LOADER_SCRIPT = `(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var gptId = script.getAttribute("data-gpt");
  if (!gptId) {
    console.warn("[Atelier] The chat widget needs a data-gpt attribute.");
    return;
  }
  // The same tag pasted twice (a template and a page) draws one bubble.
  var drawn = (window.__atelierEmbeds = window.__atelierEmbeds || {});
  if (drawn[gptId]) return;
  drawn[gptId] = true;
  var base = new URL(script.src).origin;
  var storageKey = "atelier-embed-visitor:" + gptId;
  var tag = "atelier-embed";
  var frame = null;
  var session = null;

  // Storage can be off (privacy settings): the visitor then gets a new id per page load.
  function savedVisitor() {
    try {
      return localStorage.getItem(storageKey) || "";
    } catch (error) {
      return "";
    }
  }

  function saveVisitor(value) {
    try {
      localStorage.setItem(storageKey, value);
    } catch (error) {}
  }

  function requestSession() {
    var visitor = savedVisitor();
    var url =
      base + "/api/embed/" + encodeURIComponent(gptId) + "/session" +
      (visitor ? "?visitor=" + encodeURIComponent(visitor) : "");
    return fetch(url, { credentials: "omit", cache: "no-store" }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          var message = body && body.error && body.error.message;
          throw new Error(message || "The chat widget could not start (" + response.status + ").");
        }
        saveVisitor(body.visitorId);
        return body;
      });
    });
  }

  function icon(paths) {
    return '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="26" height="26" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">' + paths + "</svg>";
  }

  function render(config) {
    var side = config.position === "LEFT" ? "left" : "right";
    var host = document.createElement("div");
    host.setAttribute("data-atelier-embed", gptId);
    var root = host.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent =
      ":host{all:initial}" +
      ".bubble{position:fixed;bottom:20px;" + side + ":20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 16px rgba(0,0,0,.25);background:" + config.themeColor + ";color:" + config.themeForeground + "}" +
      ".bubble:focus-visible{outline:none;box-shadow:0 0 0 3px #fff,0 0 0 6px #111}" +
      ".panel{position:fixed;bottom:88px;" + side + ":20px;z-index:2147483001;width:380px;height:min(640px,calc(100vh - 112px));max-width:calc(100vw - 40px);border-radius:16px;overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.28);background:#fff}" +
      ".panel[hidden]{display:none}" +
      "iframe{display:block;width:100%;height:100%;border:0}" +
      "@media (max-width:480px){.panel{inset:0;width:100%;height:100%;max-width:none;border-radius:0}}";
    var bubble = document.createElement("button");
    bubble.type = "button";
    bubble.className = "bubble";
    bubble.setAttribute("aria-label", "Open chat with " + config.name);
    bubble.setAttribute("aria-expanded", "false");
    bubble.innerHTML = icon('<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>');
    var panel = document.createElement("div");
    panel.className = "panel";
    panel.hidden = true;
    root.append(style, panel, bubble);
    document.body.appendChild(host);

    function open() {
      if (!frame) {
        frame = document.createElement("iframe");
        frame.title = "Chat with " + config.name;
        frame.setAttribute("allow", "clipboard-write");
        frame.src = base + "/embed/" + encodeURIComponent(gptId) + "#token=" + encodeURIComponent(session.token);
        // Focus given before the frame's document exists does not reach it: give it again.
        frame.addEventListener("load", function () {
          if (!panel.hidden) focusFrame();
        });
        panel.appendChild(frame);
      }
      panel.hidden = false;
      bubble.setAttribute("aria-expanded", "true");
      bubble.setAttribute("aria-label", "Close chat with " + config.name);
      bubble.innerHTML = icon('<path d="M18 6 6 18M6 6l12 12"/>');
      focusFrame();
    }

    // The frame's window must be focused too: only then does its document get the focus event
    // on which it moves focus to the message box.
    function focusFrame() {
      frame.focus();
      if (frame.contentWindow) frame.contentWindow.focus();
    }

    function close() {
      if (panel.hidden) return;
      panel.hidden = true;
      bubble.setAttribute("aria-expanded", "false");
      bubble.setAttribute("aria-label", "Open chat with " + config.name);
      bubble.innerHTML = icon('<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>');
      bubble.focus();
    }

    bubble.addEventListener("click", function () {
      if (panel.hidden) open();
      else close();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
    });
    window.addEventListener("message", function (event) {
      if (!frame || event.source !== frame.contentWindow || event.origin !== base) return;
      var data = event.data || {};
      if (data.source !== tag) return;
      if (data.type === "close") close();
      if (data.type === "token-expired") {
        requestSession().then(
          function (fresh) {
            session = fresh;
            frame.contentWindow.postMessage({ source: tag, type: "token", token: fresh.token }, base);
          },
          function (error) {
            console.warn("[Atelier] " + error.message);
          },
        );
      }
    });
  }

  requestSession().then(
    function (body) {
      session = body;
      if (document.body) render(body.config);
      else document.addEventListener("DOMContentLoaded", function () { render(body.config); });
    },
    function (error) {
      console.warn("[Atelier] " + error.message);
    },
  );
})();
`;
