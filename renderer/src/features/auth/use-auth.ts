import { useMutation } from '../../api/hooks'

/** Changes the caller's own password. */
export const useChangePassword = () => useMutation('auth.changePassword')
