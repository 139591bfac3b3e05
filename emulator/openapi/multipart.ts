/**
 * The multipart/form-data bodies @cloudbase/node-sdk sends for `wx.openApi` (built with the form-data package):
 * text fields (`action`, `apiName`, `envName`, …) and the protobuf `requestData` as application/octet-stream.
 * Binary-safe: parts are cut from the raw bytes.
 */

/** The boundary named by a multipart/form-data content type, or undefined for any other content type. */
export function multipartBoundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  return match?.[1] ?? match?.[2]
}

const HEADER_END = Buffer.from('\r\n\r\n')

function nameOf(headers: string): string | undefined {
  return /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(headers)?.[1]
}

/** The fields of a multipart/form-data body by name (a repeated name keeps its last value). */
export function parseMultipart(body: Buffer, boundary: string): ReadonlyMap<string, Buffer> {
  const fields = new Map<string, Buffer>()
  const delimiter = Buffer.from(`--${boundary}`)
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break
    const headerEnd = body.indexOf(HEADER_END, afterDelimiter)
    if (headerEnd === -1) break
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd)
    if (next === -1) break
    const name = nameOf(body.subarray(afterDelimiter, headerEnd).toString('utf8'))
    if (name !== undefined) fields.set(name, body.subarray(headerEnd + HEADER_END.length, next))
    start = next + 2
  }
  return fields
}
