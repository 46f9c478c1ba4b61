// Collections domain rules (催收): promise status, contact hours, strategy table, scripts.
export * from './promises'
export * from './hours'
export * from './strategy'
export * from './scripts'
export * from './amounts'
export * from './wording'
