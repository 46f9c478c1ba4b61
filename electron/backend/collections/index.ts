// Public surface of the collections area for other areas (risk's warnings plug in here).
export { brokenPromiseRule } from './promises'
