const pg = require('pg');
(async () => {
for (const host of ['127.0.0.1', '/tmp/pgu/sock', '127.0.0.1', '/tmp/pgu/sock']) {
  const c = new pg.Client({ host, port: 54400, user: 'postgres', database: 'postgres' }); await c.connect();
  for (let i = 0; i < 2000; i++) await c.query('SELECT 1');
  const n = 10000, cpu0 = process.cpuUsage(), t0 = performance.now();
  for (let i = 0; i < n; i++) await c.query('SELECT 1');
  const cpu = process.cpuUsage(cpu0);
  console.log(host, ((performance.now() - t0) / n * 1000).toFixed(0), 'µs wall', ((cpu.user + cpu.system) / n).toFixed(0), 'µs node cpu', (cpu.system/n).toFixed(0), 'sys');
  await c.end();
}})();
