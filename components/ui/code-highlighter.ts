import type { HighlighterCore, LanguageRegistration } from "shiki/core";

/*
 * Lazily loaded shiki (core + JavaScript regex engine: no WASM download). Each grammar is its
 * own chunk, fetched the first time a code block in that language appears.
 */
type GrammarModule = Promise<{ default: LanguageRegistration[] }>;

const grammars = {
  c: () => import("shiki/langs/c.mjs"),
  cpp: () => import("shiki/langs/cpp.mjs"),
  csharp: () => import("shiki/langs/csharp.mjs"),
  css: () => import("shiki/langs/css.mjs"),
  diff: () => import("shiki/langs/diff.mjs"),
  docker: () => import("shiki/langs/docker.mjs"),
  go: () => import("shiki/langs/go.mjs"),
  graphql: () => import("shiki/langs/graphql.mjs"),
  html: () => import("shiki/langs/html.mjs"),
  java: () => import("shiki/langs/java.mjs"),
  javascript: () => import("shiki/langs/javascript.mjs"),
  json: () => import("shiki/langs/json.mjs"),
  jsx: () => import("shiki/langs/jsx.mjs"),
  kotlin: () => import("shiki/langs/kotlin.mjs"),
  markdown: () => import("shiki/langs/markdown.mjs"),
  php: () => import("shiki/langs/php.mjs"),
  python: () => import("shiki/langs/python.mjs"),
  ruby: () => import("shiki/langs/ruby.mjs"),
  rust: () => import("shiki/langs/rust.mjs"),
  shellscript: () => import("shiki/langs/shellscript.mjs"),
  sql: () => import("shiki/langs/sql.mjs"),
  swift: () => import("shiki/langs/swift.mjs"),
  toml: () => import("shiki/langs/toml.mjs"),
  tsx: () => import("shiki/langs/tsx.mjs"),
  typescript: () => import("shiki/langs/typescript.mjs"),
  xml: () => import("shiki/langs/xml.mjs"),
  yaml: () => import("shiki/langs/yaml.mjs"),
} satisfies Record<string, () => GrammarModule>;

export type CodeLanguage = keyof typeof grammars;

const aliases: Record<string, CodeLanguage> = {
  "c#": "csharp",
  "c++": "cpp",
  bash: "shellscript",
  cjs: "javascript",
  console: "shellscript",
  cs: "csharp",
  dockerfile: "docker",
  gql: "graphql",
  golang: "go",
  js: "javascript",
  json5: "json",
  jsonc: "json",
  kt: "kotlin",
  md: "markdown",
  mjs: "javascript",
  py: "python",
  rb: "ruby",
  rs: "rust",
  sh: "shellscript",
  shell: "shellscript",
  svg: "xml",
  ts: "typescript",
  yml: "yaml",
  zsh: "shellscript",
};

export function resolveLanguage(language: string | undefined): CodeLanguage | null {
  if (!language) return null;
  const key = language.trim().toLowerCase();
  if (Object.hasOwn(grammars, key)) return key as CodeLanguage;
  return aliases[key] ?? null;
}

// GitHub's Primer themes pass WCAG AA on our --code backgrounds except the light comment grey.
const colorReplacements = { "github-light-default": { "#6e7781": "#636c76" } };

let highlighter: HighlighterCore | null = null;
let highlighterPromise: Promise<HighlighterCore> | null = null;
const languagePromises = new Map<CodeLanguage, Promise<void>>();
const readyLanguages = new Set<CodeLanguage>();
const listeners = new Set<() => void>();

function getHighlighter() {
  highlighterPromise ??= Promise.all([
    import("shiki/core"),
    import("shiki/engine/javascript"),
    import("shiki/themes/github-light-default.mjs"),
    import("shiki/themes/github-dark-default.mjs"),
  ]).then(async ([core, engine, light, dark]) => {
    highlighter = await core.createHighlighterCore({
      themes: [light.default, dark.default],
      langs: [],
      engine: engine.createJavaScriptRegexEngine({ forgiving: true }),
    });
    return highlighter;
  });
  // A failed chunk load (offline, deploy in progress) must not poison later attempts.
  highlighterPromise.catch(() => {
    highlighterPromise = null;
  });
  return highlighterPromise;
}

export function loadLanguage(language: CodeLanguage): Promise<void> {
  let promise = languagePromises.get(language);
  if (!promise) {
    promise = Promise.all([getHighlighter(), grammars[language]()])
      .then(([instance, grammar]) => instance.loadLanguage(grammar.default))
      .then(() => {
        readyLanguages.add(language);
        for (const listener of listeners) listener();
      });
    promise.catch(() => languagePromises.delete(language));
    languagePromises.set(language, promise);
  }
  return promise;
}

export function isLanguageReady(language: CodeLanguage | null) {
  return language !== null && readyLanguages.has(language);
}

export function subscribeToLanguages(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Synchronous once `language` is ready; null before that or if highlighting fails, in which
 * case callers show plain text. Shiki escapes the code, so the returned HTML is safe to inject.
 */
export function highlightCode(code: string, language: CodeLanguage): string | null {
  if (!highlighter || !readyLanguages.has(language)) return null;
  try {
    return highlighter.codeToHtml(code, {
      lang: language,
      themes: { light: "github-light-default", dark: "github-dark-default" },
      defaultColor: false,
      colorReplacements,
    });
  } catch {
    return null;
  }
}
