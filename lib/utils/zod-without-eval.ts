import { z } from "zod";

/**
 * In the browser, zod parses without its JIT: the JIT compiles parsers with `new Function`, which
 * the pages' Content-Security-Policy forbids (no 'unsafe-eval'), and even zod's caught probe for
 * it is reported as a CSP violation. Forms parse small objects; the interpreter is plenty. The
 * server keeps the JIT. Imported for its effect by components/providers.tsx, which every page loads
 * before it renders.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
