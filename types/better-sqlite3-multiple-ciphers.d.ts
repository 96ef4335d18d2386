// better-sqlite3-multiple-ciphers is better-sqlite3 13 with encryption, and the same API. It ships
// types, but its package.json "exports" has no "types" condition, so TypeScript cannot find them
// under "moduleResolution": "bundler" (and a tsconfig "paths" entry would make the test runners
// load the .d.ts at run time). The API is better-sqlite3's, so its DefinitelyTyped types serve.
declare module 'better-sqlite3-multiple-ciphers' {
  import BetterSqlite3 from 'better-sqlite3';
  export = BetterSqlite3;
}
