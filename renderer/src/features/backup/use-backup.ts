import { useMutation, useQuery } from '../../api/hooks'

export const useBackups = () => useQuery('backup.list', {})
export const useBackupSettings = () => useQuery('backup.settings', {})
export const useCreateBackup = () => useMutation('backup.create')
export const useRestoreBackup = () => useMutation('backup.restore')
export const useInspectBackup = () => useMutation('backup.inspect')
export const useDrillBackup = () => useMutation('backup.drill')
export const useSetGenerations = () => useMutation('backup.setGenerations')
