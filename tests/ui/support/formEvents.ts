import { fireEvent } from '@testing-library/react'

/** The inputs a page sent to one action, in order. */
export function inputsOf(callFunction: jest.Mock, action: string): Record<string, unknown>[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === action).map(([o]) => o.data.input)
}

/** Types into the input with this id, as a person would (one change event). */
export function type(container: HTMLElement, id: string, value: string): void {
  fireEvent.change(container.querySelector(`#${id}`) as Element, { target: { value } })
}

/** The text of the element with this id; undefined when there is none. */
export function textOf(container: HTMLElement, id: string): string | null | undefined {
  return container.querySelector(`#${id}`)?.textContent
}
