/**
 * The frame's stylesheet (inline in its document: one request, nothing to cache-bust). Colours
 * meet WCAG AA on white; the creator's theme colour only paints the visitor's own messages and the
 * send button, with a text colour chosen for contrast (lib/embed/theme.ts).
 */
export function frameStyles({ theme, themeText }: { theme: string; themeText: string }): string {
  return `*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#fff}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
.app{display:flex;flex-direction:column;height:100%;height:100dvh}
header{display:flex;align-items:center;gap:10px;padding:12px 14px;border-bottom:1px solid #e5e7eb}
.avatar{width:32px;height:32px;border-radius:50%;flex:none;object-fit:cover;display:flex;align-items:center;justify-content:center;color:#fff;font-weight:600;font-size:13px}
h1{flex:1;min-width:0;margin:0;font-size:16px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
button{font:inherit;cursor:pointer}
.icon-button{border:0;background:transparent;color:#374151;width:36px;height:36px;border-radius:8px;display:flex;align-items:center;justify-content:center}
.icon-button:hover{background:#f3f4f6}
:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
main{flex:1;min-height:0;overflow-y:auto;padding:16px 14px;display:flex;flex-direction:column;gap:10px}
.log{display:flex;flex-direction:column;gap:10px}
.msg{max-width:85%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}
.msg p{margin:0}
.assistant{align-self:flex-start;background:#f3f4f6;border-bottom-left-radius:4px}
.user{align-self:flex-end;background:${theme};color:${themeText};border-bottom-right-radius:4px}
.error{align-self:flex-start;background:#fef2f2;color:#991b1b;border:1px solid #fecaca}
.note{margin-top:6px;font-size:13px;color:#991b1b}
.pending p::after{content:"…";animation:blink 1s steps(2) infinite}
@keyframes blink{50%{opacity:0}}
@media (prefers-reduced-motion:reduce){.pending p::after{animation:none}}
.starters{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:8px}
.starters button{border:1px solid #d1d5db;background:#fff;color:#111827;border-radius:999px;padding:6px 12px;font-size:14px;text-align:left}
.starters button:hover{background:#f9fafb}
form{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid #e5e7eb}
textarea{flex:1;resize:none;max-height:140px;min-height:40px;padding:9px 12px;border:1px solid #9ca3af;border-radius:12px;font:inherit;color:inherit;background:#fff}
textarea:focus-visible{outline:2px solid #2563eb;outline-offset:0;border-color:#2563eb}
.send{flex:none;width:40px;height:40px;border:0;border-radius:50%;background:${theme};color:${themeText};display:flex;align-items:center;justify-content:center}
.send:disabled{opacity:.5;cursor:not-allowed}
footer{padding:4px 12px 8px;text-align:center;font-size:12px}
footer a{color:#4b5563}
.notice{margin:auto;max-width:300px;text-align:center;color:#374151}
`;
}
