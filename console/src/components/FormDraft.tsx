// A long form's typing survives a reload, a tab the phone's browser dropped,
// or a session that ended under it (login brings the person back to the
// page): the values are kept in sessionStorage as they change — the tab's
// own, gone with it, so a shared office PC does not keep a party's phone or
// ID number on disk after — and offered back on the next visit, with the
// request's Idempotency-Key: a form sent whose answer was lost, reloaded and
// sent again, is the first request, not a second case or incident.
import { Alert, Button, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { newIdempotencyKey } from '../api/client';
import { draftKey } from '../drafts';
import { useSession } from '../session';

interface Stored {
  requestKey: string;
  values: Record<string, unknown>;
}

const DAY = '$day';

/** JSON of the values, dates (dayjs, from DatePicker) as their day. */
function serialize(values: object, omit: readonly string[]): string {
  const kept = Object.fromEntries(Object.entries(values).filter(([k, v]) => !omit.includes(k) && v !== undefined));
  return JSON.stringify(kept, function (this: Record<string, unknown>, k, v) {
    const raw = this[k];
    return dayjs.isDayjs(raw) ? { [DAY]: raw.format('YYYY-MM-DD') } : v;
  });
}

function read(key: string | null): Stored | null {
  if (!key) return null;
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    return JSON.parse(raw, (_k, v) => (v && typeof v === 'object' && DAY in v ? dayjs(String((v as Record<string, unknown>)[DAY])) : v)) as Stored;
  } catch {
    return null; // storage off (a private window), or an unreadable entry: no draft
  }
}

export interface FormDraft {
  /** The Idempotency-Key of this form's request: the draft's, when one was restored. */
  requestKey: string;
  /** Whether values were restored when the page opened. */
  restored: boolean;
  /** Form's onValuesChange: keeps the draft. */
  onValuesChange: (changed: unknown, all: object) => void;
  /** The request succeeded, or the person pressed 取消: no draft any more. */
  done: () => void;
  /** 清空重填: the form back to its initial values, with a new request. */
  discard: () => void;
}

/** The draft of form `name` for the person logged in; `omit`: fields not kept. */
export function useFormDraft(form: FormInstance, name: string, omit: readonly string[] = []): FormDraft {
  const { me } = useSession();
  const storageKey = me ? draftKey(me.person.id, name) : null;
  const [initial] = useState(() => read(storageKey));
  const [requestKey, setRequestKey] = useState(() => initial?.requestKey ?? newIdempotencyKey());
  const [restored, setRestored] = useState(Boolean(initial));
  // After the first render, when the form is connected to its fields.
  useEffect(() => {
    if (initial) form.setFieldsValue(initial.values as never);
  }, [form, initial]);
  const write = (values: object, key = requestKey) => {
    if (!storageKey) return;
    try {
      sessionStorage.setItem(storageKey, `{"requestKey":${JSON.stringify(key)},"values":${serialize(values, omit)}}`);
    } catch {
      // storage full or off: the form works without a draft
    }
  };
  return {
    requestKey,
    restored,
    onValuesChange: (_changed, all) => write(all),
    done: () => {
      if (storageKey) sessionStorage.removeItem(storageKey);
    },
    discard: () => {
      if (storageKey) sessionStorage.removeItem(storageKey);
      form.resetFields();
      setRestored(false);
      setRequestKey(newIdempotencyKey());
    },
  };
}

/** Says that a draft was restored, with 清空重填. */
export function DraftNotice({ draft }: { draft: FormDraft }) {
  if (!draft.restored) return null;
  return (
    <Alert
      className="form-alert"
      type="info"
      showIcon
      message="已恢复您在此页尚未提交的内容"
      action={
        <Button size="small" onClick={draft.discard}>
          清空重填
        </Button>
      }
    />
  );
}
