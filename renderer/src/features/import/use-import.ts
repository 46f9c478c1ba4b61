import type { ImportKind, Output } from '@shared/api'
import { useCallback, useState } from 'react'
import { api } from '../../api/client'
import { toApiError } from '../../api/hooks'
import { downloadBase64, fileToBase64 } from '../../app/download'

/** A chosen file, already read as base64. */
export interface ChosenFile {
  name: string
  b64: string
}

/**
 * The import screen's calls: template download, preview of a chosen file and the commit, which
 * sends the number of changed records the user confirmed (the backend refuses any other number).
 */
export function useImport(kind: ImportKind) {
  const [file, setFile] = useState<ChosenFile | null>(null)
  const [preview, setPreview] = useState<Output<'imports.preview'> | null>(null)
  const [busy, setBusy] = useState(false)

  const reset = useCallback(() => {
    setFile(null)
    setPreview(null)
  }, [])
  const run = useCallback(async <T>(fn: () => Promise<T>): Promise<T> => {
    setBusy(true)
    try {
      return await fn()
    } catch (e) {
      throw toApiError(e)
    } finally {
      setBusy(false)
    }
  }, [])
  const template = () =>
    run(async () => {
      const t = await api.call('imports.template', { kind })
      downloadBase64(t.filename, t.contentBase64)
    })
  const choose = (f: File) =>
    run(async () => {
      setPreview(null)
      const b64 = await fileToBase64(f)
      setFile({ name: f.name, b64 })
      setPreview(await api.call('imports.preview', { kind, contentBase64: b64 }))
    })
  const commit = () =>
    run(async () => {
      if (!file || !preview) throw new Error('no file')
      const r = await api.call('imports.commit', { kind, contentBase64: file.b64, confirmedUpdates: preview.toUpdate })
      reset()
      return r
    })
  return { file, preview, busy, reset, template, choose, commit }
}
