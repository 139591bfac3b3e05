import UCharts from '@qiun/ucharts'
import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { LoadState } from '@/components/LoadState'
import { type ChartSpec, copyOfSpec } from './chartSpec'

/** How often the canvas is looked for before the chart counts as failed: H5 renders it a moment after React does. */
const FIND_ATTEMPTS = 10
const FIND_INTERVAL_MS = 50

const FAILED = '图表无法显示，请重试'

interface FoundCanvas {
  readonly canvas: {
    width: number
    height: number
    getContext(type: '2d'): unknown
  }
  readonly width: number
  readonly height: number
}

/** The canvas node of `<Canvas type='2d'>` and its size on screen (weapp and H5 both answer the query). */
function findCanvas(selector: string): Promise<FoundCanvas | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(selector)
      .fields({ node: true })
      .select(selector)
      .boundingClientRect()
      .exec((answers: unknown[]) => {
        const [found, rect] = answers as [
          { node?: FoundCanvas['canvas'] | null } | null,
          { width: number; height: number } | null,
        ]
        const canvas = found?.node ?? null
        resolve(
          canvas === null || rect === null || rect.width === 0
            ? null
            : { canvas, width: rect.width, height: rect.height },
        )
      })
  })
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 1
  } catch {
    return 1
  }
}

/**
 * Draws `spec` on the canvas: sized to the screen's pixels (uCharts scales its fonts and lines by the
 * ratio itself, so the context stays unscaled). False when there is no canvas or no 2d context.
 */
async function drawChart(selector: string, spec: ChartSpec, stillWanted: () => boolean): Promise<boolean> {
  for (let attempt = 1; attempt <= FIND_ATTEMPTS; attempt += 1) {
    const found = await findCanvas(selector)
    if (!stillWanted()) return true
    if (found !== null) {
      const context = found.canvas.getContext('2d')
      if (context === null || context === undefined) return false
      const ratio = pixelRatio()
      found.canvas.width = Math.round(found.width * ratio)
      found.canvas.height = Math.round(found.height * ratio)
      new UCharts({
        ...copyOfSpec(spec),
        context,
        width: found.canvas.width,
        height: found.canvas.height,
        pixelRatio: ratio,
      })
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, FIND_INTERVAL_MS))
  }
  return false
}

/**
 * A chart drawn by uCharts on a 2d canvas; `data-drawn` tells tests when it is on screen. When it cannot be
 * drawn, the message and 重试 instead of a blank box.
 */
export function ChartCanvas({ id, spec }: { id: string; spec: ChartSpec }) {
  const [drawn, setDrawn] = useState<'drawing' | 'drawn' | 'failed'>('drawing')
  const [attempt, setAttempt] = useState(0)
  const canvasId = `${id}-canvas`
  // biome-ignore lint/correctness/useExhaustiveDependencies: 重试 bumps the attempt to draw again
  useEffect(() => {
    let wanted = true
    setDrawn('drawing')
    Taro.nextTick(() => {
      void drawChart(`#${canvasId}`, spec, () => wanted).then(
        (done) => wanted && setDrawn(done ? 'drawn' : 'failed'),
        () => wanted && setDrawn('failed'),
      )
    })
    return () => {
      wanted = false
    }
  }, [canvasId, spec, attempt])
  return (
    <View className='admin-chart' id={id} data-drawn={drawn}>
      {drawn === 'failed' ? (
        <LoadState state='error' message={FAILED} onRetry={() => setAttempt((count) => count + 1)} />
      ) : (
        <Canvas type='2d' id={canvasId} className='admin-chart__canvas' />
      )}
    </View>
  )
}
