/**
 * The object URLs `storage.getUploadMetadata` and `storage.batchGetDownloadUrl` answer, standing in for COS:
 * `PUT /cos/<path>` with the signature in `authorization` and the expiry in `x-cos-security-token` (as the SDK
 * sends them), and `GET`/`HEAD /cos/<path>?sign=…&t=…` for temporary URLs, which the H5 app shows in `<img>`.
 * Success of a PUT is an empty 200, failures COS's XML `<Error>`.
 */
import type http from 'node:http'
import { type CosError, cosErrorXml } from './errors'
import { OBJECT_ROUTE_PREFIX, type StorageContext } from './operations'
import { cloudPathProblem } from './paths'

/** The largest object accepted: the emulator's bound (COS takes up to 5 GB in one PUT; the app's images are 2 MB). */
export const OBJECT_BYTES_MAX = 10 * 1024 * 1024

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv',
}

/** Whether a request is for an object URL. */
export function isObjectRoute(pathname: string): boolean {
  return pathname.startsWith(OBJECT_ROUTE_PREFIX)
}

function contentTypeOf(cloudPath: string): string {
  const extension = cloudPath.slice(cloudPath.lastIndexOf('.') + 1).toLowerCase()
  return CONTENT_TYPES[extension] ?? 'application/octet-stream'
}

function sendCosError(response: http.ServerResponse, error: CosError, resource: string, requestId: string): void {
  const body = cosErrorXml(error, resource, requestId)
  response.writeHead(error.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) })
  response.end(body)
}

async function readObjectBody(request: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > OBJECT_BYTES_MAX) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

async function putObject(
  request: http.IncomingMessage,
  cloudPath: string,
  context: StorageContext,
): Promise<CosError | null> {
  const expiresAtMs = Number(request.headers['x-cos-security-token'])
  const signature = String(request.headers.authorization ?? '')
  if (!Number.isSafeInteger(expiresAtMs) || !context.signer.verify('put', cloudPath, expiresAtMs, signature)) {
    return { status: 403, code: 'SignatureDoesNotMatch', message: 'The upload signature does not match this path' }
  }
  if (context.nowMs > expiresAtMs) return { status: 403, code: 'AccessDenied', message: 'Request has expired' }
  const bytes = await readObjectBody(request)
  if (bytes === null) {
    request.resume()
    return { status: 400, code: 'EntityTooLarge', message: `The object is larger than ${OBJECT_BYTES_MAX} bytes` }
  }
  context.files.put(cloudPath, bytes, context.nowMs)
  return null
}

function getObject(
  url: URL,
  cloudPath: string,
  context: StorageContext,
  response: http.ServerResponse,
): CosError | null {
  const expiresAtMs = Number(url.searchParams.get('t'))
  const signature = url.searchParams.get('sign') ?? ''
  if (!Number.isSafeInteger(expiresAtMs) || !context.signer.verify('get', cloudPath, expiresAtMs, signature)) {
    return { status: 403, code: 'AccessDenied', message: 'Access Denied: the URL is not signed for this object' }
  }
  if (context.nowMs > expiresAtMs) return { status: 403, code: 'AccessDenied', message: 'Request has expired' }
  const stored = context.files.get(cloudPath)
  if (!stored) return { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' }
  response.writeHead(200, { 'content-type': contentTypeOf(cloudPath), 'content-length': stored.bytes.length })
  response.end(stored.bytes)
  return null
}

/** Answers one object request. */
export async function handleObjectRoute(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  context: StorageContext & { readonly requestId: string },
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://emulator')
  let cloudPath: string
  try {
    cloudPath = decodeURIComponent(url.pathname.slice(OBJECT_ROUTE_PREFIX.length))
  } catch {
    cloudPath = ''
  }
  const problem = cloudPathProblem(cloudPath)
  let error: CosError | null
  if (problem !== null) error = { status: 400, code: 'InvalidURI', message: problem }
  else if (request.method === 'PUT') error = await putObject(request, cloudPath, context)
  else if (request.method === 'GET' || request.method === 'HEAD') error = getObject(url, cloudPath, context, response)
  else error = { status: 405, code: 'AccessDenied', message: `${request.method} is not supported` }
  if (error) sendCosError(response, error, url.pathname, context.requestId)
  else if (request.method === 'PUT') response.writeHead(200, { 'content-length': 0 }).end()
}
