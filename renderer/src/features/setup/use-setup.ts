import { useMutation } from '../../api/hooks'

/** First-run setup: creates the org and the first administrator. */
export const useSetup = () => useMutation('system.setup')
