// 现场照片 and 处置照片 of a grid incident. A grid worker takes them with the
// phone's camera (or picks them from its album) in the report or the handling
// form; they are shrunk (../images.ts), uploaded at once, and the form carries
// their refs (photo:<id>). A form restored from its draft (./FormDraft.tsx)
// carries the refs back, and the picker shows those photos again, fetched
// from the API (their uploader's own; one the housekeeping sweep deleted, a
// week unnamed, is marked to be taken again).
// A record's page shows them as thumbnails fetched with the person's token (an
// <img src> could not send it).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Image, Space, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { MAX_PHOTOS } from '../../../domain/grid/types';
import { api, newIdempotencyKey, unwrap } from '../api/client';
import { blobToBase64, shrinkPhoto } from '../images';

/** Uploads one picture, shrunk; resolves to its ref. */
export async function uploadGridPhoto(file: File): Promise<string> {
  const shrunk = await shrinkPhoto(file);
  const fileName = `${file.name.replace(/\.[^.]*$/, '') || '照片'}.jpg`;
  const photo = await unwrap(
    api.POST('/api/grid-photos', { body: { fileName, contentType: 'image/jpeg', contentBase64: await blobToBase64(shrunk) }, headers: { 'Idempotency-Key': newIdempotencyKey() } }),
  );
  return photo.ref;
}

type PhotoFile = UploadFile<{ ref: string }>;

const UPLOADING = 'uploading:';
const FAILED = 'failed:';

/** What the form's value holds for a file: its ref once uploaded, else a marker the rule refuses. */
const refOf = (f: PhotoFile) => (f.status === 'done' && f.response ? f.response.ref : f.status === 'error' ? `${FAILED}${f.uid}` : `${UPLOADING}${f.uid}`);

/** A photo the person uploaded, as an object URL to show it again. */
async function ownPhotoUrl(ref: string): Promise<string> {
  const { data, error, response } = await api.GET('/api/grid-photos/{photoId}', { params: { path: { photoId: ref.slice('photo:'.length) } }, parseAs: 'blob' });
  if (error || !data) throw new Error(response.status === 404 ? '照片已过期,请重新拍照' : `照片无法显示(${response.status})`);
  return URL.createObjectURL(data as unknown as Blob);
}

/** The photos field's rule: not sent while a photo is uploading or after one was refused (it would be left out unsaid). */
export const photosRule = {
  validator: (_: unknown, refs: string[] | undefined) => {
    if (refs?.some((r) => r.startsWith(UPLOADING))) return Promise.reject(new Error('照片仍在上传,请稍候再提交'));
    if (refs?.some((r) => r.startsWith(FAILED))) return Promise.reject(new Error('有照片未上传成功,请删除后重新选择'));
    return Promise.resolve();
  },
};

/**
 * The photos field of a form (Form.Item gives value/onChange, with `photosRule`): the refs of the photos uploaded, and
 * a marker for each still uploading or refused, which the rule does not let the form send.
 */
export function PhotoPicker({ value, onChange, label }: { value?: string[]; onChange?: (refs: string[]) => void; label: string }) {
  const [files, setFiles] = useState<PhotoFile[]>([]);
  // The files as last changed, for the answers of the fetches below.
  const latest = useRef<PhotoFile[]>([]);
  const shown = useRef<string[]>([]);
  const change = (next: PhotoFile[]) => {
    latest.current = next;
    setFiles(next);
    onChange?.(next.map(refOf));
  };
  useEffect(() => {
    const refs = value ?? [];
    // A form reset (value back to empty) empties the picker too.
    if (refs.length === 0) {
      if (latest.current.some((f) => f.status === 'done')) change([]);
      return;
    }
    // Refs the picker does not hold: a form restored from its draft. Its photos are shown again; what was still
    // uploading when the draft was kept (a marker of a file gone with the page) is dropped.
    const held = new Set(latest.current.map(refOf));
    const unknown = refs.filter((r) => !held.has(r));
    if (unknown.length === 0) return;
    const restored: PhotoFile[] = unknown.filter((r) => r.startsWith('photo:')).map((ref) => ({ uid: ref, name: '照片', type: 'image/jpeg', status: 'done', response: { ref } }));
    change([...latest.current.filter((f) => refs.includes(refOf(f))), ...restored]);
    for (const file of restored) {
      ownPhotoUrl(file.uid).then(
        (url) => {
          shown.current.push(url);
          change(latest.current.map((f) => (f.uid === file.uid ? { ...f, thumbUrl: url, url } : f)));
        },
        (err: Error) => change(latest.current.map((f) => (f.uid === file.uid ? { ...f, status: 'error', error: err } : f))),
      );
    }
    // On the form's value only: change() reads the latest files itself.
  }, [value]);
  useEffect(() => () => shown.current.forEach((u) => URL.revokeObjectURL(u)), []);
  const failed = files.filter((f) => f.status === 'error');
  return (
    <>
      <Upload<{ ref: string }>
        listType="picture-card"
        accept="image/*"
        multiple
        fileList={files}
        maxCount={MAX_PHOTOS}
        // The remove button says what it does in Chinese (antd's icon names it "delete"); the thumbnail is the preview.
        showUploadList={{ showPreviewIcon: false, removeIcon: <DeleteOutlined aria-label="删除照片" /> }}
        onChange={({ fileList }) => change(fileList)}
        customRequest={({ file, onSuccess, onError }) => {
          uploadGridPhoto(file as File).then(
            (ref) => onSuccess?.({ ref }),
            (err: Error) => onError?.(err),
          );
        }}
      >
        {files.length >= MAX_PHOTOS ? null : (
          <button type="button" className="photo-add" aria-label={`${label}:拍照或选图`}>
            <PlusOutlined />
            <div>拍照或选图</div>
          </button>
        )}
      </Upload>
      {/* Why a photo was refused, where a phone (no hover) shows it too. */}
      {failed.map((f) => (
        <Typography.Text key={f.uid} type="danger" role="alert" className="photo-error">
          {f.name}:{f.error?.message ?? '上传未成功'}
        </Typography.Text>
      ))}
    </>
  );
}

function Thumbnail({ incidentId, id }: { incidentId: string; id: string }) {
  const blob = useQuery({
    queryKey: ['grid-photo', incidentId, id],
    staleTime: Infinity,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/grid-incidents/{id}/photos/{photoId}', { params: { path: { id: incidentId, photoId: id } }, parseAs: 'blob' });
      if (error || !data) throw new Error(`照片无法显示(${response.status})`);
      return data as unknown as Blob;
    },
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob.data) return undefined;
    const u = URL.createObjectURL(blob.data);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob.data]);
  if (blob.error) return <Typography.Text type="secondary">{blob.error.message}</Typography.Text>;
  return <Image width={96} height={96} style={{ objectFit: 'cover' }} src={url} placeholder alt="现场照片" />;
}

/** The photos a record names: uploaded ones as thumbnails that open full size; other references (a 12345 ticket's) as text. */
export function PhotoList({ incidentId, refs }: { incidentId: string; refs: readonly string[] }) {
  if (refs.length === 0) return <>—</>;
  const uploaded = refs.flatMap((r) => (r.startsWith('photo:') ? [r.slice('photo:'.length)] : []));
  const other = refs.filter((r) => !r.startsWith('photo:'));
  return (
    <Space direction="vertical" size={4}>
      {uploaded.length ? (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {uploaded.map((id) => <Thumbnail key={id} incidentId={incidentId} id={id} />)}
          </Space>
        </Image.PreviewGroup>
      ) : null}
      {other.length ? <span>{other.join('、')}</span> : null}
    </Space>
  );
}
