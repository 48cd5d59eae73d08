import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The parts of the Electron hardening that live outside the main-process code: the
 * renderer's Content-Security-Policy and the fuses electron-builder flips in the
 * packaged binary. The BrowserWindow options are asserted where main builds them
 * (electronMain.test.ts, electronDesktop.test.ts), Electronegativity runs in
 * electronegativity.test.ts.
 */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const requireHere = createRequire(import.meta.url);

function cspOf(html: string): Map<string, string[]> {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!match) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  const directives = new Map<string, string[]>();
  for (const part of match[1]!.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

describe('the renderer Content-Security-Policy', () => {
  const csp = cspOf(read('renderer/index.html'));

  it('allows nothing by default and scripts only from the app bundle', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    // Plugins and embeds fall back to default-src 'none' unless named.
    expect(csp.get('object-src') ?? ["'none'"]).toEqual(["'none'"]);
  });

  it('lets the page reach nothing: no connections, forms, base or framing', () => {
    for (const directive of ['connect-src', 'base-uri', 'form-action', 'frame-ancestors'])
      expect(csp.get(directive), directive).toEqual(["'none'"]);
  });

  it('has no inline or eval escape hatch and no remote source anywhere', () => {
    for (const [directive, values] of csp) {
      for (const value of values) {
        expect(value, directive).not.toMatch(/unsafe-|^\*$|^https?:|^wss?:|^blob:|^filesystem:/i);
      }
    }
  });
});

describe('the fuses of the packaged binary (electron-builder.yml)', () => {
  const yaml = requireHere('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(read('electron-builder.yml')) as { electronFuses?: unknown };

  it('turns off running as Node, NODE_OPTIONS and the inspector, and trusts only the asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('names only fuses electron-builder knows, so a misspelt one cannot be silently ignored', () => {
    const scheme = JSON.parse(
      readFileSync(requireHere.resolve('app-builder-lib/scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const fuse of Object.keys(config.electronFuses as object)) expect(known).toContain(fuse);
  });
});
