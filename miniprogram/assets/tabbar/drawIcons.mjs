// Draws the tabBar icons (81×81 PNG: WeChat's tabBar takes no SVG). Run from the repository root:
//   node miniprogram/assets/tabbar/drawIcons.mjs
// Shapes are signed-distance tests, supersampled 4× per pixel for smooth edges.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PNG } from 'pngjs'

const SIZE = 81
const SAMPLES = 4
const COLOURS = { normal: [0x9a, 0x8b, 0x7d], selected: [0x3b, 0x2a, 0x20] }

function insideRoundedRect(x, y, { left, top, right, bottom, radius }) {
  const dx = Math.max(left + radius - x, 0, x - (right - radius))
  const dy = Math.max(top + radius - y, 0, y - (bottom - radius))
  return x >= left && x <= right && y >= top && y <= bottom && dx * dx + dy * dy <= radius * radius
}

const SHAPES = {
  // A member card: a rounded card with a stripe and a chip cut out.
  card(x, y) {
    const card = insideRoundedRect(x, y, { left: 8, top: 18, right: 73, bottom: 63, radius: 8 })
    const stripe = y >= 29 && y <= 35
    const chip = insideRoundedRect(x, y, { left: 16, top: 43, right: 34, bottom: 54, radius: 3 })
    return card && !stripe && !chip
  },
  // A gift box: a lid over a box, split by a ribbon, with a bow on top.
  mall(x, y) {
    const lid = insideRoundedRect(x, y, { left: 10, top: 26, right: 71, bottom: 38, radius: 4 })
    const box = insideRoundedRect(x, y, { left: 15, top: 42, right: 66, bottom: 70, radius: 5 })
    const ribbon = x >= 38 && x <= 43
    const bowLeft = ((x - 31) / 9) ** 2 + ((y - 18) / 6) ** 2 <= 1 && ((x - 31) / 5) ** 2 + ((y - 18) / 2.5) ** 2 > 1
    const bowRight = ((x - 50) / 9) ** 2 + ((y - 18) / 6) ** 2 <= 1 && ((x - 50) / 5) ** 2 + ((y - 18) / 2.5) ** 2 > 1
    return ((lid || box) && !ribbon) || bowLeft || bowRight
  },
  // A person: a head and shoulders.
  profile(x, y) {
    const head = (x - 40.5) ** 2 + (y - 26) ** 2 <= 12.5 ** 2
    const shoulders = y <= 68 && ((x - 40.5) / 26) ** 2 + ((y - 68) / 24) ** 2 <= 1
    return head || shoulders
  },
}

function draw(shape, colour) {
  const png = new PNG({ width: SIZE, height: SIZE })
  for (let row = 0; row < SIZE; row++) {
    for (let column = 0; column < SIZE; column++) {
      let covered = 0
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (shape(column + (sx + 0.5) / SAMPLES, row + (sy + 0.5) / SAMPLES)) covered += 1
      const offset = (row * SIZE + column) * 4
      png.data.set([...colour, Math.round((255 * covered) / SAMPLES ** 2)], offset)
    }
  }
  return PNG.sync.write(png)
}

const folder = path.dirname(fileURLToPath(import.meta.url))
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, colour] of Object.entries(COLOURS)) {
    const file = path.join(folder, state === 'normal' ? `${name}.png` : `${name}-selected.png`)
    writeFileSync(file, draw(shape, colour))
  }
}
