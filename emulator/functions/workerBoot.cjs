// Entry of each function worker thread: registers tsx so the TypeScript worker loads as it is,
// in development and under jest alike (worker threads do not inherit the parent's loaders).
require('tsx/cjs/api').register()
require('./worker.ts')
