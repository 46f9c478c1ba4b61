import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type Language, setLanguage } from '../i18n'

/** zh-CN / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={(v) => setLanguage(v as Language)}
      data={[
        { value: 'zh-CN', label: t('lang.zh') },
        { value: 'en', label: t('lang.en') },
      ]}
    />
  )
}
