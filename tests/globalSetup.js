const { execFileSync } = require('node:child_process')
const path = require('node:path')

// Function tests run the bundles CloudBase would upload, so build them first, once per jest run.
module.exports = async function globalSetup() {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-functions.mjs')], { stdio: 'inherit' })
}
