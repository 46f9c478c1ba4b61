import { Badge, createTheme, Modal, PasswordInput } from '@mantine/core'
import type { TFunction } from 'i18next'

/** System fonts with CJK faces first-class, so Chinese never falls back to boxes or odd serif faces. */
const FONT_STACK = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ')

/** The Mantine theme; rebuilt on language change so built-in aria labels are translated too. */
export const makeTheme = (t: TFunction) =>
  createTheme({
    primaryColor: 'blue',
    fontFamily: FONT_STACK,
    headings: { fontFamily: FONT_STACK, fontWeight: '600' },
    fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace',
    defaultRadius: 'md',
    cursorType: 'pointer',
    components: {
      // Latin badge text stays as written (Mantine upper-cases it by default).
      Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } },
      }),
    },
  })
