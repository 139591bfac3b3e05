/** Data a page loads: not asked for yet or on its way, here, or failed with a message to show beside 重试. */
export type Loadable<T> =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly message: string }
