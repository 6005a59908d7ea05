import { messages } from './messages'
import { ProblemError, sessionExpired, toProblem } from './api'

/**
 * Sends a form with a file to the console's /api, reporting progress (fetch cannot report upload progress, so this is
 * XMLHttpRequest). Answers the parsed JSON body and its status; a refusal throws a ProblemError like `call`.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress: (percent: number) => void): Promise<{ data: T; status: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(new ProblemError({ status: 0, title: messages.errors.networkTitle, detail: messages.errors.network, fields: {} }))
    xhr.onload = () => {
      if (sessionExpired(xhr.status)) {
        window.location.reload()
        return
      }
      let data: unknown = null
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        data = null
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ data: data as T, status: xhr.status })
      else reject(new ProblemError(toProblem(xhr.status, data, messages.errors.generic)))
    }
    xhr.send(form)
  })
}
