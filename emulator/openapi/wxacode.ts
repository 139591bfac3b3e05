import { PNG } from 'pngjs'
import qrcode from 'qrcode-generator'
import { invalidArgs, invalidPage, invalidScene } from './errors'
import type { OpenApi, OpenApiParameters } from './types'

/** The longest scene WeChat accepts, in characters. */
export const SCENE_LENGTH_MAX = 32

/** The characters WeChat allows in a scene: digits, letters and `!#$&'()*+,/:;=?@-._~`. */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/

/** Image width in pixels when none is given, and WeChat's bounds (values outside are clamped). */
export const WXACODE_WIDTH_DEFAULT = 430
export const WXACODE_WIDTH_MIN = 280
export const WXACODE_WIDTH_MAX = 1280

/** The modules of light margin around the code (the QR quiet zone). */
export const QUIET_ZONE_MODULES = 4

/** The `env_version` values WeChat accepts. */
export const ENV_VERSIONS = ['release', 'trial', 'develop'] as const

/** An RGBA colour, each channel 0 to 255. */
interface Rgba {
  readonly red: number
  readonly green: number
  readonly blue: number
  readonly alpha: number
}

const WHITE: Rgba = { red: 255, green: 255, blue: 255, alpha: 255 }
const TRANSPARENT: Rgba = { red: 0, green: 0, blue: 0, alpha: 0 }

/**
 * PNG row filter 2, "Up": rows of a QR image repeat a module's height at a time, so Up leaves mostly zeros
 * (7.5 KB at 430 px, 30 KB at 1280 px) in one cheap pass. pngjs's adaptive default also tries Paeth, which
 * took 6 s for a 1280 px image under jest (0.1 s under plain Node) for a third of the size.
 */
const PNG_FILTER_UP = 2

/** A QR code's modules: `size`×`size`, `isDark(row, column)`. */
interface QrModules {
  readonly size: number
  readonly isDark: (row: number, column: number) => boolean
}

/**
 * The text the emulator's code carries: the page, then `?scene=` and the URL-encoded scene (the form in which the
 * mini-program receives `options.scene`). WeChat's real codes are not QR codes; this one is, so tests can decode it.
 */
export function wxacodeTextOf(options: { readonly scene: string; readonly page?: string }): string {
  return `${options.page ?? ''}?scene=${encodeURIComponent(options.scene)}`
}

function sceneOf(parameters: OpenApiParameters): string {
  const scene = parameters.scene
  if (typeof scene !== 'string' || scene.length > SCENE_LENGTH_MAX || !SCENE_PATTERN.test(scene)) throw invalidScene()
  return scene
}

function pageOf(parameters: OpenApiParameters): string | undefined {
  const page = parameters.page
  if (page === undefined || page === '') return undefined
  if (typeof page !== 'string') throw invalidPage('page is not a string')
  if (page.startsWith('/')) throw invalidPage('page must not start with /')
  return page
}

function widthOf(parameters: OpenApiParameters): number {
  const width = parameters.width
  if (typeof width !== 'number' || !Number.isFinite(width)) return WXACODE_WIDTH_DEFAULT
  return Math.min(WXACODE_WIDTH_MAX, Math.max(WXACODE_WIDTH_MIN, Math.round(width)))
}

function channel(value: unknown): number {
  const number = typeof value === 'string' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) ? Math.min(255, Math.max(0, Math.round(number))) : 0
}

function lineColourOf(parameters: OpenApiParameters): Rgba {
  const colour = parameters.line_color
  if (parameters.auto_color === true || colour === null || typeof colour !== 'object') {
    return { red: 0, green: 0, blue: 0, alpha: 255 }
  }
  const { r, g, b } = colour as { r?: unknown; g?: unknown; b?: unknown }
  return { red: channel(r), green: channel(g), blue: channel(b), alpha: 255 }
}

/**
 * The level-M QR code of the text's UTF-8 bytes in byte mode, in the smallest version that holds them; undefined
 * when even version 40 does not. qrcode-generator keeps the low byte of each character in byte mode, and only its
 * CommonJS build has a UTF-8 conversion (tsx may load the ES build), so the UTF-8 bytes go in one character each,
 * as `miniprogram/utils/qrCodeSvg.ts` does.
 */
function qrModulesOf(text: string): QrModules | undefined {
  const code = qrcode(0, 'M')
  code.addData(Buffer.from(text, 'utf8').toString('latin1'), 'Byte')
  try {
    code.make()
  } catch {
    // qrcode-generator throws a string ("code length overflow") when the data does not fit.
    return undefined
  }
  return { size: code.getModuleCount(), isDark: (row, column) => code.isDark(row, column) }
}

/** A `width`×`width` PNG of the code, centred with at least the quiet zone, whole pixels per module. */
function pngOf(options: {
  readonly code: QrModules
  readonly width: number
  readonly dark: Rgba
  readonly light: Rgba
}) {
  const { code, width, dark, light } = options
  const scale = Math.floor(width / (code.size + 2 * QUIET_ZONE_MODULES))
  const offset = Math.floor((width - scale * code.size) / 2)
  const image = new PNG({ width, height: width })
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const column = Math.floor((x - offset) / scale)
      const row = Math.floor((y - offset) / scale)
      const inside = x >= offset && y >= offset && column < code.size && row < code.size
      const colour = inside && code.isDark(row, column) ? dark : light
      const index = (y * width + x) * 4
      image.data[index] = colour.red
      image.data[index + 1] = colour.green
      image.data[index + 2] = colour.blue
      image.data[index + 3] = colour.alpha
    }
  }
  return PNG.sync.write(image, { filterType: PNG_FILTER_UP })
}

/**
 * `cloud.openapi.wxacode.getUnlimited`: a PNG of a QR code carrying `wxacodeTextOf({ scene, page })`, `width`
 * pixels square, in `line_color` on white (transparent with `is_hyaline`). The same parameters give the same
 * bytes. Fails as WeChat does: 40169 for a missing, too long or ill-charactered scene, 41030 for a page
 * starting with `/`, 40097 for an unknown `env_version`. Pages are not checked against the app (`check_path`).
 */
export const getUnlimitedWxacode: OpenApi = (parameters) => {
  const scene = sceneOf(parameters)
  const page = pageOf(parameters)
  const envVersion = parameters.env_version
  if (envVersion !== undefined && !ENV_VERSIONS.includes(envVersion as (typeof ENV_VERSIONS)[number])) {
    throw invalidArgs(`env_version must be one of ${ENV_VERSIONS.join(', ')}`)
  }
  const code = qrModulesOf(wxacodeTextOf({ scene, ...(page ? { page } : {}) }))
  if (!code) throw invalidPage('page is too long for the emulator')
  const bytes = pngOf({
    code,
    width: widthOf(parameters),
    dark: lineColourOf(parameters),
    light: parameters.is_hyaline === true ? TRANSPARENT : WHITE,
  })
  return { kind: 'file', contentType: 'image/png', bytes }
}
