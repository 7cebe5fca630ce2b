// Pictures for the demo incidents' photos, drawn here (no image files in the
// repository, nothing downloaded): a street lamp at dusk for the broken light,
// a manhole cover in a pavement for the repaired one. PNG, encoded with
// node:zlib; a few kilobytes each.
import { deflateSync, crc32 } from 'node:zlib';

const W = 640;
const H = 480;
type Rgb = [number, number, number];

function png(pixel: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((W * 3 + 1) * H);
  for (let y = 0; y < H; y++) {
    raw[y * (W * 3 + 1)] = 0; // no filter
    for (let x = 0; x < W; x++) raw.set(pixel(x, y), y * (W * 3 + 1) + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as Rgb;

/** A street lamp, its head dark, against a dusk sky over a pavement. */
function streetlight(x: number, y: number): Rgb {
  const horizon = 330;
  if (x >= 300 && x < 316 && y >= 120 && y < horizon + 40) return [52, 56, 62]; // the pole
  if (y >= 104 && y < 124 && x >= 300 && x < 420) return [52, 56, 62]; // the arm
  if (y >= 124 && y < 146 && x >= 380 && x < 440) return [88, 92, 96]; // the unlit lamp head
  if (y < horizon) return mix([34, 46, 92], [214, 150, 112], y / horizon);
  return (Math.floor(x / 80) + Math.floor((y - horizon) / 40)) % 2 ? [150, 146, 138] : [168, 164, 156];
}

/** A round manhole cover set in a grey road, with its grip ribs. */
function manholeFixed(x: number, y: number): Rgb {
  const d = Math.hypot(x - 320, y - 250);
  if (d < 120) return Math.floor((y - 130) / 16) % 2 ? [70, 72, 76] : [92, 94, 98];
  if (d < 132) return [120, 120, 118];
  return (x * 7 + y * 13) % 23 < 3 ? [96, 96, 94] : [128, 128, 126];
}

export const DEMO_PICTURES = { streetlight, 'manhole-fixed': manholeFixed } as const;
export type DemoPicture = keyof typeof DEMO_PICTURES;

export function demoPicturePng(name: DemoPicture): Buffer {
  return png(DEMO_PICTURES[name]);
}
