// A process action as a button that opens its form; the API's problem message
// appears beside the form when the action is refused, and nothing changes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, newIdempotencyKey, unwrap } from '../api/client';
import { actionPath, actionSpec, type Field, type ProcessName } from '../actions';
import { useSubmitError } from '../form-errors';
import { yuanToFen } from '../format';
import { PhotoPicker, photosRule } from './GridPhotos';

export interface ActionFormProps {
  process: ProcessName;
  subjectId: string;
  action: string;
  /** Fixed parts of the body (an availableAction's ref: milestone, disbursement…). */
  fixed?: Record<string, unknown>;
  /** Extra fields before the action's own (e.g. scoring criteria). */
  extraFields?: Field[];
  /** Text shown on the button; default the action's label. */
  buttonText?: string;
  /** Open the form at once (a task opened from 待办). */
  autoOpen?: boolean;
  /** Query keys to refresh after success. */
  invalidate?: unknown[][];
  /** Form parts beyond simple fields (e.g. the milestones editor), between the extra and the action's own fields. */
  formExtra?: ReactNode;
  /** Initial form values (e.g. the current plan a resubmission edits). */
  initial?: Record<string, unknown>;
  /** Modal width for larger forms. */
  width?: number;
  /** Turns the body (after money/lines conversion) into what the API takes; `values` are the raw form values. */
  transform?: (body: Record<string, unknown>, values: Record<string, unknown>) => Record<string, unknown>;
  onDone?: (result: unknown) => void;
}

function initialValues(fields: Field[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) if ((f.kind === 'choice' || f.kind === 'switch') && f.initial !== undefined) values[f.name] = f.initial;
  return values;
}

function toBody(fields: Field[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined || v === null || v === '') continue;
    if (f.kind === 'money') body[f.name] = yuanToFen(v as number);
    else if (f.kind === 'lines') body[f.name] = String(v).split('\n').map((s) => s.trim()).filter(Boolean);
    else if (f.kind === 'date') body[f.name] = (v as { format(f: string): string }).format('YYYY-MM-DD');
    else body[f.name] = v;
  }
  return body;
}

/** The control of a field; Form.Item passes value/onChange (or checked) through `rest`. */
export function FieldInput({ field, ...rest }: { field: Field } & Record<string, unknown>) {
  switch (field.kind) {
    case 'text':
      return <Input {...rest} aria-label={field.label} maxLength={field.max} placeholder={field.placeholder} />;
    case 'textarea':
      return <Input.TextArea {...rest} aria-label={field.label} rows={4} maxLength={field.max} showCount={Boolean(field.max && field.max <= 5000)} />;
    case 'lines':
      return <Input.TextArea {...rest} aria-label={field.label} rows={3} placeholder={field.placeholder ?? '每行一项'} />;
    case 'photos':
      return <PhotoPicker {...(rest as { value?: string[]; onChange?: (refs: string[]) => void })} label={`添加${field.label}`} />;
    case 'choice':
      {
        // aria-required (from Form.Item) belongs on the radiogroup role, not on antd's plain div.
        const { 'aria-required': required, ...radio } = rest;
        return (
          <div role="radiogroup" aria-label={field.label} aria-required={required as boolean | undefined}>
            <Radio.Group {...radio} optionType="button" buttonStyle="solid" options={field.options} />
          </div>
        );
      }
    case 'switch':
      return <Switch {...rest} aria-label={field.label} />;
    case 'money':
      return <InputNumber {...rest} aria-label={field.label} min={0} precision={2} step={100} style={{ width: '100%' }} addonAfter="元" />;
    case 'integer':
      return <InputNumber {...rest} aria-label={field.label} min={field.min} max={field.max} precision={0} style={{ width: '100%' }} />;
    case 'date':
      return <DatePicker {...rest} aria-label={field.label} style={{ width: '100%' }} />;
  }
}

export function FieldItem({ field }: { field: Field }) {
  const required = 'required' in field && field.required;
  return (
    <Form.Item
      name={field.name}
      label={field.label}
      valuePropName={field.kind === 'switch' ? 'checked' : 'value'}
      rules={field.kind === 'photos' ? [photosRule] : required ? [{ required: true, message: `请填写${field.label}` }] : undefined}
    >
      <FieldInput field={field} />
    </Form.Item>
  );
}

export function ActionForm({ process, subjectId, action, fixed, extraFields, formExtra, initial, width, buttonText, autoOpen, invalidate, transform, onDone }: ActionFormProps) {
  const spec = actionSpec(process, action);
  const fields = useMemo(() => [...(extraFields ?? []), ...spec.fields], [extraFields, spec.fields]);
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      unwrap(
        (api.POST as unknown as (path: string, init: { body: unknown; headers: Record<string, string> }) => Promise<{ data?: unknown; error?: unknown; response: Response }>)(
          actionPath(process, subjectId, action),
          { body, headers: { 'Idempotency-Key': key } },
        ),
      ),
    onSuccess: async (result) => {
      setOpen(false);
      setKey(newIdempotencyKey());
      form.resetFields();
      await Promise.all((invalidate ?? []).map((k) => queryClient.invalidateQueries({ queryKey: k })));
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onDone?.(result);
    },
  });

  const submitError = useSubmitError(form, mutation.error);

  useEffect(() => {
    if (autoOpen) setOpen(true);
  }, [autoOpen]);

  const submit = async () => {
    await form.validateFields();
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    let body = { ...(fixed ?? {}), ...toBody(fields, values) };
    if (transform) body = transform(body, values);
    mutation.mutate(body);
  };

  const noForm = fields.length === 0 && !formExtra;
  return (
    <>
      <Button
        type={spec.primary ? 'primary' : 'default'}
        danger={spec.danger}
        onClick={() => (noForm ? void submit() : setOpen(true))}
        loading={noForm && mutation.isPending}
        data-action={action}
      >
        {buttonText ?? spec.label}
      </Button>
      {noForm && mutation.error ? <Alert className="action-error" type="error" showIcon message={mutation.error.message} /> : null}
      <Modal
        open={open}
        title={spec.label}
        okText="提交"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => {
          setOpen(false);
          mutation.reset();
        }}
        confirmLoading={mutation.isPending}
        // A click beside the form (a stray one, or one falling through a dropdown as it closes) must not throw away
        // what the clerk typed: only 取消, × and Esc close a form. Every form dialog of the console does the same.
        maskClosable={false}
        destroyOnHidden
        forceRender
        width={width}
      >
        <Form form={form} layout="vertical" initialValues={{ ...initialValues(fields), ...initial }} name={`action-${action}`}>
          {(extraFields ?? []).map((f) => (
            <FieldItem key={f.name} field={f} />
          ))}
          {formExtra}
          {spec.fields.map((f) => (
            <FieldItem key={f.name} field={f} />
          ))}
        </Form>
        {submitError ? <Alert role="alert" type="error" showIcon message="操作未成功" description={submitError} /> : null}
      </Modal>
    </>
  );
}
