/**
 * Web mode's upload of files to import. The JSON API caps bodies at 1 MiB, so files go to their own endpoint
 * (`POST /upload`, served by src/main/web/transfers.ts) with the same access token as every API call.
 */
import type { ChosenFile } from '../../../../shared/csv'
import { fail, type Result } from '../../../../shared/result'
import { tr } from '../../i18n/instance'

const TOKEN_KEY = 'sprintlog.token'

/**
 * Sends one file, telling `onProgress` the bytes sent so far. XMLHttpRequest rather than fetch: only it reports
 * an upload's progress. The file is streamed from the disk by the browser, whatever its size.
 */
export function uploadFile(file: File, onProgress?: (sent: number) => void): Promise<Result<ChosenFile>> {
  const failed = () => fail('unavailable', tr('data:sendFailed', { file: file.name }))
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/upload?name=${encodeURIComponent(file.name)}`)
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.setRequestHeader('X-Sprintlog-Token', sessionStorage.getItem(TOKEN_KEY) ?? '')
    xhr.responseType = 'text'
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded)
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<ChosenFile>)
      } catch {
        resolve(failed())
      }
    }
    xhr.onerror = () => resolve(failed())
    xhr.onabort = () => resolve(failed())
    xhr.send(file)
  })
}

/** Starts the browser's download of a finished export file. */
export function download(url: string, fileName: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
}
