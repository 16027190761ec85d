/**
 * Web mode's upload of files to import. The JSON API caps bodies at 1 MiB, so files go to their own endpoint
 * (`POST /upload`, served by src/main/web/transfers.ts) with the same access token as every API call.
 */
import type { ChosenFile } from '../../../../shared/csv'
import { fail, type Result } from '../../../../shared/result'
import { tr } from '../../i18n/instance'

const TOKEN_KEY = 'sprintlog.token'

export async function uploadFile(file: File): Promise<Result<ChosenFile>> {
  try {
    const res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Sprintlog-Token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
      body: file
    })
    return (await res.json()) as Result<ChosenFile>
  } catch {
    return fail('unavailable', tr('data:sendFailed', { file: file.name }))
  }
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
