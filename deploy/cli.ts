/** Entry point of `npm run deploy`; see runDeploy.ts. */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { managerNodeManagement } from './managerNodeAdapter'
import { runDeploy } from './runDeploy'
import { newInviteCode } from './seed'

const root = path.resolve(__dirname, '..')

runDeploy(process.argv.slice(2), {
  root,
  environment: process.env,
  log: (line) => console.log(line),
  build: async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-functions.mjs')], { stdio: 'inherit' })
  },
  createManagement: managerNodeManagement,
  nowMs: () => Date.now(),
  newInviteCode,
}).then((code) => {
  // manager-node and the SDK keep sockets open; the deploy is over when its steps are.
  process.exit(code)
})
