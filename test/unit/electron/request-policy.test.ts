import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAllowedRequest } from '../../../electron/request-policy'

// issue 14 item 10: onBeforeRequest allowed any file: URL; only the app's own files may load.
const dir = '/opt/daihou/resources/app/out/renderer'
const own = (p: string) => pathToFileURL(`${dir}/${p}`).href

describe('Electron request policy (issue 14.10)', () => {
  it('allows the built renderer files and devtools', () => {
    expect(isAllowedRequest(own('index.html'), dir)).toBe(true)
    expect(isAllowedRequest(own('assets/index-abc.js'), dir)).toBe(true)
    expect(isAllowedRequest(`${own('index.html')}#/loans/3`, dir)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dir)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AAAA', dir)).toBe(true)
  })

  it('refuses other local files, traversal and look-alike folders', () => {
    expect(isAllowedRequest('file:///etc/passwd', dir)).toBe(false)
    expect(isAllowedRequest('file:///home/u/.config/daihou/daihou.db', dir)).toBe(false)
    expect(isAllowedRequest(`${own('')}../main/main.js`, dir)).toBe(false)
    expect(isAllowedRequest(`${own('')}%2e%2e/main/main.js`, dir)).toBe(false)
    expect(isAllowedRequest(`${own('')}assets%2f..%2f..%2fmain.js`, dir)).toBe(false)
    expect(isAllowedRequest(pathToFileURL(`${dir}-evil/index.html`).href, dir)).toBe(false)
    expect(isAllowedRequest('file://fileserver/share/index.html', dir)).toBe(false)
  })

  it('refuses remote and malformed URLs', () => {
    expect(isAllowedRequest('https://example.com/x.js', dir)).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:8080/api/call', dir)).toBe(false)
    expect(isAllowedRequest('not a url', dir)).toBe(false)
  })
})
