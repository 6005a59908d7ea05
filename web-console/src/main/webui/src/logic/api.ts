import { messages } from './messages'

// Calls to the console's own /api: the session cookie goes along, the X-Requested-With header marks the call as the
// SPA's (CSRF guard; and an expired session answers 499 instead of a redirect), and refusals come back as Problems.
export interface Problem {
  status: number
  title: string
  detail?: string
  /** field → message, from the services' problem+json `errors` */
  fields: Record<string, string>
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title)
  }
}

interface ProblemBody {
  title?: string
  detail?: string
  errors?: { field?: string; message?: string }[]
}

/** A Problem from a refused answer's status and body (problem+json or anything else). */
export function toProblem(status: number, body: unknown, fallback: string): Problem {
  const b = (body && typeof body === 'object' ? body : {}) as ProblemBody
  const fields: Record<string, string> = {}
  for (const e of b.errors ?? []) {
    if (e.field && e.message) fields[e.field] = e.message
  }
  return { status, title: b.title ?? fallback, detail: b.detail, fields }
}

/**
 * The console's session ended (Quarkus answers 499 to a script instead of redirecting it): sign in again, then come
 * back. A 401 of a service is a refusal like any other; reloading on it could loop.
 */
export function sessionExpired(status: number): boolean {
  return status === 499
}

export interface CallOptions {
  method?: string
  body?: unknown
  ifMatch?: string | number
}

export async function call<T>(path: string, options: CallOptions = {}): Promise<{ data: T; etag: string | null }> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  let body: BodyInit | undefined
  if (options.body instanceof FormData) {
    body = options.body
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`
  let res: Response
  try {
    res = await fetch(path, { method: options.method ?? 'GET', headers, body, credentials: 'same-origin' })
  } catch {
    throw new ProblemError({ status: 0, title: messages.errors.networkTitle, detail: messages.errors.network, fields: {} })
  }
  if (sessionExpired(res.status)) {
    window.location.reload()
    throw new ProblemError({ status: res.status, title: messages.errors.signedOut, detail: messages.errors.signingIn, fields: {} })
  }
  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (!res.ok) throw new ProblemError(toProblem(res.status, data, messages.errors.generic))
  return { data: data as T, etag: res.headers.get('ETag') }
}

export async function get<T>(path: string): Promise<T> {
  return (await call<T>(path)).data
}
