import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The pages' inline scripts, built from their browser modules (functions/web/browser/*.ts):
 * bundled with what they import, minified, as one IIFE each. The text reaches the server code as a
 * compile-time constant, the same way in every place that runs it:
 * - the function bundles (lambdaBuildOptions' `define`), which the local cloud runs too;
 * - the tests (vitest.config.ts' `define`).
 * The page computes its CSP hash of that constant at module load, so the hash is of what is served.
 */
export const BROWSER_SCRIPTS = {
  /** functions/web/browser/portal-script.ts, read by functions/web/portal-script.ts. */
  PORTAL_SCRIPT_SOURCE: 'functions/web/browser/portal-script.ts',
} as const;

const built = new Map<string, Record<string, string>>();

/** `define` entries (`{ PORTAL_SCRIPT_SOURCE: '"(()=>{…})();\n"' }`) for esbuild and vitest. */
export function browserScriptDefines(projectDir: string): Record<string, string> {
  let defines = built.get(projectDir);
  if (!defines) {
    defines = Object.fromEntries(
      Object.entries(BROWSER_SCRIPTS).map(([name, entry]) => [
        name,
        JSON.stringify(buildBrowserScript(join(projectDir, entry))),
      ]),
    );
    built.set(projectDir, defines);
  }
  return defines;
}

/** One browser module as the minified text of an inline `<script>`. */
export function buildBrowserScript(entryPoint: string): string {
  const result = buildSync({
    entryPoints: [entryPoint],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error(`esbuild produced no script for ${entryPoint}`);
  return text;
}
