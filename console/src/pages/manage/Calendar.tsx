// 工作日历 (admin): each year's holidays (放假) and make-up working days
// (调休上班) that every working-day deadline counts on; a district
// administrator loads a new year from the State Council's notice or corrects
// one. Days are typed one per line, or as a range 2027-02-10~2027-02-17.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, newIdempotencyKey, unwrap, type Schemas } from '../../api/client';
import { QueryView } from '../../components/PageState';
import { isDistrictAdmin } from '../../access';
import { Stacked, useListColumns } from '../../components/Stacked';
import { beijingYear, formatDateTime } from '../../format';
import { useSession } from '../../session';

type CalendarYear = Schemas['CalendarYear'];

const DAY_MS = 86_400_000;

/** Lines of days or day ranges ("a~b") → the sorted distinct days; a line that is neither is reported. */
export function parseDays(text: string): { days: string[]; bad: string[] } {
  const days = new Set<string>();
  const bad: string[] = [];
  for (const raw of text.split(/[\n,，、]+/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至-]\s*(\d{4}-\d{2}-\d{2}))?$/.exec(line);
    const from = m ? Date.parse(`${m[1]}T00:00:00Z`) : NaN;
    const to = m?.[2] ? Date.parse(`${m[2]}T00:00:00Z`) : from;
    if (Number.isNaN(from) || Number.isNaN(to) || to < from || to - from > 31 * DAY_MS) {
      bad.push(line);
      continue;
    }
    for (let t = from; t <= to; t += DAY_MS) days.add(new Date(t).toISOString().slice(0, 10));
  }
  return { days: [...days].sort(), bad };
}

const daysRule = (label: string) => ({
  validator: (_: unknown, v: string | undefined) => {
    const { bad } = parseDays(v ?? '');
    return bad.length ? Promise.reject(new Error(`${label}中无法识别:${bad.slice(0, 3).join('、')}(格式如 2027-01-01 或 2027-02-10~2027-02-17)`)) : Promise.resolve();
  },
});

interface FormValues { year: number; source: string; holidays: string; workdays: string }

