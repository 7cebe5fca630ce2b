import { schemaDiffSql } from '../schema-diff';
console.log(await schemaDiffSql({ from: 'empty', databaseUrl: 'postgresql://postgres@127.0.0.1:5432/postgres' }));
