/**
 * Lets a plain `node` child process run the project's TypeScript sources
 * directly (tests that need real processes: signals, stalls, shutdown):
 *
 *   node -r ./test/testkit/registerTypeScript.js services/country/index.ts --member XK
 *
 * Each .ts file is transpiled on load with the project's compiler options
 * (no type check: `npm run typecheck` does that), as ts-jest does for tests,
 * and the output kept in a cache by content hash (os.tmpdir()), so the next
 * process starts at once.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, inlineSources: false, noEmit: false, declaration: false };

const cacheDir = path.join(os.tmpdir(), `jpg-ts-cache-${os.userInfo().uid}`);
fs.mkdirSync(cacheDir, { recursive: true });
const salt = `${ts.version}:${JSON.stringify(compilerOptions)}`;

function transpile(source, filename) {
  const key = crypto.createHash('sha256').update(salt).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    // Written whole under a unique name, then renamed: a concurrent reader never sees half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(partial, outputText);
    fs.renameSync(partial, cached);
    return outputText;
  }
}

require.extensions['.ts'] = function compile(module, filename) {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
