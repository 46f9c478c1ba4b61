// Public API of the pure servicing core: replay evaluation and plan versions (no I/O).
export * from './evaluate'
export * from './versions'
export * from './reminder'