function YearForm({ initial, onClose }: { initial: Partial<FormValues> & { editing?: boolean }; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [key] = useState(newIdempotencyKey);
  const holidays = parseDays(Form.useWatch('holidays', form) ?? initial.holidays ?? '').days;
  const workdays = parseDays(Form.useWatch('workdays', form) ?? initial.workdays ?? '').days;
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      unwrap(
        api.PUT('/api/admin/calendar-years/{year}', {
          params: { path: { year: v.year } },
          headers: { 'Idempotency-Key': key },
          body: { source: v.source.trim(), holidays: parseDays(v.holidays).days, workdays: parseDays(v.workdays ?? '').days },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['calendar-years'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      width={640}
      title={initial.editing ? `修改 ${initial.year} 年工作日历` : '载入新年度工作日历'}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      maskClosable={false}
      onCancel={onClose}
      onOk={() => void form.validateFields().then(() => save.mutate(form.getFieldsValue(true) as FormValues))}
    >
      <Form form={form} layout="vertical" name="calendar-year" initialValues={initial}>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} disabled={initial.editing} />
        </Form.Item>
        <Form.Item name="source" label="依据文件" rules={[{ required: true, message: '请填写依据文件' }, { max: 200 }]}>
          <Input maxLength={200} placeholder="如:国务院办公厅关于2027年部分节假日安排的通知" />
        </Form.Item>
        <Form.Item name="holidays" label={`放假日期(每行一天或一段,共 ${holidays.length} 天)`} rules={[{ required: true, message: '请填写放假日期' }, daysRule('放假日期')]}>
          <Input.TextArea rows={6} placeholder={'2027-01-01\n2027-02-05~2027-02-13'} />
        </Form.Item>
        <Form.Item name="workdays" label={`调休上班日期(共 ${workdays.length} 天)`} rules={[daysRule('调休上班日期')]}>
          <Input.TextArea rows={3} placeholder="2027-02-14" />
        </Form.Item>
      </Form>
      {save.error ? <Alert role="alert" type="error" showIcon message="保存未成功" description={save.error.message} /> : null}
    </Modal>
  );
}

function DayTags({ days, color }: { days: string[]; color?: string }) {
  if (days.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {days.map((d) => (
        <Tag key={d} color={color}>
          {d}
        </Tag>
      ))}
    </Space>
  );
}

export default function CalendarPage() {
  const { now, me } = useSession();
  // The calendar is the whole district's: a street's administrator reads it, the API refuses them a change.
  const canLoad = isDistrictAdmin(me);
  const years = useQuery({ queryKey: ['calendar-years'], queryFn: () => unwrap(api.GET('/api/admin/calendar-years')) });
  const [editing, setEditing] = useState<(Partial<FormValues> & { editing?: boolean }) | null>(null);
  const nextYear = Math.max(beijingYear(now()), ...(years.data?.years ?? []).map((y) => y.year)) + 1;
  const edit = (y: CalendarYear) => (
    <Button
      size="small"
      onClick={(e) => {
        e.stopPropagation();
        setEditing({ editing: true, year: y.year, source: y.source, holidays: y.holidays.join('\n'), workdays: y.workdays.join('\n') });
      }}
    >
      修改
    </Button>
  );
  const origin = (y: CalendarYear) => (y.origin === 'loaded' ? <Tag color="blue">管理员载入</Tag> : <Tag>系统内置</Tag>);
  // On a phone, a year as one stacked cell (seven columns scrolled sideways, 修改 out of sight); a tap still
  // opens its days.
  const layout = useListColumns<CalendarYear>(
    {
      title: '年度',
      cell: (y) => (
        <Stacked>
          <span>
            {y.year} 年 · 放假 {y.holidays.length} 天 · 调休上班 {y.workdays.length} 天
          </span>
          <span className="timeline-meta">{y.source}</span>
          <Space size={4} wrap>
            {origin(y)}
            {y.updatedAt ? <span className="timeline-meta">{formatDateTime(y.updatedAt)} 更新</span> : null}
          </Space>
          {canLoad ? edit(y) : null}
        </Stacked>
      ),
    },
    [
      { title: '年度', dataIndex: 'year', width: 90 },
      { title: '放假天数', dataIndex: 'holidays', width: 100, render: (h: string[]) => `${h.length} 天` },
      { title: '调休上班', dataIndex: 'workdays', width: 100, render: (w: string[]) => `${w.length} 天` },
      { title: '依据', dataIndex: 'source' },
      { title: '来源', dataIndex: 'origin', width: 110, render: (_, y) => origin(y) },
      { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
      ...(canLoad ? [{ title: '操作', width: 90, render: (_: unknown, y: CalendarYear) => edit(y) }] : []),
    ],
  );
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>工作日历</Typography.Title>
          <Typography.Text type="secondary">公示期、调解期限等按工作日计算的期限均以此为准;已算出的期限不随修改变动。</Typography.Text>
        </div>
        {canLoad ? (
          <Button type="primary" onClick={() => setEditing({ year: nextYear, holidays: '', workdays: '', source: '' })}>
            载入新年度
          </Button>
        ) : null}
      </div>
      {(years.data?.toLoad ?? []).map((y) => (
        <Alert
          key={y.year}
          className="form-alert"
          type={y.current ? 'error' : 'warning'}
          showIcon
          message={`${y.year} 年度的节假日安排尚未载入`}
          // The button under the words, not beside them: on a phone an action squeezed the title to four characters a line.
          description={
            <>
              <div>
                {y.current
                  ? `本年度的期限现只把周末算作休息日,春节、国庆等假期被当作工作日计算。请按国务院办公厅的通知${canLoad ? '' : '由区级系统管理员'}载入。`
                  : `跨入 ${y.year} 年的期限现只把周末算作休息日。国务院办公厅通常在前一年秋季发布次年的节假日安排,发布后请${canLoad ? '' : '由区级系统管理员'}载入。`}
              </div>
              {canLoad ? (
                <Button size="small" className="alert-button" onClick={() => setEditing({ year: y.year, holidays: '', workdays: '', source: '' })}>
                  载入 {y.year} 年度
                </Button>
              ) : null}
            </>
          }
        />
      ))}
      <Card>
        <QueryView query={years} isEmpty={(d) => d.years.length === 0} emptyText="尚未载入任何年度">
          {(d) => (
            <Table<CalendarYear>
              rowKey="year"
              pagination={false}
              dataSource={[...d.years].sort((a, b) => b.year - a.year)}
              expandable={{
                expandRowByClick: true,
                expandedRowRender: (y) => (
                  <Descriptions column={1} size="small" bordered>
                    <Descriptions.Item label="放假">
                      <DayTags days={y.holidays} color="red" />
                    </Descriptions.Item>
                    <Descriptions.Item label="调休上班">
                      <DayTags days={y.workdays} color="blue" />
                    </Descriptions.Item>
                  </Descriptions>
                ),
              }}
              {...layout}
            />
          )}
        </QueryView>
      </Card>
      {editing ? <YearForm initial={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
