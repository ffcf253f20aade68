// Bundles the page with esbuild into $WEB_OUT (Maven passes target/classes/web); no CDN at run time.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.env.WEB_OUT ?? '../../../target/classes/web');
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: ['src/app.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outfile: `${out}/app.js`,
  logLevel: 'warning',
});
copyFileSync('src/index.html', `${out}/index.html`);
copyFileSync('src/style.css', `${out}/style.css`);
console.log(`web page bundled into ${out}`);
