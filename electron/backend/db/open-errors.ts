import { DatabaseOpenError, type OpenFailure } from './open-error'

/** Node / SQLite error codes that are not damage, mapped to their own start-up message. */
export function classifyOpenError(e: unknown, file: string, dataDir: string): DatabaseOpenError {
  if (e instanceof DatabaseOpenError) return e
  const code = String((e as { code?: unknown })?.code ?? '')
  const msg = (e as Error)?.message ?? String(e)
  const make = (reason: OpenFailure, text: string) => new DatabaseOpenError(reason, text)
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return make(
      'disk_full',
      `磁盘空间不足，无法打开数据库（数据目录 ${dataDir}）。请清理磁盘空间后重新启动；数据库文件未作任何改动。`,
    )
  }
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return make(
      'read_only',
      `数据目录 ${dataDir} 是只读的（例如只读的 U 盘或网络共享），无法写入数据库。请换到可写的目录或取消只读后再启动。`,
    )
  }
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return make('no_permission', `没有权限读写 ${file}。请以有权限的用户运行，或让管理员给数据目录授予读写权限。`)
  }
  if (code === 'EISDIR' || code === 'ENOTDIR') {
    return make(
      'is_directory',
      `数据库位置 ${file} 被一个文件夹占用（或路径中有同名文件），无法打开。请移走它后再启动。`,
    )
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return make('no_permission', `无法打开数据库文件 ${file}（没有权限或路径不可用）。`)
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return make('corrupt', `数据库文件 ${file} 已损坏，无法读取。文件未作任何改动。`)
  }
  return make('corrupt', `数据库文件 ${file} 无法打开：${msg}。文件未作任何改动。`)
}
