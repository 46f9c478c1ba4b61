import { useMutation } from '../../api/hooks'

/** First-run setup: creates the org and the first administrator. */
export const useSetup = () => useMutation('system.setup')

/**
 * The optional encryption step of first-run setup: logs the new administrator in (the call
 * needs an admin session) and encrypts the database; resolves to the recovery key.
 */
export function useSetupEncryption() {
  const login = useMutation('auth.login')
  const enable = useMutation('backup.enableEncryption')
  return {
    loading: login.loading || enable.loading,
    error: login.error ?? enable.error,
    run: async (username: string, password: string, passphrase: string) => {
      await login.mutate({ username, password })
      return enable.mutate({ passphrase })
    },
  }
}
