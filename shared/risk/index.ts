// Risk monitoring rules shared by the backend and the UI (DOMAIN §5–§7).
export * from './rules'
export * from './history'
export * from './circles'
