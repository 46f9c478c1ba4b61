import { useMutation, useQuery } from '../../api/hooks'

/** Unlocks an encrypted database with the passphrase or the recovery key (before login). */
export const useUnlockDatabase = () => useMutation('system.unlockDatabase')
export const useEncryptionStatus = () => useQuery('backup.encryption', {})
export const useEnableEncryption = () => useMutation('backup.enableEncryption')
export const useChangePassphrase = () => useMutation('backup.changePassphrase')
/** The unlock screen's start-up recovery: the key was right, the file damaged; restores the latest backup. */
export const useRestoreDamagedDatabase = () => useMutation('system.restoreDamagedDatabase')
