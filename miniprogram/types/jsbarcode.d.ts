/** jsbarcode's CODE128 encoder on its own: the whole package adds 67 KB, this module about 11 KB. */
declare module 'jsbarcode/bin/barcodes/CODE128' {
  /** CODE128 with automatic switching between code sets A, B and C. */
  export class CODE128 {
    constructor(data: string, options: Record<string, unknown>)
    valid(): boolean
    /** `data` is the bar pattern: one character per module, `1` for a bar and `0` for a space. */
    encode(): { readonly data: string; readonly text: string }
  }
}
