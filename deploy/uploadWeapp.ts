/**
 * `npm run upload:weapp -- --version <x.y.z> [--description <text>]`: uploads the built mini-program
 * (`dist/`, from `npm run build:weapp`) as a development version with miniprogram-ci. The app id
 * (WEAPP_APP_ID) and the path of the upload private key (WEAPP_PRIVATE_KEY_PATH, downloaded from
 * 小程序后台 → 开发管理 → 小程序代码上传, whose IP whitelist must include this machine) come from the
 * environment. project.config.json stays as WeChat DevTools reads it; only the app id is passed
 * here. miniprogram-ci is loaded only when an upload runs (`npm install --no-save miniprogram-ci@2`
 * first: about 90 pinned dependencies), and it leaves a watcher running, so the process exits itself.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

/** The variables an upload needs. */
export const UPLOAD_VARIABLES = ['WEAPP_APP_ID', 'WEAPP_PRIVATE_KEY_PATH'] as const
export const UPLOAD_PACKAGE_INSTALL = 'npm install --no-save miniprogram-ci@2'

const root = path.resolve(__dirname, '..')

/** The upload's settings, or the reasons it is refused. */
export function uploadSettingsOf(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
): { settings?: { appId: string; privateKeyPath: string; version: string; description: string }; problems: string[] } {
  const { values } = parseArgs({
    args: [...argv],
    options: { version: { type: 'string' }, description: { type: 'string' } },
    strict: true,
  })
  const problems = UPLOAD_VARIABLES.filter((name) => !environment[name]).map((name) => `${name} is not set`)
  if (!values.version) problems.push('--version <x.y.z> is required')
  const privateKeyPath = environment.WEAPP_PRIVATE_KEY_PATH ?? ''
  if (privateKeyPath && !existsSync(privateKeyPath)) problems.push(`no private key at ${privateKeyPath}`)
  if (!existsSync(path.join(root, 'dist', 'app.json'))) problems.push('dist/ has no build: run npm run build:weapp')
  if (problems.length > 0) return { problems }
  return {
    settings: {
      appId: environment.WEAPP_APP_ID ?? '',
      privateKeyPath,
      version: values.version ?? '',
      description: values.description ?? `store-loyalty ${values.version}`,
    },
    problems,
  }
}

/** Uploads the build; answers the process exit code. */
export async function uploadWeapp(): Promise<number> {
  const { settings, problems } = uploadSettingsOf(process.argv.slice(2), process.env)
  if (!settings) {
    for (const problem of problems) console.error(`Refused: ${problem}`)
    return 1
  }
  // biome-ignore lint/suspicious/noExplicitAny: miniprogram-ci is loaded at run time and not installed for typechecks.
  let ci: any
  try {
    ci = require('miniprogram-ci')
  } catch {
    console.error(`Refused: miniprogram-ci is not installed; run: ${UPLOAD_PACKAGE_INSTALL}`)
    return 1
  }
  // miniprogram-ci's Project reads the project folder; `dist/` is the miniprogramRoot of project.config.json.
  const project = new ci.Project({
    appid: settings.appId,
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: settings.privateKeyPath,
    ignores: ['node_modules/**/*', 'cloudfunctions/**/*', 'miniprogram/**/*', 'tests/**/*'],
  })
  const result = await ci.upload({
    project,
    version: settings.version,
    desc: settings.description,
    setting: { es6: false, minify: false },
  })
  console.log(`Uploaded version ${settings.version}: ${JSON.stringify(result?.subPackageInfo ?? result)}`)
  return 0
}
