// Pictures and files on their way to the API, which takes them base64 in JSON
// and at most ATTACHMENT_MAX_BYTES (512 KB by default): a phone's photo is
// 3–5 MB, so a picture is shrunk here to at most 1600 px and about 400 KB of
// JPEG first — enough to see a broken lamp or a signed sheet.

const MAX_SIDE = 1600;
const TARGET_BYTES = 400 * 1024;

/** The picture as a JPEG no larger than MAX_SIDE on its long side, its quality lowered until it fits TARGET_BYTES. */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  // A file the browser cannot decode (not a picture, or a format it does not read) says so in words.
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new Error('无法读取这张图片,请选择照片文件');
  });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  let blob: Blob | null = null;
  for (const quality of [0.85, 0.7, 0.55, 0.4]) {
    blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= TARGET_BYTES) break;
  }
  if (!blob) throw new Error('无法读取这张图片');
  return blob;
}

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Whether `file` is a picture worth shrinking before it is sent (a small one goes as it is). */
export function shrinkable(file: Blob): boolean {
  return ['image/jpeg', 'image/png', 'image/webp'].includes(file.type) && file.size > TARGET_BYTES;
}
