// The publishing pipeline's own files: the workflows carry the triggers the
// staff workflow needs, and the 15-minute run on an unchanged repository
// deploys nothing and compiles nothing (.ci/due against the served site's
// data/edition.json). The files' schemas are checked by `cargo xtask test`
// with check-jsonschema before this suite.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { serveDist } from './server.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const DIST = process.env.DIST ?? join(ROOT, 'dist');
let site, work;

before(async () => {
  site = await serveDist(DIST, { folders: 'redirect' });
  work = mkdtempSync(join(tmpdir(), 'pipeline-'));
});

after(() => {
  site?.server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * Runs a pipeline script from the repository root, with no cargo on PATH (a
 * run that went on to build would fail loudly); resolves to its exit status,
 * output and seconds. Asynchronous, so this process's server answers it.
 */
function script(args, env = {}) {
  const started = performance.now();
  const path = process.env.PATH.split(':').filter((dir) => !dir.includes('.cargo')).join(':');
  return new Promise((resolve) => {
    const options = { cwd: ROOT, encoding: 'utf8', env: { PATH: path, HOME: work, CARGO_HOME: join(work, 'no-cargo'), ...env } };
    execFile('bash', args, options, (error, stdout, stderr) => {
      resolve({ status: error ? error.code : 0, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

test('the GitHub and Forgejo workflows run on a schedule, on pull requests and publish only from main', () => {
  for (const file of ['.github/workflows/publish.yml', '.forgejo/workflows/publish.yml']) {
    const workflow = parse(readFileSync(join(ROOT, file), 'utf8'));
    assert.deepEqual(workflow.on.schedule, [{ cron: '*/15 * * * *' }], file);
    assert.ok('pull_request' in workflow.on, file);
    const steps = workflow.jobs.publish.steps;
    const publishing = steps.filter((step) => /\.ci\/publish( "|$)/.test(step.run ?? ''));
    assert.equal(publishing.length, 1, file);
    assert.match(publishing[0].if, /github\.ref == 'refs\/heads\/main'/, file);
    assert.ok(steps.some((step) => /\.ci\/publish --scheduled/.test(step.run ?? '')), file);
    assert.ok(steps.some((step) => /\.ci\/publish --preview "pr-/.test(step.run ?? '')), file);
    // Nothing due: no cache and no toolchain step runs.
    const due = steps.findIndex((step) => step.id === 'due');
    for (const step of steps.slice(due + 1).filter((s) => s.uses?.startsWith('actions/cache') || /rustup/.test(s.run ?? ''))) {
      assert.match(step.if, /steps\.due\.outputs\.build == 'true'/, `${file}: ${step.name ?? step.uses}`);
    }
  }
});

test('GitLab CI runs the schedule and merge requests, and publishes only main', () => {
  const ci = parse(readFileSync(join(ROOT, '.gitlab-ci.yml'), 'utf8'));
  assert.deepEqual(ci.publish.rules, [{ if: '$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == "main"' }]);
  assert.match(ci.scheduled.rules[0].if, /\$CI_PIPELINE_SOURCE == "schedule"/);
  assert.equal(ci.scheduled.cache, undefined, 'the due check restores no cache');
  assert.match(ci.preview.rules[0].if, /merge_request_event/);
  assert.match(ci.preview.script.join('\n'), /\.ci\/publish --preview/);
});

test('the scheduled run on an unchanged site deploys nothing, compiles nothing, and says so', async () => {
  const edition = JSON.parse(readFileSync(join(DIST, 'data/edition.json'), 'utf8'));
  assert.ok(!edition.preview);
  assert.ok(edition.next_change === null || Date.parse(edition.next_change) > Date.now(), 'the sample site has nothing due');
  const run = await script(['.ci/publish', '--scheduled'], { PUBLISHED_URL: site.url, DEPLOY_TARGET: 'nginx' });
  assert.equal(run.status, 0, run.stderr + run.stdout);
  assert.match(run.stdout, /nothing to publish/);
  assert.doesNotMatch(run.stdout, /== 1\.|== 3\./, 'it stopped before the content check and the deploy');
  console.log(`scheduled run, nothing due: ${run.seconds.toFixed(2)} s to "nothing to publish"`);
});

test('an entry that has become due, or an unreadable deployed edition, makes the run build', async () => {
  const file = join(work, 'edition.json');
  const at = (next) => writeFileSync(file, JSON.stringify({ built: '2026-12-01T08:00:00+07:00', next_change: next, preview: false }));
  at('2026-12-07T08:00:00+07:00');
  const early = await script(['.ci/due', '--now', '2026-12-07T07:59:00+07:00', file]);
  assert.equal(early.status, 1, early.stdout + early.stderr);
  assert.match(early.stdout, /nothing to publish: built 2026-12-01T08:00:00\+07:00, next change 2026-12-07T08:00:00\+07:00/);
  const due = await script(['.ci/due', '--now', '2026-12-07T08:00:00+07:00', file]);
  assert.equal(due.status, 0, due.stdout + due.stderr);
  assert.match(due.stdout, /^due: 2026-12-07T08:00:00\+07:00 has passed/);
  at(null);
  assert.equal((await script(['.ci/due', '--now', '2030-01-01T00:00:00Z', file])).status, 1, 'nothing waiting is never due');
  const unreadable = await script(['.ci/due', `${site.url}/khong-co/edition.json`]);
  assert.equal(unreadable.status, 0, 'building is the safe side');
  assert.match(unreadable.stdout, /cannot be read \(curl: \(22\)/, 'a 404, not a time-out');
});
