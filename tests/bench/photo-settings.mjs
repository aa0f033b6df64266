// `cargo xtask bench photo-settings`: how Settings::CHOSEN (press
// photos/pipeline.rs) was chosen. Each candidate AVIF and WebP setting is
// run through the press's own pipeline (photo-lab encode) on the content's
// photos and every output scored with SSIMULACRA2 against the same output of
// the previous pipeline (OLD_PRESS_BIN). The target: no output scores below
// the previous pipeline's; among the settings that reach it, the fewest
// bytes, then the least time.
//
// usage: node photo-settings.mjs CONTENT OLD_PRESS_BIN PHOTO_LAB
//        (SWEEP='avif;avif_quantizer=160,avif_speed=9;…' for other candidates)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { tmpdir, cpus } from 'node:os';
import { phoneOutputs, pressBuild, pressOutputs, run, scores, sharpOutputs } from './photo-tools.mjs';

const [content, oldPress, photoLab] = process.argv.slice(2);
const media = join(content, 'media');
const photos = readdirSync(media).filter((name) => /\.(jpe?g|png|webp)$/i.test(name)).map((name) => join(media, name));

// The floor: the previous pipeline's outputs and their scores.
const previous = mkdtempSync(join(tmpdir(), 'previous-'));
pressBuild(oldPress, content, previous);
const floor = pressOutputs(join(previous, 'site/anh'), photos);
(await scores(photoLab, floor)).forEach((value, i) => { floor[i].score = value; });
rmSync(previous, { recursive: true, force: true });
// The peer: sharp 0.34 at AVIF effort 4 (the target for bytes and score).
const peerDir = mkdtempSync(join(tmpdir(), 'sharp-'));
const peer = (await sharpOutputs(photos, 4, peerDir)).outputs;
(await scores(photoLab, peer)).forEach((value, i) => { peer[i].score = value; });
rmSync(peerDir, { recursive: true, force: true });
const mean = (list) => list.reduce((sum, o) => sum + o.score, 0) / list.length;
const total = (list) => list.reduce((sum, o) => sum + o.size, 0);
const floorOf = (o) => floor.find((f) => f.original === o.original && f.width === o.width && f.format === o.format);

// A first pass (every 20 quantizers, one speed) placed the floor between 150 and 210.
const grid = (process.env.SWEEP ?? '').split(';').filter(Boolean);
const candidates = grid.length ? { [grid[0]]: grid.slice(1) } : {
  avif: [150, 165, 180, 195, 210].flatMap((q) => [6, 8, 10].map((speed) => `avif_quantizer=${q},avif_speed=${speed}`)),
  webp: [60, 70, 75, 80].flatMap((quality) => [2, 4, 6].map((method) => `webp_quality=${quality},webp_method=${method}`)),
  jpg: [75, 80, 85].map((quality) => `jpeg_quality=${quality}`),
};

console.log(`Encoder settings on the content's ${photos.length} photos, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores;`);
console.log('SSIMULACRA2 of every output against the same output of the previous pipeline (press before)');
for (const [format, list] of Object.entries(candidates)) {
  const old = floor.filter((f) => f.format === format);
  const oldBytes = total(old);
  const oldMean = mean(old);
  console.log();
  const peerOf = peer.filter((o) => o.format === format);
  const peerPhone = phoneOutputs(peerOf, format);
  console.log(`| ${format} settings | s | bytes | × before | mean | min | outputs below before | worst Δ | DPR-3 bytes | × sharp e4 | DPR-3 mean |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const oldPhone = phoneOutputs(old, format);
  console.log(`| press before | | ${oldBytes.toLocaleString('en')} | 1.00× | ${oldMean.toFixed(1)} | ${Math.min(...old.map((o) => o.score)).toFixed(1)} | | | ${total(oldPhone).toLocaleString('en')} | ${(total(oldPhone) / total(peerPhone)).toFixed(2)}× | ${mean(oldPhone).toFixed(1)} |`);
  console.log(`| sharp 0.34 effort 4 | | ${total(peerOf).toLocaleString('en')} | ${(total(peerOf) / oldBytes).toFixed(2)}× | ${mean(peerOf).toFixed(1)} | ${Math.min(...peerOf.map((o) => o.score)).toFixed(1)} | | | ${total(peerPhone).toLocaleString('en')} | 1.00× | ${mean(peerPhone).toFixed(1)} |`);
  const rows = [];
  for (const settings of list) {
    const out = mkdtempSync(join(tmpdir(), 'sweep-'));
    const { seconds } = JSON.parse(run(photoLab, ['encode', out, `formats=${format},${settings}`, ...photos]).stdout);
    const outputs = readdirSync(out).map((name) => {
      const m = name.match(/^(.*)-(\d+)\.(\w+)$/);
      const original = photos.find((p) => basename(p, extname(p)) === m[1]);
      const file = join(out, name);
      return { original, width: Number(m[2]), format: m[3], file, size: statSync(file).size };
    });
    (await scores(photoLab, outputs)).forEach((value, i) => { outputs[i].score = value; });
    const bytes = total(outputs);
    const phoneOf = phoneOutputs(outputs, format);
    const deltas = outputs.map((o) => o.score - floorOf(o).score);
    const row = {
      settings, seconds, bytes,
      mean: mean(outputs),
      min: Math.min(...outputs.map((o) => o.score)),
      below: deltas.filter((d) => d < 0).length,
      worst: Math.min(...deltas),
      phone: total(phoneOf),
      phoneMean: mean(phoneOf),
    };
    rows.push(row);
    rmSync(out, { recursive: true, force: true });
    console.log(`| ${settings} | ${seconds.toFixed(2)} | ${bytes.toLocaleString('en')} | ${(bytes / oldBytes).toFixed(2)}× | ${row.mean.toFixed(1)} | ${row.min.toFixed(1)} | ${row.below} | ${row.worst.toFixed(1)} | ${row.phone.toLocaleString('en')} | ${(row.phone / total(peerPhone)).toFixed(2)}× | ${row.phoneMean.toFixed(1)} |`);
  }
  const chosen = rows.filter((r) => r.below === 0).sort((a, b) => a.bytes - b.bytes || a.seconds - b.seconds)[0];
  console.log(`(${format}: the fewest bytes with no output below before: ${chosen ? chosen.settings : 'none'})`);
}
