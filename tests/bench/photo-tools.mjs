// What the photo benchmarks share: running the press and sharp on the same
// originals, finding which output came from which original, and scoring
// every output with SSIMULACRA2 (`photo-lab score`, against the original
// turned upright and resized to the output's size — the same reference for
// every encoder).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';

const execFileAsync = promisify(execFile);

/** The widths the press writes (model::PHOTO_WIDTHS), for sharp too. */
export const WIDTHS = [480, 800, 1200, 1600];
export const FORMATS = ['avif', 'webp', 'jpg'];
/** A phone 390 CSS px wide at DPR 3 takes, for a full-width photo, the narrowest width of at least 1170 px. */
export const PHONE_PIXELS = 390 * 3;

/** Runs a program to completion; its stdout, or an error naming it and its stderr. */
export function run(program, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(program, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return { stdout: result.stdout, stderr: result.stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** `press build` of `content` into `work/site`, with the photo cache `work/cache`. */
export function pressBuild(press, content, work, extra = []) {
  return run(press, [
    'build', '--content', content, '--out', join(work, 'site/data'), '--site-files', join(work, 'site'),
    '--photo-cache', join(work, 'cache'), ...extra,
  ]);
}

/**
 * The outputs of the press in `anh` for each original: the press names them by
 * a hash of a pipeline version and the original's bytes, so each original is
 * matched to the version whose hash names files there.
 * Returns [{ original, width, format, file, size }].
 */
export function pressOutputs(anh, originals) {
  const names = readdirSync(anh);
  return originals.flatMap((original) => {
    const bytes = readFileSync(original);
    const hash = Array.from({ length: 20 }, (_, version) =>
      createHash('sha256').update(String(version)).update(bytes).digest('hex').slice(0, 16),
    ).find((candidate) => names.some((name) => name.startsWith(`${candidate}-`)));
    if (!hash) throw new Error(`no output in ${anh} for ${original}`);
    return names
      .map((name) => name.match(new RegExp(`^${hash}-(\\d+)\\.(avif|webp|jpg)$`)))
      .filter(Boolean)
      .map((m) => ({ original, width: Number(m[1]), format: m[2], file: join(anh, m[0]), size: statSync(join(anh, m[0])).size }));
  });
}

/**
 * sharp 0.34 (libvips) on the same originals: turned upright, the same
 * widths (never enlarged), AVIF quality 60 at `effort`, WebP 75, mozjpeg 80,
 * all 4:2:0, metadata stripped (sharp's default). Every photo at once, as a
 * server would (libvips spreads the work over the cores).
 */
export async function sharpOutputs(originals, effort, out) {
  mkdirSync(out, { recursive: true });
  const started = process.hrtime.bigint();
  const files = await Promise.all(originals.map(async (original, index) => {
    const input = readFileSync(original);
    const { width } = (await sharp(input).metadata()).autoOrient;
    const widest = Math.min(width, WIDTHS.at(-1));
    const widths = [...WIDTHS.filter((w) => w < widest), widest];
    const jobs = widths.flatMap((w) => FORMATS.map((format) => ({ w, format })));
    return Promise.all(jobs.map(async ({ w, format }) => {
      const image = sharp(input).rotate().resize({ width: w, withoutEnlargement: true });
      const encoded = format === 'avif' ? image.avif({ quality: 60, effort, chromaSubsampling: '4:2:0' })
        : format === 'webp' ? image.webp({ quality: 75 })
          : image.jpeg({ quality: 80, mozjpeg: true, chromaSubsampling: '4:2:0' });
      const file = join(out, `${index}-${w}.${format}`);
      await encoded.toFile(file);
      return { original, width: w, format, file, size: statSync(file).size };
    }));
  }));
  return { outputs: files.flat(), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Each output's SSIMULACRA2 score, in order: decoded to PNG (AVIF by libavif's
 * avifdec with dav1d, the rest by sharp), scored by photo-lab.
 */
export async function scores(photoLab, outputs) {
  const work = mkdtempSync(join(tmpdir(), 'scores-'));
  const manifest = [];
  // A few at a time: every output of a run decoded at once would hold them all in memory.
  for (let start = 0; start < outputs.length; start += 8) {
    manifest.push(...await Promise.all(outputs.slice(start, start + 8).map(async (output, j) => {
      const decoded = join(work, `${start + j}.png`);
      if (output.format === 'avif') {
        await execFileAsync('avifdec', ['--depth', '8', '--jobs', '1', output.file, decoded]);
      } else {
        await sharp(output.file).png({ compressionLevel: 1 }).toFile(decoded);
      }
      return { original: output.original, decoded };
    })));
  }
  writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest));
  const values = JSON.parse(run(photoLab, ['score', join(work, 'manifest.json')]).stdout);
  rmSync(work, { recursive: true, force: true });
  return values;
}

/**
 * The output of `format` a 390-px DPR-3 phone downloads of each original shown
 * full width: the narrowest of at least PHONE_PIXELS, else the widest.
 */
export function phoneOutputs(outputs, format = 'avif') {
  return [...new Set(outputs.map((o) => o.original))].map((original) => {
    const list = outputs.filter((o) => o.original === original && o.format === format).sort((a, b) => a.width - b.width);
    return list.find((o) => o.width >= PHONE_PIXELS) ?? list.at(-1);
  });
}

/** Bytes, DPR-3 bytes and score figures of a tool's outputs (with `score` filled in). */
export function summary(outputs) {
  const bytes = (list) => list.reduce((sum, o) => sum + o.size, 0);
  const phone = phoneOutputs(outputs);
  const byFormat = Object.fromEntries(FORMATS.map((format) => {
    const list = outputs.filter((o) => o.format === format);
    const values = list.map((o) => o.score);
    return [format, {
      bytes: bytes(list),
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      min: Math.min(...values),
    }];
  }));
  return { bytes: bytes(outputs), phone: bytes(phone), byFormat };
}

/** A folder's total size in bytes. */
export function folderBytes(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true })
    .reduce((sum, entry) => sum + (entry.isDirectory() ? folderBytes(join(dir, entry.name)) : statSync(join(dir, entry.name)).size), 0);
}
