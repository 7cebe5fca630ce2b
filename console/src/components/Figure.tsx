// A statistics page's figure (受理案件 12 件) on a card; where a list holds
// the records it counts, the card is a link to them — the case list of the
// same unit and period, filtered as the figure counts — so a figure that
// surprises is one click from its cases. A figure of none links nowhere.
import { RightOutlined } from '@ant-design/icons';
import { Card, Statistic } from 'antd';
import { Link } from 'react-router-dom';

export function Figure({ title, value, suffix, to }: { title: string; value: number | string; suffix?: string; to?: string }) {
  const statistic = <Statistic title={title} value={value} suffix={suffix} />;
  // None counted: nothing to open.
  if (!to || value === 0) return <Card size="small" className="figure">{statistic}</Card>;
  return (
    // Named by what it shows (受理案件 3 件 明细): a label of its own would say other words than a reader sees.
    <Link to={to} className="figure-link">
      <Card size="small" className="figure" hoverable>
        {statistic}
        <span className="figure-more">
          明细 <RightOutlined aria-hidden />
        </span>
      </Card>
    </Link>
  );
}
