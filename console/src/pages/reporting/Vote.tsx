// 民主评议 vote on a phone: one tap per choice, a confirmation, "已投票"
// afterwards; nobody's choices are ever shown.
import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, newIdempotencyKey, unwrap } from '../../api/client';
import { VOTE_CHOICES } from '../../actions';
import { QueryView } from '../../components/PageState';
import { formatDateTime } from '../../format';

type Choice = (typeof VOTE_CHOICES)[number]['value'];

export default function VotePage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [key] = useState(newIdempotencyKey);
  const [done, setDone] = useState(false);
  const query = useQuery({ queryKey: ['report', id], queryFn: () => unwrap(api.GET('/api/reporting/{id}', { params: { path: { id } } })) });
  const vote = useMutation({
    mutationFn: (c: Choice) =>
      unwrap(api.POST('/api/reporting/{id}/actions/{action}', { params: { path: { id, action: 'castVote' } }, headers: { 'Idempotency-Key': key }, body: { choice: c } })),
    onSuccess: async () => {
      setChoice(null);
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: ['report', id] });
    },
    onError: async () => {
      setChoice(null);
      await queryClient.invalidateQueries({ queryKey: ['report', id] });
    },
  });
  const label = VOTE_CHOICES.find((c) => c.value === choice)?.label;
  return (
    <div className="vote-page">
      <header className="vote-header">
        <span className="brand-mark" aria-hidden="true">治</span>
        <Typography.Text strong>民主评议</Typography.Text>
        <Link to="/" className="vote-home">返回工作台</Link>
      </header>
      <QueryView query={query}>
        {(r) => {
          const voted = done || r.myVote?.voted;
          return (
            <Card>
              <Typography.Title level={4} className="vote-title">{r.communityName} 党组织书记 {r.year} 年度述职</Typography.Title>
              <Typography.Paragraph type="secondary">
                请对社区党组织书记的年度工作作出评价。投票不记名,每人一票,提交后不可更改。投票截止:{formatDateTime(r.dueAt)}
              </Typography.Paragraph>
              {voted ? (
                <Result icon={<CheckCircleFilled style={{ color: '#389e0d' }} />} status="success" title="已投票" subTitle="感谢您参与民主评议。结果将在评议结束后公示。" />
              ) : r.stage !== 'vote' ? (
                <Alert type="info" showIcon message="当前不在民主评议投票阶段" />
              ) : r.myVote && !r.myVote.onRoll ? (
                <Alert type="warning" showIcon message="您不在本次民主评议的代表名单中" />
              ) : (
                <div role="group" aria-label="评议选项">
                  {VOTE_CHOICES.map((c) => (
                    <Button key={c.value} block size="large" className="vote-choice" type={c.value === 'satisfied' ? 'primary' : 'default'} danger={c.value === 'dissatisfied'} onClick={() => setChoice(c.value)}>
                      {c.label}
                    </Button>
                  ))}
                </div>
              )}
              {vote.error ? <Alert role="alert" type="error" showIcon message="投票未成功" description={vote.error.message} style={{ marginTop: 12 }} /> : null}
            </Card>
          );
        }}
      </QueryView>
      <Modal
        open={choice !== null}
        title="确认投票"
        okText="确认提交"
        cancelText="返回修改"
        onOk={() => choice && vote.mutate(choice)}
        onCancel={() => setChoice(null)}
        confirmLoading={vote.isPending}
        centered
      >
        <Typography.Paragraph>
          您的选择:<Typography.Text strong className="vote-confirm-choice">{label}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">提交后不可更改。</Typography.Paragraph>
      </Modal>
    </div>
  );
}
