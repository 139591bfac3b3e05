/**
 * Queries over what miniprogram-simulate rendered into the jsdom document. j-component writes neither
 * `id` attributes nor the class names as written (it prefixes them per component: `main--home`), so
 * queries read the wxml node behind each DOM element (`__wxElement`), which keeps both.
 */

/** How long `waitFor` polls before failing: under jest's 5 s test timeout, so its message is the one shown. */
export const WAIT_FOR_TIMEOUT_MS = 4_000

/** How often `waitFor` looks again. */
export const WAIT_FOR_POLL_INTERVAL_MS = 10

/** One rendered element: its wxml id and classes, its text and the jsdom element behind it. */
export interface RenderedElement {
  /** The wxml id: the `id` given in the page's source, or Taro's generated one (`_AQ`) when none was. */
  readonly id: string
  /** Its text when it was queried: query again after an update. */
  readonly text: string
  readonly element: Element
  hasClass(className: string): boolean
}

/** Options of `waitFor`. */
export interface WaitForOptions {
  readonly timeoutMs?: number
  /** Named in the failure message: what the test was waiting for. */
  readonly description?: string
}

type Falsy = false | 0 | '' | null | undefined

/** A rendered page: queries by id, class and text, a tap, and a bounded wait for Taro's asynchronous updates. */
export interface RenderedPage {
  /** The jsdom element the page was rendered into. */
  readonly container: HTMLElement
  byId(id: string): RenderedElement | null
  /** Every element with the class, in document order. */
  allByClass(className: string): readonly RenderedElement[]
  /** The innermost element whose text contains `text`. */
  byText(text: string): RenderedElement | null
  /** All the text on the page. */
  text(): string
  /** Taps the element with this id as a finger would (touchstart, then touchend on the same spot). */
  tap(id: string): void
  /**
   * Polls `probe` until it returns a truthy value (a probe that throws counts as not yet) and resolves
   * with that value; fails after `WAIT_FOR_TIMEOUT_MS` with the last error and the page's text.
   */
  waitFor<T>(probe: () => T, options?: WaitForOptions): Promise<Exclude<T, Falsy>>
}

interface WxmlNode {
  readonly id: string
  readonly classList: { contains(className: string): boolean }
}

function wxmlNodeOf(element: Element): WxmlNode | undefined {
  return (element as Element & { __wxElement?: WxmlNode }).__wxElement
}

function renderedElement(element: Element, node: WxmlNode): RenderedElement {
  return {
    id: node.id,
    text: element.textContent ?? '',
    element,
    hasClass: (className) => node.classList.contains(className),
  }
}

function renderedElements(container: HTMLElement): RenderedElement[] {
  return [...container.querySelectorAll('*')].flatMap((element) => {
    const node = wxmlNodeOf(element)
    return node ? [renderedElement(element, node)] : []
  })
}

function touchAt(element: Element): Touch {
  return new Touch({ identifier: 1, target: element, clientX: 0, clientY: 0, pageX: 0, pageY: 0 })
}

function tapElement(element: Element): void {
  const touch = touchAt(element)
  const init = { bubbles: true, cancelable: true, changedTouches: [touch] }
  element.dispatchEvent(new TouchEvent('touchstart', { ...init, touches: [touch] }))
  element.dispatchEvent(new TouchEvent('touchend', { ...init, touches: [] }))
}

function nextPoll(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, WAIT_FOR_POLL_INTERVAL_MS))
}

/** Wraps the element a page was rendered into with the queries of `RenderedPage`. */
export function renderedPage(container: HTMLElement): RenderedPage {
  const byId = (id: string) => renderedElements(container).find((candidate) => candidate.id === id) ?? null
  const text = () => container.textContent ?? ''

  const page: RenderedPage = {
    container,
    byId,
    allByClass: (className) => renderedElements(container).filter((candidate) => candidate.hasClass(className)),
    byText(wanted) {
      const holders = renderedElements(container).filter((candidate) => candidate.text.includes(wanted))
      const innermost = holders.find(
        (holder) => !holders.some((other) => other !== holder && holder.element.contains(other.element)),
      )
      return innermost ?? null
    },
    text,
    tap(id) {
      const target = byId(id)
      if (!target) throw new Error(`tap: no element with id "${id}"; the page shows "${text()}"`)
      tapElement(target.element)
    },
    async waitFor<T>(probe: () => T, options: WaitForOptions = {}) {
      const deadlineMs = Date.now() + (options.timeoutMs ?? WAIT_FOR_TIMEOUT_MS)
      let lastError: unknown
      for (;;) {
        try {
          const value = probe()
          if (value) return value as Exclude<T, Falsy>
        } catch (error) {
          lastError = error
        }
        if (Date.now() >= deadlineMs) break
        await nextPoll()
      }
      const waitedFor = options.description ? ` for ${options.description}` : ''
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : ''
      throw new Error(`waitFor gave up${waitedFor}${cause}; the page shows "${text()}"`)
    },
  }
  return page
}
