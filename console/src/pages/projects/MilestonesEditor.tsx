// The milestones of a project plan (title, amount in 元, due date) plus the
// final payment, as form fields — one editor for 新建申报, 重新提交申请 and
// 申请变更 — and the one conversion of those fields into the API's fen.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Money } from '../../components/Money';
import { yuanToFen } from '../../format';

export interface MilestoneRow { title?: string; amountYuan?: number; dueDate?: Dayjs }
export interface PlanValues { milestones?: MilestoneRow[]; finalYuan?: number }
export interface PlanMilestone { title: string; amountFen: number; dueDate: string }

/** Form values → the API's plan: milestones and final payment in fen, budget their sum. */
export function planFromValues(values: PlanValues): { budgetFen: number; finalPaymentFen: number; milestones: PlanMilestone[] } {
  const milestones = (values.milestones ?? []).map((m) => ({ title: m?.title ?? '', amountFen: yuanToFen(m?.amountYuan ?? 0), dueDate: m?.dueDate ? m.dueDate.format('YYYY-MM-DD') : '' }));
  const finalPaymentFen = yuanToFen(values.finalYuan ?? 0);
  return { budgetFen: milestones.reduce((s, m) => s + m.amountFen, 0) + finalPaymentFen, finalPaymentFen, milestones };
}

/** A plan from the API (fen) → form values (元, dayjs dates). */
export function valuesFromPlan(plan: { milestones?: PlanMilestone[]; finalPaymentFen?: number }): PlanValues {
  return {
    milestones: (plan.milestones ?? []).map((m) => ({ title: m.title, amountYuan: m.amountFen / 100, dueDate: dayjs(m.dueDate) })),
    finalYuan: (plan.finalPaymentFen ?? 0) / 100,
  };
}

export function MilestonesEditor({ compact }: { compact?: boolean }) {
  const form = Form.useFormInstance<PlanValues>();
  const milestones = Form.useWatch('milestones', form) ?? [];
  const finalYuan = Form.useWatch('finalYuan', form);
  const { budgetFen } = planFromValues({ milestones, finalYuan });
  const width = compact ? { title: 180, amount: 150, date: 140 } : { title: 240, amount: 180, date: 160 };
  return (
    <>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap className="milestone-row">
                <Typography.Text className="milestone-no">节点 {i + 1}</Typography.Text>
                <Form.Item name={[field.name, 'title']} label="节点名称" rules={[{ required: true, message: '请填写节点名称' }]}>
                  <Input style={{ width: width.title }} maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'amountYuan']} label="拨付金额" rules={[{ required: true, message: '请填写金额' }]}>
                  <InputNumber min={0} precision={2} style={{ width: width.amount }} addonAfter="元" />
                </Form.Item>
                <Form.Item name={[field.name, 'dueDate']} label="计划完成日期" rules={[{ required: true, message: '请选择日期' }]}>
                  <DatePicker style={{ width: width.date }} />
                </Form.Item>
                {fields.length > 1 ? (
                  <Button aria-label={`删除节点 ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} className="milestone-remove" />
                ) : null}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 20}>
              添加实施节点
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="finalYuan" label="尾款(验收合格后拨付)" style={{ marginTop: 16 }}>
        <InputNumber min={0} precision={2} style={{ width: 200 }} addonAfter="元" />
      </Form.Item>
      <Typography.Paragraph className="plan-budget">
        项目总预算 = 各节点金额 + 尾款 = <Money fen={budgetFen} strong />
      </Typography.Paragraph>
    </>
  );
}
