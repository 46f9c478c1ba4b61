import { useMutation, useQuery } from '../../api/hooks'

/** All users including disabled ones (admin only; others get FORBIDDEN). */
export const useUsers = () => useQuery('users.list', { includeDisabled: true })
export const useCreateUser = () => useMutation('users.create')
export const useUpdateUser = () => useMutation('users.update')
export const useResetPassword = () => useMutation('users.resetPassword')
